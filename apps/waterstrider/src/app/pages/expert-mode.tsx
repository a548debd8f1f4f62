import { useEffect, useRef, useState } from 'react';
import type { PartialFailurePolicy, ResourceInfo, ResourceKind, ReviewInfo } from '../api/tumblebug';
import { reviewExpert, type ExpertChoice } from '../domain/expert-review';
import { useApis, useSession } from '../session/session';
import { ErrorMessage } from '../ui/feedback';
import { useAsync } from '../ui/use-async';

const NS_KINDS = ['vNet', 'securityGroup', 'sshKey'] as const;

export interface ExpertRequest {
  /** The static MCIS request (POST /ns/{ns}/mci), once every resource is chosen. */
  body?: unknown;
  review: ReviewInfo;
}

/**
 * Expert: the connection first, then every resource of the subGroup among those on it — specs and images of
 * the namespace and the system catalog, the namespace's vNet (and one of its subnets), security group and key.
 */
export function ExpertMode(props: {
  name: string;
  policy: PartialFailurePolicy;
  onChange: (request: ExpertRequest) => void;
}) {
  const { tumblebug, spider } = useApis();
  const { namespace } = useSession();
  const connections = useAsync(async () => (await spider.connections()).map((c) => c.ConfigName), []);
  const [connectionName, setConnection] = useState('');
  const resources = useAsync(async () => {
    if (!connectionName) return undefined;
    const mine = (kind: ResourceKind) => tumblebug.resources(namespace, kind, connectionName);
    const [specs, systemSpecs, images, systemImages, ...rest] = await Promise.all([
      mine('spec'),
      tumblebug.specs(connectionName),
      mine('image'),
      tumblebug.images(connectionName),
      ...NS_KINDS.map(mine),
    ]);
    return {
      spec: [...specs, ...systemSpecs],
      image: [...images, ...systemImages],
      ...Object.fromEntries(NS_KINDS.map((kind, i) => [kind, rest[i]!])),
    } as Record<ResourceKind, ResourceInfo[]>;
  }, [namespace, connectionName]);
  const [choice, setChoice] = useState<Partial<Record<ResourceKind | 'subnet', string>>>({});
  const [size, setSize] = useState(1);
  const { name, policy } = props;
  // The parent's callback may be a new function each render; the request is sent when its content changes.
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  const find = (kind: ResourceKind) => resources.data?.[kind].find((r) => r.id === choice[kind]);
  const vNet = find('vNet');
  const picked: ExpertChoice = {
    connectionName,
    size,
    spec: find('spec'),
    image: find('image'),
    vNet,
    subnetId: choice.subnet,
    securityGroup: find('securityGroup'),
    sshKey: find('sshKey'),
  };
  const review = reviewExpert(picked);
  const key = JSON.stringify([picked, name, policy]);
  useEffect(() => {
    onChange.current({
      review,
      body: review.creationViable
        ? {
            name,
            policyOnPartialFailure: policy,
            subGroups: [
              {
                name: 'g1',
                subGroupSize: size,
                connectionName,
                specId: picked.spec!.id,
                imageId: picked.image!.id,
                vNetId: vNet!.id,
                subnetId: choice.subnet,
                securityGroupIds: [picked.securityGroup!.id],
                sshKeyId: picked.sshKey!.id,
              },
            ],
          }
        : undefined,
    });
    // `key` stands for everything the request is made of.
  }, [key]);

  const select = (kind: ResourceKind | 'subnet', label: string, options: Array<[string, string]>) => (
    <label key={kind}>
      {label}
      <select value={choice[kind] ?? ''} onChange={(e) => setChoice({ ...choice, [kind]: e.target.value })}>
        <option value="">— choose —</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
  const options = (kind: ResourceKind, describe: (r: ResourceInfo) => string = (r) => r.id) =>
    (resources.data?.[kind] ?? []).map((r): [string, string] => [r.id, describe(r)]);
  return (
    <div className="grid card">
      <ErrorMessage
        error={connections.error ?? resources.error}
        onRetry={connections.error ? connections.reload : resources.reload}
      />
      <label>
        Connection
        <select
          value={connectionName}
          onChange={(e) => {
            setConnection(e.target.value);
            setChoice({});
          }}
        >
          <option value="">— choose —</option>
          {(connections.data ?? []).map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      {select(
        'spec',
        'Spec',
        options(
          'spec',
          (s) => `${s.cspSpecName ?? s.id}${s.costPerHour && s.costPerHour > 0 ? ` ($${s.costPerHour}/h)` : ''}`,
        ),
      )}
      {select(
        'image',
        'Image',
        options('image', (i) => `${i.id}${i.osType ? ` (${i.osType})` : ''}`),
      )}
      {select('vNet', 'vNet', options('vNet'))}
      {select(
        'subnet',
        'Subnet',
        (vNet?.subnetInfoList ?? []).map((s): [string, string] => [
          s.id,
          `${s.id}${s.ipv4_CIDR ? ` ${s.ipv4_CIDR}` : ''}`,
        ]),
      )}
      {select('securityGroup', 'Security group', options('securityGroup'))}
      {select('sshKey', 'SSH key', options('sshKey'))}
      <label>
        VMs
        <input type="number" min={1} value={size} onChange={(e) => setSize(Math.max(1, Number(e.target.value)))} />
      </label>
      {connectionName && resources.data && resources.data.vNet.length === 0 && (
        <p className="muted">
          No vNet on {connectionName} in {namespace} yet: Express mode makes them itself.
        </p>
      )}
    </div>
  );
}

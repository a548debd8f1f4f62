import { useEffect, useState } from 'react';
import type { PartialFailurePolicy } from '../api/tumblebug';
import { useApis, useSession } from '../session/session';
import { ErrorMessage } from '../ui/feedback';
import { useAsync } from '../ui/use-async';

const KINDS = ['spec', 'image', 'vNet', 'securityGroup', 'sshKey'] as const;

/** Expert: every resource of the subGroup chosen from those registered in the namespace. */
export function ExpertMode(props: { name: string; policy: PartialFailurePolicy; onChange: (body: unknown) => void }) {
  const { tumblebug, spider } = useApis();
  const { namespace } = useSession();
  const resources = useAsync(async () => {
    const lists = await Promise.all(KINDS.map((kind) => tumblebug.resources(namespace, kind)));
    const connections = await spider.connections();
    return {
      lists: Object.fromEntries(KINDS.map((kind, i) => [kind, lists[i]!.map((r) => r.id)])),
      connections: connections.map((c) => c.ConfigName),
    };
  }, [namespace]);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [size, setSize] = useState(1);
  const { onChange, name, policy } = props;
  useEffect(() => {
    const complete = ['connectionName', ...KINDS].every((key) => choice[key]);
    onChange(
      complete
        ? {
            name,
            policyOnPartialFailure: policy,
            subGroups: [
              {
                name: 'g1',
                subGroupSize: size,
                connectionName: choice.connectionName,
                specId: choice.spec,
                imageId: choice.image,
                vNetId: choice.vNet,
                subnetId: `${choice.vNet}-subnet`,
                securityGroupIds: [choice.securityGroup],
                sshKeyId: choice.sshKey,
              },
            ],
          }
        : undefined,
    );
  }, [choice, size, name, policy, onChange]);
  const select = (key: string, options: string[]) => (
    <label key={key}>
      {key}
      <select value={choice[key] ?? ''} onChange={(e) => setChoice({ ...choice, [key]: e.target.value })}>
        <option value="">— choose —</option>
        {options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="grid card">
      <ErrorMessage error={resources.error} onRetry={resources.reload} />
      {select('connectionName', resources.data?.connections ?? [])}
      {KINDS.map((kind) => select(kind, resources.data?.lists[kind] ?? []))}
      <label>
        VMs
        <input type="number" min={1} value={size} onChange={(e) => setSize(Math.max(1, Number(e.target.value)))} />
      </label>
    </div>
  );
}

import { AlreadyExistsError, NotFoundError } from '@cb/errors';
import type { TumblebugDeps } from '../../deps';
import type { McisResources, NamedResource, SharedResources } from './ports';

type Info = Record<string, unknown>;

const SYSTEM_NS = 'system';

/** MCIS's view of namespaces, connections and MCIR, over the services in TumblebugDeps. */
export class TumblebugResources implements McisResources {
  constructor(private readonly deps: Pick<TumblebugDeps, 'namespaces' | 'connections' | 'resources' | 'dataSource'>) {}

  async namespaceExists(nsId: string) {
    return (await orUndefined(() => this.deps.namespaces.require(nsId).then(() => true))) ?? false;
  }

  async connection(configName: string) {
    return orUndefined(() => this.deps.connections.get(configName));
  }

  async spec(nsId: string, specId: string) {
    const info = (await this.get(nsId, 'spec', specId)) ?? (await this.get(SYSTEM_NS, 'spec', specId));
    if (!info) return undefined;
    return {
      id: String(info.id),
      connectionName: String(info.connectionName ?? ''),
      cspSpecName: String(info.cspSpecName ?? ''),
      providerName: String(info.providerName ?? ''),
      regionName: String(info.regionName ?? ''),
      costPerHour: Number(info.costPerHour ?? -1),
      info,
    };
  }

  async image(nsId: string, imageId: string) {
    const custom = await this.get(nsId, 'customImage', imageId);
    if (custom)
      return {
        id: imageId,
        cspImageName: String(custom.cspResourceName ?? imageId),
        info: custom,
        imageType: 'MyImage' as const,
      };
    const info = (await this.get(nsId, 'image', imageId)) ?? (await this.get(SYSTEM_NS, 'image', imageId));
    if (!info) return undefined;
    return {
      id: String(info.id ?? imageId),
      cspImageName: String(info.cspImageName ?? info.cspImageId ?? imageId),
      info,
      imageType: 'PublicImage' as const,
    };
  }

  vNet(nsId: string, id: string) {
    return this.named(nsId, 'vNet', id);
  }

  async subnet(nsId: string, vNetId: string, subnetId: string): Promise<NamedResource | undefined> {
    const vNet = await this.get(nsId, 'vNet', vNetId);
    const subnets = (vNet?.subnetInfoList ?? []) as Info[];
    const subnet = subnets.find((s) => s.id === subnetId || s.name === subnetId);
    if (!vNet || !subnet) return undefined;
    return {
      id: subnetId,
      connectionName: String(vNet.connectionName),
      cspResourceName: String(subnet.cspResourceName),
    };
  }

  securityGroup(nsId: string, id: string) {
    return this.named(nsId, 'securityGroup', id);
  }

  sshKey(nsId: string, id: string) {
    return this.named(nsId, 'sshKey', id);
  }

  /** The key's private half (decrypted), '' when the key is gone or never had one: for accessinfo showSshKey. */
  async sshPrivateKey(nsId: string, id: string): Promise<string> {
    return (await orUndefined(() => this.deps.resources.sshPrivateKey(nsId, id))) ?? '';
  }

  /** A customImage `name` made from the VM (upstream's POST …/vm/{vmId}/snapshot), through spider. */
  snapshot(
    nsId: string,
    vm: { connectionName: string; id: string; cspResourceName: string },
    name: string,
    description = '',
  ) {
    return this.deps.resources.create(
      nsId,
      { resourceType: 'customImage', req: { name, connectionName: vm.connectionName, sourceVmId: vm.id, description } },
      false,
      vm.cspResourceName,
    );
  }

  dataDisk(nsId: string, id: string) {
    return this.named(nsId, 'dataDisk', id);
  }

  /**
   * `{nsId}-shared-{connection}` vNet (one subnet), security group (all open as upstream's default) and
   * key. A PostgreSQL advisory lock per name serialises concurrent creations across processes; an id
   * that appears meanwhile is taken as is (upstream #2123).
   */
  async ensureShared(nsId: string, connectionName: string): Promise<SharedResources> {
    const name = `${nsId}-shared-${connectionName}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
    const runner = this.deps.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`tumblebug:shared:${name}`]);
      await this.ensure(nsId, 'vNet', name, {
        name,
        connectionName,
        cidrBlock: '10.0.0.0/16',
        subnetInfoList: [{ name, ipv4_CIDR: '10.0.1.0/24' }],
        description: 'shared vNet of dynamic MCIS',
      });
      await this.ensure(nsId, 'securityGroup', name, {
        name,
        connectionName,
        vNetId: name,
        description: 'shared security group of dynamic MCIS',
        firewallRules: [
          { Direction: 'inbound', Protocol: 'TCP', Ports: '1-65535', CIDR: '0.0.0.0/0' },
          { Direction: 'inbound', Protocol: 'UDP', Ports: '1-65535', CIDR: '0.0.0.0/0' },
          { Direction: 'inbound', Protocol: 'ICMP', CIDR: '0.0.0.0/0' },
        ],
      });
      await this.ensure(nsId, 'sshKey', name, { name, connectionName, description: 'shared key of dynamic MCIS' });
      return { vNetId: name, subnetId: name, securityGroupId: name, sshKeyId: name };
    } finally {
      await runner
        .query('SELECT pg_advisory_unlock(hashtext($1))', [`tumblebug:shared:${name}`])
        .catch(() => undefined);
      await runner.release();
    }
  }

  private async ensure(nsId: string, resourceType: 'vNet' | 'securityGroup' | 'sshKey', id: string, req: object) {
    if (await this.get(nsId, resourceType, id)) return;
    try {
      await this.deps.resources.create(nsId, { resourceType, req } as never);
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
  }

  private async named(nsId: string, type: 'vNet' | 'securityGroup' | 'sshKey' | 'dataDisk', id: string) {
    const info = await this.get(nsId, type, id);
    if (!info) return undefined;
    return {
      id,
      connectionName: String(info.connectionName ?? ''),
      cspResourceName: String(info.cspResourceName ?? ''),
    };
  }

  private get(
    nsId: string,
    type: Parameters<TumblebugDeps['resources']['get']>[1],
    id: string,
  ): Promise<Info | undefined> {
    return orUndefined(() => this.deps.resources.get(nsId, type, id));
  }
}

async function orUndefined<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
}

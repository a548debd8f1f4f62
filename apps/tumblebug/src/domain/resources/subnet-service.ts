import { AlreadyExistsError, ConflictError, InvalidArgumentError, NotFoundError } from '@cb/errors';
import type { SpiderClient } from '@cb/spider-client';
import { checkName } from '../namespace/name-rules';
import { subnetCspName, toSubnetInfo } from './cloud-resources';
import type { SubnetReq } from './resource-requests';
import type { ResourceRecord, ResourceStore } from './resource-store';
import type { ResourceUsage } from './resource-usage';

type Info = Record<string, unknown>;

const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** An IPv4 CIDR block ("10.0.1.0/24"): four octets up to 255 and a prefix up to 32. */
export function checkCidr(value: string, field = 'ipv4_CIDR'): string {
  const parts = CIDR.exec(value.trim());
  const octets = parts?.slice(1, 5).map(Number) ?? [];
  if (!parts || octets.some((octet) => octet > 255) || Number(parts[5]) > 32) {
    throw new InvalidArgumentError(`${field}: '${value.slice(0, 40)}' is not an IPv4 CIDR block such as 10.0.1.0/24`);
  }
  return value.trim();
}

/** The usage key of a subnet: VMs mark `<vNetId>/<subnetId>` as used, so that a used subnet stays. */
export const subnetRef = (nsId: string, vNetId: string, subnetId: string) => ({
  nsId,
  resourceType: 'subnet' as const,
  resourceId: `${vNetId}/${subnetId}`,
});

interface SubnetServiceOptions {
  spider: Pick<SpiderClient, 'addSubnet' | 'removeSubnet'>;
  store: ResourceStore;
  usage: ResourceUsage;
  /** The vNet's record, or NotFoundError. */
  vNet(nsId: string, vNetId: string): Promise<ResourceRecord>;
}

/**
 * Subnets of a vNet (upstream's …/vNet/{vNetId}/subnet): added and removed through spider, kept in the
 * vNet's `subnetInfoList`. A subnet a VM uses cannot be removed (409).
 */
export class SubnetService {
  constructor(private readonly o: SubnetServiceOptions) {}

  async add(nsId: string, vNetId: string, req: SubnetReq): Promise<Info> {
    checkName(req.name);
    const cidr = checkCidr(req.ipv4_CIDR);
    const vNet = await this.o.vNet(nsId, vNetId);
    if (subnetsOf(vNet).some((s) => s.id === req.name)) {
      throw new AlreadyExistsError(`The subnet ${req.name} already exists in vNet ${vNetId}`);
    }
    const cspVNetName = String(vNet.info.cspResourceName);
    const cspName = subnetCspName(cspVNetName, req.name);
    const vpc = await this.o.spider.addSubnet(vNet.connectionName, cspVNetName, {
      Name: cspName,
      IPv4_CIDR: cidr,
      Zone: req.zone,
    });
    const made = vpc.SubnetInfoList.find((s) => s.IId.NameId === cspName);
    if (!made) throw new ConflictError(`spider did not add the subnet ${req.name} to vNet ${vNetId}`);
    const info = toSubnetInfo(vpc, made, req);
    // Read again: the list may have changed during the cloud call.
    const fresh = await this.o.vNet(nsId, vNetId);
    fresh.info.subnetInfoList = [...subnetsOf(fresh).filter((s) => s.id !== req.name), info];
    await this.o.store.save(fresh);
    return info;
  }

  async list(nsId: string, vNetId: string): Promise<Info[]> {
    return subnetsOf(await this.o.vNet(nsId, vNetId));
  }

  async get(nsId: string, vNetId: string, subnetId: string): Promise<Info> {
    return subnetOf(await this.o.vNet(nsId, vNetId), subnetId);
  }

  async remove(nsId: string, vNetId: string, subnetId: string, force = false): Promise<void> {
    const vNet = await this.o.vNet(nsId, vNetId);
    const subnet = subnetOf(vNet, subnetId);
    const users = await this.o.usage.usersOf(subnetRef(nsId, vNetId, subnetId));
    if (users.length) {
      throw new ConflictError(`The subnet ${subnetId} of vNet ${vNetId} is in use by ${users.join(', ')}`, {
        associatedObjectList: users,
      });
    }
    try {
      await this.o.spider.removeSubnet(
        vNet.connectionName,
        String(vNet.info.cspResourceName),
        String(subnet.cspResourceName),
        { force },
      );
    } catch (error) {
      // Already gone in the cloud: forgetting it here is what the caller asked for.
      if (!(error instanceof NotFoundError)) throw error;
    }
    const fresh = await this.o.vNet(nsId, vNetId);
    fresh.info.subnetInfoList = subnetsOf(fresh).filter((s) => s.id !== subnetId);
    await this.o.store.save(fresh);
  }
}

const subnetsOf = (vNet: ResourceRecord) => (vNet.info.subnetInfoList ?? []) as Info[];

function subnetOf(vNet: ResourceRecord, subnetId: string): Info {
  const subnet = subnetsOf(vNet).find((s) => s.id === subnetId);
  if (!subnet) throw new NotFoundError(`The subnet ${subnetId} does not exist in vNet ${vNet.id}`, { id: subnetId });
  return subnet;
}

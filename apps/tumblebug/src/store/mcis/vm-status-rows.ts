import type { EntityManager } from 'typeorm';
import type { McisVmEntity, VmAccess } from './mcis-vm.entity';

/** What a status answer shows of a VM: no resources, labels or placement details (MciStatusInfo.vm). */
export type VmStatusRow = Pick<
  McisVmEntity,
  | 'mcisId'
  | 'id'
  | 'uid'
  | 'cspResourceName'
  | 'cspResourceId'
  | 'status'
  | 'targetStatus'
  | 'targetAction'
  | 'nativeStatus'
  | 'systemMessage'
  | 'createdAt'
  | 'location'
> & { access: Pick<VmAccess, 'publicIP' | 'privateIP' | 'sshPort'> };

interface Row {
  mcis_id: string;
  id: string;
  uid: string;
  csp_resource_name: string;
  csp_resource_id: string;
  status: string;
  target_status: string;
  target_action: string;
  native_status: string;
  system_message: string;
  created_at: Date;
  location: Record<string, unknown>;
  public_ip: string | null;
  private_ip: string | null;
  ssh_port: number | null;
}

/**
 * The status rows of one MCIS (or, without `mcisId`, of every MCIS of the namespace) in one lean query:
 * a console polling the status of a 1,000-VM MCIS reads a few columns, not every VM's whole record.
 */
export async function readVmStatusRows(em: EntityManager, nsId: string, mcisId?: string): Promise<VmStatusRow[]> {
  const rows: Row[] = await em.query(
    `SELECT mcis_id, id, uid, csp_resource_name, csp_resource_id, status, target_status, target_action,
            native_status, system_message, created_at, location, access->>'publicIP' AS public_ip,
            access->>'privateIP' AS private_ip, (access->>'sshPort')::int AS ssh_port
     FROM mcis_vms WHERE ns_id = $1 AND ($2::text IS NULL OR mcis_id = $2)
     ORDER BY mcis_id, sub_group_id, sub_group_index`,
    [nsId, mcisId ?? null],
  );
  return rows.map((r) => ({
    mcisId: r.mcis_id,
    id: r.id,
    uid: r.uid,
    cspResourceName: r.csp_resource_name,
    cspResourceId: r.csp_resource_id,
    status: r.status,
    targetStatus: r.target_status,
    targetAction: r.target_action,
    nativeStatus: r.native_status,
    systemMessage: r.system_message,
    createdAt: r.created_at,
    location: r.location,
    access: {
      ...(r.public_ip === null ? {} : { publicIP: r.public_ip }),
      ...(r.private_ip === null ? {} : { privateIP: r.private_ip }),
      ...(r.ssh_port === null ? {} : { sshPort: r.ssh_port }),
    },
  }));
}

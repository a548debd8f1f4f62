import type { VPCInfo } from '@cb/driver-sdk';
import { NotFoundError } from '@cb/errors';
import { type ConnectionScope, driverIid } from './connection-scope';
import { recordSubnet, vpcHandler, vpcs } from './vpc';

export interface SubnetRegisterRequest {
  Name: string;
  VPCName: string;
  CSPId: string;
  Zone?: string;
}

const label = (name: string, operation: string) => ({ resourceType: 'subnet', resourceName: name, operation });

/**
 * Upstream's subnet management (`/regsubnet`, `DELETE /regsubnet/:Name`, `DELETE /vpc/:VPCName/cspsubnet/:Id`):
 * a subnet lives inside a VPC, so these take the VPC by the user's name, unlike the other kinds' generic calls.
 */
export const subnetManagement = {
  /** Adds the row of a subnet the cloud's VPC already has; nothing is created in the cloud. Answers the VPC. */
  async register(scope: ConnectionScope, req: SubnetRegisterRequest): Promise<VPCInfo> {
    const vpc = await scope.row('vpc', req.VPCName);
    await scope.ensureFree('subnet', req.Name, req.VPCName);
    const info = await scope.call(label(req.Name, 'getVPC'), (c) => vpcHandler(scope)(c).getVPC(driverIid(vpc)));
    const subnet = info.SubnetInfoList.find((s) => s.IId.SystemId === req.CSPId || s.IId.NameId === req.CSPId);
    if (!subnet) {
      throw new NotFoundError(`Subnet '${req.CSPId}' does not exist in the cloud's VPC '${req.VPCName}'`, {
        field: 'ReqInfo.CSPId',
      });
    }
    await recordSubnet(scope, req.VPCName, req.Name, { ...subnet, Zone: req.Zone || subnet.Zone });
    return vpcs.toUser(scope, info);
  },

  /** Forgets the subnet's row only; the cloud's subnet stays. */
  async unregister(scope: ConnectionScope, vpcName: string, name: string): Promise<boolean> {
    await scope.row('subnet', name, vpcName);
    return scope.iids.delete('subnet', scope.name, name, vpcName);
  },

  /** Removes a subnet from the cloud's VPC by its cloud id (cleanup of a subnet spider does not know). */
  async deleteInCloud(scope: ConnectionScope, vpcName: string, cspId: string): Promise<boolean> {
    const vpc = await scope.row('vpc', vpcName);
    return scope.call(label(cspId, 'removeSubnet'), (c) =>
      vpcHandler(scope)(c).removeSubnet(driverIid(vpc), { NameId: '', SystemId: cspId }),
    );
  },
};

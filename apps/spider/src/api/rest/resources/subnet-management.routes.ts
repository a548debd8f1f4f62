import { Router, type Request } from 'express';
import type { ResourceRuntime } from '../../../domain/resources/resource-runtime';
import { subnetManagement } from '../../../domain/resources/subnet-management';
import { connectionNameOf, reqInfoOf } from './request';
import { subnetRegisterSchema, vpcNameSchema } from './schemas';

/**
 * Upstream's subnet management: `POST /regsubnet` (answers the VPC), `DELETE /regsubnet/:Name` (the VPC in
 * `ReqInfo.VPCName`) and `DELETE /vpc/:VPCName/cspsubnet/:Id`.
 */
export function subnetManagementRoutes(runtime: ResourceRuntime): Router {
  const router = Router();
  const scopeOf = (req: Request) => runtime.scope(connectionNameOf(req));

  router.post('/regsubnet', async (req, res) => {
    const scope = await scopeOf(req);
    res.json(await subnetManagement.register(scope, reqInfoOf(req, subnetRegisterSchema, 'SubnetRegisterReqInfo')));
  });
  router.delete('/regsubnet/:Name', async (req, res) => {
    const scope = await scopeOf(req);
    const { VPCName } = reqInfoOf(req, vpcNameSchema, 'SubnetUnregisterReqInfo');
    res.json({ Result: String(await subnetManagement.unregister(scope, VPCName, req.params.Name)) });
  });
  router.delete('/vpc/:VPCName/cspsubnet/:Id', async (req, res) => {
    const scope = await scopeOf(req);
    res.json({ Result: String(await subnetManagement.deleteInCloud(scope, req.params.VPCName, req.params.Id)) });
  });
  return router;
}

import type { VMInfo } from '@cb/driver-sdk';
import { InvalidArgumentError } from '@cb/errors';
import { Router, type Request, type RequestHandler } from 'express';
import { cloudLookup } from '../../../domain/resources/cloud-lookup';
import type { ManagedKind } from '../../../domain/resources/managed-kind';
import type { ResourceRuntime } from '../../../domain/resources/resource-runtime';
import { connectionNameOf } from './request';

/** The cloud id asked about: `ReqInfo.CSPId` of the body (upstream's owner calls) or `?CSPId=` (its VM call). */
function cspIdOf(req: Request): string {
  const body = req.body as { ReqInfo?: { CSPId?: unknown }; CSPId?: unknown } | undefined;
  const candidates = [body?.ReqInfo?.CSPId, body?.CSPId, req.query.CSPId];
  const found = candidates.find((v): v is string => typeof v === 'string' && v.trim() !== '');
  if (!found) throw new InvalidArgumentError('CSPId is empty!', { field: 'CSPId' });
  return found;
}

/**
 * Lookups by cloud id, for registering what the cloud has: `GET|POST /get<securitygroup|nlb|cluster>owner`
 * (the owner VPC's IID), `GET|POST /getvmusingresources` (a VM's VPC, security groups and key) and
 * `GET /cspvm/:Id` (the cloud's VM).
 */
export function cloudLookupRoutes(runtime: ResourceRuntime, vmKind: ManagedKind<VMInfo>): Router {
  const router = Router();
  const scopeOf = (req: Request) => runtime.scope(connectionNameOf(req));
  const owners = {
    securitygroup: cloudLookup.securityGroupOwner,
    nlb: cloudLookup.nlbOwner,
    cluster: cloudLookup.clusterOwner,
  };

  // Upstream serves these on GET and POST alike.
  const getOrPost = (path: string, handler: RequestHandler) => router.get(path, handler).post(path, handler);
  for (const [rs, ownerOf] of Object.entries(owners)) {
    getOrPost(`/get${rs}owner`, async (req, res) => {
      const scope = await scopeOf(req);
      res.json(await ownerOf(scope, cspIdOf(req)));
    });
  }
  getOrPost('/getvmusingresources', async (req, res) => {
    const scope = await scopeOf(req);
    res.json({ Resources: await cloudLookup.vmUsingResources(scope, vmKind, cspIdOf(req)) });
  });
  router.get('/cspvm/:Id', async (req, res) => {
    res.json(await cloudLookup.vm(await scopeOf(req), vmKind, req.params.Id));
  });
  return router;
}

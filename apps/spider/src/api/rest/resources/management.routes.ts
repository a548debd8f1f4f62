import { Router, type Request } from 'express';
import type { ManagedKind } from '../../../domain/resources/managed-kind';
import { COUNTED_KINDS } from '../../../domain/resources/managed-kinds';
import { management } from '../../../domain/resources/management';
import type { ResourceRuntime } from '../../../domain/resources/resource-runtime';
import { connectionNameOf, reqInfoOf } from './request';
import { registerSchema } from './schemas';

/**
 * `/all<rs>`, `/all<rs>info`, `POST /reg<rs>`, `DELETE /reg<rs>/:Name`, `DELETE /csp<rs>/:Id` for every
 * managed kind, and `/count<rs>[/:ConnectionName]`.
 */
export function managementRoutes(runtime: ResourceRuntime, kinds: Record<string, ManagedKind<{ IId: never }>>): Router {
  const router = Router();
  const scopeOf = (req: Request) => runtime.scope(connectionNameOf(req));

  for (const [rs, kind] of Object.entries(kinds)) {
    router.get(`/all${rs}`, async (req, res) => {
      res.json({ AllList: await management.all(await scopeOf(req), kind) });
    });
    router.get(`/all${rs}info`, async (req, res) => {
      res.json(await management.allInfo(await scopeOf(req), kind));
    });
    router.post(`/reg${rs}`, async (req, res) => {
      const scope = await scopeOf(req);
      res.json(await management.register(scope, kind, reqInfoOf(req, registerSchema, 'RegisterReqInfo')));
    });
    router.delete(`/reg${rs}/:Name`, async (req, res) => {
      await management.unregister(await scopeOf(req), kind, req.params.Name as string);
      res.json({ Result: 'true' });
    });
    router.delete(`/csp${rs}/:Id`, async (req, res) => {
      const { Result, Status } = await management.deleteInCloud(await scopeOf(req), kind, req.params.Id as string);
      // A VM answers its status, as upstream's DELETE /cspvm; other kinds a Result.
      res.json(Status !== undefined ? { Status } : { Result: String(Result) });
    });
  }
  for (const [rs, kind] of Object.entries(COUNTED_KINDS)) {
    router.get(`/count${rs}`, async (_req, res) => {
      res.json({ count: await runtime.iids.count(kind) });
    });
    router.get(`/count${rs}/:ConnectionName`, async (req, res) => {
      res.json({ count: await runtime.iids.count(kind, req.params.ConnectionName as string) });
    });
  }
  return router;
}

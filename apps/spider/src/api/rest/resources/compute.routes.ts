import { Router, type Request } from 'express';
import { keyPairs } from '../../../domain/resources/key-pair';
import type { ResourceRuntime } from '../../../domain/resources/resource-runtime';
import type { VmService } from '../../../domain/resources/vm';
import { connectionNameOf, forceOf, idTransformOf, reqInfoOf } from './request';
import { keyPairSchema, vmSchema } from './schemas';

/** Key pair and VM routes, with upstream's status answers (`{"Status": ...}`). */
export function computeRoutes(runtime: ResourceRuntime, vms: VmService): Router {
  const router = Router();
  const scopeOf = (req: Request) => runtime.scope(connectionNameOf(req));

  router.post('/keypair', async (req, res) => {
    const scope = await scopeOf(req);
    res.json(await keyPairs.create(scope, reqInfoOf(req, keyPairSchema, 'KeyPairReqInfo'), idTransformOf(req)));
  });
  router.get('/keypair', async (req, res) => {
    res.json({ keypair: await keyPairs.list(await scopeOf(req)) });
  });
  router.get('/keypair/:Name', async (req, res) => {
    res.json(await keyPairs.get(await scopeOf(req), req.params.Name));
  });
  router.delete('/keypair/:Name', async (req, res) => {
    await keyPairs.delete(await scopeOf(req), req.params.Name, forceOf(req));
    res.json({ Result: 'true' });
  });

  router.post('/vm', async (req, res) => {
    const scope = await scopeOf(req);
    const vm = reqInfoOf(req, vmSchema, 'VMReqInfo');
    res.json(await vms.start(scope, { ...vm, ImageType: vm.ImageType || undefined }, idTransformOf(req)));
  });
  router.get('/vm', async (req, res) => {
    res.json({ vm: await vms.list(await scopeOf(req)) });
  });
  router.get('/vm/:Name', async (req, res) => {
    res.json(await vms.get(await scopeOf(req), req.params.Name));
  });
  router.delete('/vm/:Name', async (req, res) => {
    res.json({ Status: await vms.terminate(await scopeOf(req), req.params.Name, forceOf(req)) });
  });
  router.get('/vmstatus', async (req, res) => {
    res.json({ vmstatus: await vms.listStatus(await scopeOf(req)) });
  });
  router.get('/vmstatus/:Name', async (req, res) => {
    res.json({ Status: await vms.getStatus(await scopeOf(req), req.params.Name) });
  });
  // Upstream serves control on GET and PUT alike.
  const control = async (req: Request, res: import('express').Response) => {
    const action = typeof req.query.action === 'string' ? req.query.action : '';
    const scope = await scopeOf(req);
    res.json({ Status: await vms.control(scope, req.params.Name as string, action) });
  };
  router.get('/controlvm/:Name', control);
  router.put('/controlvm/:Name', control);
  return router;
}

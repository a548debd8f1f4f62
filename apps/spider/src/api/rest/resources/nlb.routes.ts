import { Router, type Request } from 'express';
import { nlbs } from '../../../domain/resources/nlb';
import type { ResourceRuntime } from '../../../domain/resources/resource-runtime';
import { connectionNameOf, forceOf, idTransformOf, reqInfoOf } from './request';
import { healthCheckerSchema, listenerSchema, nlbSchema, nlbVmsSchema, vmGroupSchema } from './workload-schemas';

/** NLB routes: the balancer, its VMs, listener, VM group, health checker and the VMs' health. */
export function nlbRoutes(runtime: ResourceRuntime): Router {
  const router = Router();
  const scopeOf = (req: Request) => runtime.scope(connectionNameOf(req));

  router.post('/nlb', async (req, res) => {
    const scope = await scopeOf(req);
    res.json(await nlbs.create(scope, reqInfoOf(req, nlbSchema, 'NLBReqInfo'), idTransformOf(req)));
  });
  router.get('/nlb', async (req, res) => {
    res.json({ nlb: await nlbs.list(await scopeOf(req)) });
  });
  router.get('/nlb/:Name', async (req, res) => {
    res.json(await nlbs.get(await scopeOf(req), req.params.Name));
  });
  router.delete('/nlb/:Name', async (req, res) => {
    await nlbs.delete(await scopeOf(req), req.params.Name, forceOf(req));
    res.json({ Result: 'true' });
  });
  router.post('/nlb/:Name/vms', async (req, res) => {
    const scope = await scopeOf(req);
    const { VMs } = reqInfoOf(req, nlbVmsSchema, 'NLBAddRemoveVMReqInfo');
    res.json(await nlbs.addVMs(scope, req.params.Name, VMs));
  });
  router.delete('/nlb/:Name/vms', async (req, res) => {
    const scope = await scopeOf(req);
    const { VMs } = reqInfoOf(req, nlbVmsSchema, 'NLBAddRemoveVMReqInfo');
    res.json({ Result: String(await nlbs.removeVMs(scope, req.params.Name, VMs)) });
  });
  router.put('/nlb/:Name/listener', async (req, res) => {
    const scope = await scopeOf(req);
    res.json(await nlbs.changeListener(scope, req.params.Name, reqInfoOf(req, listenerSchema, 'ListenerInfo')));
  });
  router.put('/nlb/:Name/vmgroup', async (req, res) => {
    const scope = await scopeOf(req);
    res.json(await nlbs.changeVMGroup(scope, req.params.Name, reqInfoOf(req, vmGroupSchema, 'VMGroupInfo')));
  });
  router.put('/nlb/:Name/healthchecker', async (req, res) => {
    const scope = await scopeOf(req);
    const checker = reqInfoOf(req, healthCheckerSchema, 'HealthCheckerInfo');
    res.json(await nlbs.changeHealthChecker(scope, req.params.Name, checker));
  });
  router.get('/nlb/:Name/health', async (req, res) => {
    res.json({ healthinfo: await nlbs.health(await scopeOf(req), req.params.Name) });
  });
  return router;
}

import { Router, type Request } from 'express';
import { clusters } from '../../../domain/resources/cluster';
import { nodeGroups } from '../../../domain/resources/node-group';
import type { ResourceRuntime } from '../../../domain/resources/resource-runtime';
import { connectionNameOf, forceOf, idTransformOf, reqInfoOf } from './request';
import { autoScalingSchema, clusterSchema, nodeGroupSchema, scalingSchema, upgradeSchema } from './workload-schemas';

/** Kubernetes cluster and node group routes (upstream's PMKS API). */
export function clusterRoutes(runtime: ResourceRuntime): Router {
  const router = Router();
  const scopeOf = (req: Request) => runtime.scope(connectionNameOf(req));

  router.post('/cluster', async (req, res) => {
    const scope = await scopeOf(req);
    res.json(await clusters.create(scope, reqInfoOf(req, clusterSchema, 'ClusterReqInfo'), idTransformOf(req)));
  });
  router.get('/cluster', async (req, res) => {
    res.json({ cluster: await clusters.list(await scopeOf(req)) });
  });
  router.get('/cluster/:Name', async (req, res) => {
    res.json(await clusters.get(await scopeOf(req), req.params.Name));
  });
  router.delete('/cluster/:Name', async (req, res) => {
    await clusters.delete(await scopeOf(req), req.params.Name, forceOf(req));
    res.json({ Result: 'true' });
  });
  // Upstream answers the token as a kubectl ExecCredential, so kubeconfigs can call this route directly.
  router.get('/cluster/:Name/token', async (req, res) => {
    const token = await clusters.token(await scopeOf(req), req.params.Name);
    res.json({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token } });
  });
  router.put('/cluster/:Name/upgrade', async (req, res) => {
    const scope = await scopeOf(req);
    const { Version } = reqInfoOf(req, upgradeSchema, 'UpgradeClusterReqInfo');
    res.json(await clusters.upgrade(scope, req.params.Name, Version));
  });

  router.post('/cluster/:Name/nodegroup', async (req, res) => {
    const scope = await scopeOf(req);
    const group = reqInfoOf(req, nodeGroupSchema, 'NodeGroupReqInfo');
    res.json(await nodeGroups.add(scope, req.params.Name, group, idTransformOf(req)));
  });
  router.delete('/cluster/:Name/nodegroup/:NodeGroupName', async (req, res) => {
    const scope = await scopeOf(req);
    await nodeGroups.remove(scope, req.params.Name, req.params.NodeGroupName, forceOf(req));
    res.json({ Result: 'true' });
  });
  router.put('/cluster/:Name/nodegroup/:NodeGroupName/onautoscaling', async (req, res) => {
    const scope = await scopeOf(req);
    const { OnAutoScaling } = reqInfoOf(req, autoScalingSchema, 'SetAutoScalingReqInfo');
    const done = await nodeGroups.setAutoScaling(scope, req.params.Name, req.params.NodeGroupName, OnAutoScaling);
    res.json({ Result: String(done) });
  });
  router.put('/cluster/:Name/nodegroup/:NodeGroupName/autoscalesize', async (req, res) => {
    const scope = await scopeOf(req);
    const size = reqInfoOf(req, scalingSchema, 'ChangeNodeGroupScalingReqInfo');
    res.json(await nodeGroups.changeScaling(scope, req.params.Name, req.params.NodeGroupName, size));
  });
  return router;
}

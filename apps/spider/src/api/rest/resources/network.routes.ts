import { Router } from 'express';
import type { ResourceRuntime } from '../../../domain/resources/resource-runtime';
import { securityGroups } from '../../../domain/resources/security-group';
import { vpcs } from '../../../domain/resources/vpc';
import { connectionNameOf, forceOf, idTransformOf, reqInfoOf } from './request';
import { rulesSchema, securityGroupSchema, subnetSchema, vpcSchema } from './schemas';

const RESULT_TRUE = { Result: 'true' }; // upstream's Result is the string "true"

/** VPC + subnet and security group + rule routes (upstream's paths and shapes). */
export function networkRoutes(runtime: ResourceRuntime): Router {
  const router = Router();
  const scopeOf = (req: Parameters<typeof connectionNameOf>[0]) => runtime.scope(connectionNameOf(req));

  router.post('/vpc', async (req, res) => {
    const scope = await scopeOf(req);
    res.json(await vpcs.create(scope, reqInfoOf(req, vpcSchema, 'VPCReqInfo'), idTransformOf(req)));
  });
  router.get('/vpc', async (req, res) => {
    res.json({ vpc: await vpcs.list(await scopeOf(req)) });
  });
  router.get('/vpc/:Name', async (req, res) => {
    res.json(await vpcs.get(await scopeOf(req), req.params.Name));
  });
  router.delete('/vpc/:Name', async (req, res) => {
    await vpcs.delete(await scopeOf(req), req.params.Name, forceOf(req));
    res.json(RESULT_TRUE);
  });
  router.post('/vpc/:VPCName/subnet', async (req, res) => {
    const scope = await scopeOf(req);
    const subnet = reqInfoOf(req, subnetSchema, 'SubnetInfo');
    res.json(await vpcs.addSubnet(scope, req.params.VPCName, subnet, idTransformOf(req)));
  });
  router.get('/vpc/:VPCName/subnet/:Name', async (req, res) => {
    res.json(await vpcs.getSubnet(await scopeOf(req), req.params.VPCName, req.params.Name));
  });
  router.delete('/vpc/:VPCName/subnet/:SubnetName', async (req, res) => {
    await vpcs.removeSubnet(await scopeOf(req), req.params.VPCName, req.params.SubnetName, forceOf(req));
    res.json(RESULT_TRUE);
  });

  router.post('/securitygroup', async (req, res) => {
    const scope = await scopeOf(req);
    const sg = reqInfoOf(req, securityGroupSchema, 'SecurityReqInfo');
    res.json(await securityGroups.create(scope, { ...sg, SecurityRules: sg.SecurityRules }, idTransformOf(req)));
  });
  router.get('/securitygroup', async (req, res) => {
    res.json({ securitygroup: await securityGroups.list(await scopeOf(req)) });
  });
  router.get('/securitygroup/vpc/:VPCName', async (req, res) => {
    res.json({ securitygroup: await securityGroups.list(await scopeOf(req), req.params.VPCName) });
  });
  router.get('/securitygroup/:Name', async (req, res) => {
    res.json(await securityGroups.get(await scopeOf(req), req.params.Name));
  });
  router.delete('/securitygroup/:Name', async (req, res) => {
    await securityGroups.delete(await scopeOf(req), req.params.Name, forceOf(req));
    res.json(RESULT_TRUE);
  });
  router.post('/securitygroup/:SGName/rules', async (req, res) => {
    const scope = await scopeOf(req);
    const { RuleInfoList } = reqInfoOf(req, rulesSchema, 'SecurityRuleReqInfo');
    res.json(await securityGroups.addRules(scope, req.params.SGName, RuleInfoList));
  });
  router.delete('/securitygroup/:SGName/rules', async (req, res) => {
    const scope = await scopeOf(req);
    const { RuleInfoList } = reqInfoOf(req, rulesSchema, 'SecurityRuleReqInfo');
    await securityGroups.removeRules(scope, req.params.SGName, RuleInfoList);
    res.json(RESULT_TRUE);
  });
  return router;
}

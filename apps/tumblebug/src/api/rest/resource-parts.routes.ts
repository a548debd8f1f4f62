import { parseBody, parseQuery } from '@cb/http';
import { Router } from 'express';
import { z } from 'zod';
import type { TumblebugDeps } from '../../deps';
import { FirewallRulesReq, SubnetReq } from './resources-schemas';

const SubnetDeleteQuery = z.object({ action: z.string().optional(), option: z.string().optional() });

/**
 * Parts of MCIR: a vNet's subnets (…/vNet/{vNetId}/subnet) and a security group's rules
 * (PUT …/securityGroup/{id}, POST|DELETE …/securityGroup/{id}/rules), all through spider.
 */
export function resourcePartRoutes({ resources, openapi }: TumblebugDeps): Router {
  const router = Router();
  const base = '/ns/:nsId/resources';

  router.post(`${base}/vNet/:vNetId/subnet`, async (req, res) => {
    const body = parseBody(req, SubnetReq);
    res.status(201).json(await resources.subnets.add(String(req.params.nsId), String(req.params.vNetId), body));
  });
  router.get(`${base}/vNet/:vNetId/subnet`, async (req, res) => {
    const list = await resources.subnets.list(String(req.params.nsId), String(req.params.vNetId));
    res.json({ subnetInfoList: list });
  });
  router.get(`${base}/vNet/:vNetId/subnet/:subnetId`, async (req, res) => {
    const { nsId, vNetId, subnetId } = req.params;
    res.json(await resources.subnets.get(String(nsId), String(vNetId), String(subnetId)));
  });
  router.delete(`${base}/vNet/:vNetId/subnet/:subnetId`, async (req, res) => {
    const { nsId, vNetId, subnetId } = req.params;
    const { action, option } = parseQuery(req, SubnetDeleteQuery);
    const force = action === 'force' || option === 'force';
    await resources.subnets.remove(String(nsId), String(vNetId), String(subnetId), force);
    res.json({ message: `The subnet ${subnetId} of vNet ${vNetId} has been deleted` });
  });

  const rules = (req: { params: Record<string, string> }) => [String(req.params.nsId), String(req.params.id)] as const;
  router.put(`${base}/securityGroup/:id`, async (req, res) => {
    const { firewallRules } = parseBody(req, FirewallRulesReq);
    res.json(await resources.securityRules.replace(...rules(req), firewallRules));
  });
  router.post(`${base}/securityGroup/:id/rules`, async (req, res) => {
    const { firewallRules } = parseBody(req, FirewallRulesReq);
    res.json(await resources.securityRules.add(...rules(req), firewallRules));
  });
  router.delete(`${base}/securityGroup/:id/rules`, async (req, res) => {
    const { firewallRules } = parseBody(req, FirewallRulesReq);
    res.json(await resources.securityRules.remove(...rules(req), firewallRules));
  });

  const tags = ['resources'];
  const vNetParams = z.object({ nsId: z.string(), vNetId: z.string() });
  const subnetParams = vNetParams.extend({ subnetId: z.string() });
  const sgParams = z.object({ nsId: z.string(), id: z.string() });
  const updated = {
    200: { description: 'SecurityGroupUpdateResponse {id, name, success, message, updated, previous}' },
    400: { description: 'bad rule' },
    404: { description: 'unknown security group (or, removing, rule)' },
  };
  openapi
    .add({
      method: 'post',
      path: `${base}/vNet/:vNetId/subnet`,
      tags,
      params: vNetParams,
      body: SubnetReq,
      responses: {
        201: { description: 'SubnetInfo' },
        400: { description: 'bad name or CIDR' },
        404: { description: 'unknown vNet' },
        409: { description: 'duplicate subnet name' },
      },
    })
    .add({
      method: 'get',
      path: `${base}/vNet/:vNetId/subnet`,
      tags,
      params: vNetParams,
      responses: { 200: { description: '{subnetInfoList:[SubnetInfo]}' }, 404: { description: 'unknown vNet' } },
    })
    .add({
      method: 'get',
      path: `${base}/vNet/:vNetId/subnet/:subnetId`,
      tags,
      params: subnetParams,
      responses: { 200: { description: 'SubnetInfo' }, 404: { description: 'unknown vNet or subnet' } },
    })
    .add({
      method: 'delete',
      path: `${base}/vNet/:vNetId/subnet/:subnetId`,
      tags,
      params: subnetParams,
      query: SubnetDeleteQuery,
      responses: {
        200: { description: 'deleted' },
        404: { description: 'unknown vNet or subnet' },
        409: { description: 'in use by a VM' },
      },
    })
    .add({
      method: 'put',
      path: `${base}/securityGroup/:id`,
      tags,
      params: sgParams,
      body: FirewallRulesReq,
      responses: updated,
    })
    .add({
      method: 'post',
      path: `${base}/securityGroup/:id/rules`,
      tags,
      params: sgParams,
      body: FirewallRulesReq,
      responses: updated,
    })
    .add({
      method: 'delete',
      path: `${base}/securityGroup/:id/rules`,
      tags,
      params: sgParams,
      body: FirewallRulesReq,
      responses: updated,
    });
  return router;
}

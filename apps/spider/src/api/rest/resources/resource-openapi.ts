import type { HttpMethod, OpenApiBuilder } from '@cb/http';
import type { Router } from 'express';
import { z } from 'zod';
import * as network from './schemas';
import * as workload from './workload-schemas';

const message = z.object({ message: z.string(), code: z.string().optional() });
const connectionQuery = z.object({ ConnectionName: z.string().optional() });

/** The `ReqInfo` each create/change route validates (the same zod schemas, so the document cannot drift). */
const REQ_INFO: Record<string, z.ZodType> = {
  'post /vpc': network.vpcSchema,
  'post /vpc/:VPCName/subnet': network.subnetSchema,
  'post /securitygroup': network.securityGroupSchema,
  'post /securitygroup/:SGName/rules': network.rulesSchema,
  'delete /securitygroup/:SGName/rules': network.rulesSchema,
  'post /keypair': network.keyPairSchema,
  'post /vm': network.vmSchema,
  'post /regsubnet': network.subnetRegisterSchema,
  'delete /regsubnet/:Name': network.vpcNameSchema,
  'post /disk': workload.diskSchema,
  'put /disk/:Name/size': workload.diskSizeSchema,
  'put /disk/:Name/attach': workload.diskVmSchema,
  'put /disk/:Name/detach': workload.diskVmSchema,
  'post /myimage': workload.myImageSchema,
  'post /nlb': workload.nlbSchema,
  'post /nlb/:Name/vms': workload.nlbVmsSchema,
  'delete /nlb/:Name/vms': workload.nlbVmsSchema,
  'put /nlb/:Name/listener': workload.listenerSchema,
  'put /nlb/:Name/vmgroup': workload.vmGroupSchema,
  'put /nlb/:Name/healthchecker': workload.healthCheckerSchema,
  'post /cluster': workload.clusterSchema,
  'put /cluster/:Name/upgrade': workload.upgradeSchema,
  'post /cluster/:Name/nodegroup': workload.nodeGroupSchema,
  'put /cluster/:Name/nodegroup/:NodeGroupName/onautoscaling': workload.autoScalingSchema,
  'put /cluster/:Name/nodegroup/:NodeGroupName/autoscalesize': workload.scalingSchema,
  'post /tag': workload.tagAddSchema,
  'delete /tag/:Key': workload.tagTargetSchema,
};

const VERBS: Record<string, string> = { get: 'Read', post: 'Create or run', put: 'Change', delete: 'Delete' };

/** Every route of `router` (and of the routers mounted in it), as express holds them. */
export function routesOf(router: Router): { method: HttpMethod; path: string }[] {
  const out: { method: HttpMethod; path: string }[] = [];
  for (const layer of router.stack) {
    const route = layer.route as { path?: unknown; methods?: Record<string, boolean> } | undefined;
    if (route && typeof route.path === 'string') {
      for (const method of Object.keys(route.methods ?? {}))
        out.push({ method: method as HttpMethod, path: route.path });
    } else if (Array.isArray((layer.handle as { stack?: unknown }).stack)) {
      out.push(...routesOf(layer.handle as Router));
    }
  }
  return out;
}

/**
 * Describes spider's cloud-resource routes in its OpenAPI document, read off the router itself so that
 * every route is there: path parameters, `ConnectionName` (query or body), the `ReqInfo` schema of the
 * routes that take one, and upstream's `{"message"}` errors. Shapes of answers: README.md beside this file.
 */
export function describeResourceApi(openapi: OpenApiBuilder, router: Router): void {
  for (const { method, path } of routesOf(router)) {
    const names = [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);
    const reqInfo = REQ_INFO[`${method} ${path}`];
    const body = z.object({
      ConnectionName: z.string().optional(),
      IDTransformMode: z.enum(['ON', 'OFF']).optional(),
      ...(reqInfo ? { ReqInfo: reqInfo } : {}),
    });
    openapi.add({
      method,
      path,
      tags: [path.split('/')[1] ?? 'resources'],
      summary: `${VERBS[method] ?? method} ${path}`,
      ...(names.length ? { params: z.object(Object.fromEntries(names.map((n) => [n, z.string()]))) } : {}),
      query: connectionQuery,
      ...(method === 'get' && !reqInfo ? {} : { body }),
      responses: {
        200: { description: "upstream CB-Spider's answer (see the service README)" },
        400: { description: 'bad input, the field named', schema: message },
        404: { description: 'unknown connection or resource', schema: message },
        409: { description: 'already exists or in use', schema: message },
      },
    });
  }
}

import type { OpenApiBuilder } from '@cb/http';
import { z } from 'zod';
import { connectionConfigBody, credentialBody, driverBody, regionBody } from './cim-schemas';

const message = z.object({ message: z.string(), code: z.string().optional() });
const result = z.object({ Result: z.literal('true') });
const providerQuery = z.object({ provider: z.string().optional(), ProviderName: z.string().optional() });

const KINDS = [
  { path: 'driver', param: 'DriverName', body: driverBody, label: 'driver' },
  { path: 'credential', param: 'CredentialName', body: credentialBody, label: 'credential (values always masked)' },
  { path: 'region', param: 'RegionName', body: regionBody, label: 'region' },
  { path: 'connectionconfig', param: 'ConfigName', body: connectionConfigBody, label: 'connection config' },
] as const;

/** The CIM routes of cim-routes.ts in the OpenAPI document served at /spider/api-docs. */
export function describeCimApi(openapi: OpenApiBuilder): void {
  const tags = ['connection info'];
  openapi
    .add({
      method: 'get',
      path: '/cloudos',
      tags,
      summary: 'Supported cloud OSes',
      responses: { 200: { description: 'list', schema: z.object({ cloudos: z.array(z.string()) }) } },
    })
    .add({
      method: 'get',
      path: '/cloudos/metainfo/:CloudOSName',
      tags,
      summary: 'Key names, disk types and id lengths of a cloud OS',
      params: z.object({ CloudOSName: z.string() }),
      responses: { 200: { description: 'metadata' }, 404: { description: 'unknown', schema: message } },
    });
  for (const kind of KINDS) {
    const params = z.object({ [kind.param]: z.string() });
    openapi
      .add({
        method: 'post',
        path: `/${kind.path}`,
        tags,
        summary: `Register (or overwrite) a ${kind.label}`,
        body: kind.body,
        responses: {
          200: { description: 'registered', schema: kind.body },
          400: { description: 'bad input, the field named', schema: message },
          409: { description: 'would break a connection config', schema: message },
        },
      })
      .add({
        method: 'get',
        path: `/${kind.path}`,
        tags,
        summary: `List ${kind.label}s`,
        query: providerQuery,
        responses: { 200: { description: 'list', schema: z.object({ [kind.path]: z.array(kind.body) }) } },
      })
      .add({
        method: 'get',
        path: `/${kind.path}/:${kind.param}`,
        tags,
        summary: `Get a ${kind.label}`,
        params,
        responses: {
          200: { description: 'found', schema: kind.body },
          404: { description: '`<name>: does not exist!`', schema: message },
        },
      })
      .add({
        method: 'delete',
        path: `/${kind.path}/:${kind.param}`,
        tags,
        summary: `Delete a ${kind.label} (a missing name is success)`,
        params,
        responses: { 200: { description: 'deleted', schema: result }, 409: { description: 'in use', schema: message } },
      });
  }
  const count = { 200: { description: 'count', schema: z.object({ count: z.number().int() }) } };
  openapi
    .add({ method: 'get', path: '/countconnectionconfig', tags, summary: 'Count connection configs', responses: count })
    .add({
      method: 'get',
      path: '/countconnectionconfig/:ProviderName',
      tags,
      summary: 'Count connection configs of a provider',
      params: z.object({ ProviderName: z.string() }),
      responses: count,
    });
}

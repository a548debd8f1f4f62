import { z } from 'zod';
import { OpenApiBuilder } from '../src';
import { type RunningTestApp, startTestApp } from './test-app';

const VpcInfo = z.object({ IId: z.object({ NameId: z.string(), SystemId: z.string() }) }).meta({ id: 'VPCInfo' });

describe('OpenAPI document and Swagger UI', () => {
  let server: RunningTestApp;

  beforeAll(async () => {
    const openapi = new OpenApiBuilder({ title: 'CB-Spider', version: '0.1.0' }).add({
      method: 'get',
      path: '/vpc/:Name',
      summary: 'Get a VPC',
      params: z.object({ Name: z.string() }),
      query: z.object({ ConnectionName: z.string().describe('connection to use') }),
      responses: { 200: { description: 'the VPC', schema: VpcInfo } },
    });
    server = await startTestApp(undefined, { openapi });
  });

  afterAll(() => server.close());

  it('serves an OpenAPI 3.1 document with the routes, health paths and Basic auth', async () => {
    const response = await fetch(`${server.baseUrl}/openapi.json`);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading deep into a JSON document
    const document = (await response.json()) as any;
    expect(document).toMatchObject({
      openapi: '3.1.0',
      info: { title: 'CB-Spider', version: '0.1.0' },
      servers: [{ url: '/spider' }],
      security: [{ basicAuth: [] }],
      components: { securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' } } },
    });
    const getVpc = document.paths['/vpc/{Name}'].get;
    expect(getVpc.parameters).toEqual([
      { name: 'Name', in: 'path', required: true, schema: { type: 'string' } },
      {
        name: 'ConnectionName',
        in: 'query',
        required: true,
        description: 'connection to use',
        schema: expect.any(Object),
      },
    ]);
    expect(getVpc.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/VPCInfo',
    });
    expect(document.components.schemas.VPCInfo.properties.IId.required).toEqual(['NameId', 'SystemId']);
    expect(document.paths['/readyz'].get.security).toEqual([]);
  });

  it('redirects api-docs to its folder, so the page finds its assets', async () => {
    const response = await fetch(`${server.baseUrl}/api-docs`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(new URL(response.headers.get('location') ?? '', `${server.baseUrl}/api-docs`).pathname).toBe(
      '/spider/api-docs/',
    );
  });

  it('serves Swagger UI from local assets, pointed at this service document', async () => {
    const page = await fetch(`${server.baseUrl}/api-docs/`);
    const html = await page.text();
    expect(html).toContain('swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg)/);

    const init = await (await fetch(`${server.baseUrl}/api-docs/swagger-ui-init.js`)).text();
    expect(init).toContain('"url": "../openapi.json"');
    const bundle = await fetch(`${server.baseUrl}/api-docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
  });
});

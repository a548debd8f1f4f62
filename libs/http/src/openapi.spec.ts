/* eslint-disable @typescript-eslint/no-explicit-any -- the test reads deep into a plain JSON document */
import { z } from 'zod';
import { OpenApiBuilder } from './openapi';

describe('OpenApiBuilder', () => {
  const Subnet = z.object({ Name: z.string(), IPv4_CIDR: z.string() }).meta({ id: 'SubnetInfo' });
  const CreateVpc = z.object({
    ConnectionName: z.string(),
    ReqInfo: z.object({ Name: z.string(), SubnetInfoList: z.array(Subnet) }),
  });

  const document = new OpenApiBuilder({ title: 'CB-Spider', version: '1' })
    .add({
      method: 'post',
      path: '/vpc',
      body: CreateVpc,
      query: z.object({ force: z.enum(['true', 'false']).optional() }),
      responses: { 201: { description: 'created' } },
    })
    .add({ method: 'delete', path: '/vpc/:Name', responses: { 200: { description: 'deleted' } } })
    .build();

  it('describes a JSON request body from its zod schema, shared parts as components', () => {
    const create = (document.paths['/vpc'] as Record<string, any>).post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(create.requestBody.required).toBe(true);
    expect(schema.required).toEqual(['ConnectionName', 'ReqInfo']);
    expect(schema.properties.ReqInfo.properties.SubnetInfoList.items).toEqual({
      $ref: '#/components/schemas/SubnetInfo',
    });
    expect((document.components as Record<string, any>).schemas.SubnetInfo.required).toEqual(['Name', 'IPv4_CIDR']);
    expect(create.parameters).toEqual([{ name: 'force', in: 'query', required: false, schema: expect.any(Object) }]);
  });

  it('turns express path parameters into OpenAPI templates and leaves auth out when there is none', () => {
    expect(Object.keys(document.paths)).toEqual(['/vpc', '/vpc/{Name}']);
    expect(document.security).toBeUndefined();
    expect(JSON.stringify(document)).not.toContain('$defs');
  });
});

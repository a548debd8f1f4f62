/** The OpenAPI 3.1 document of /hub, served at /hub/openapi.json and /hub/api-docs. */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } });
const error = (description: string) => json(ref('Error'), description);
const name = {
  name: 'name',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,62}$' },
};
const version = {
  name: 'version',
  in: 'path',
  required: true,
  description: "An exact semver version; on reads also 'latest' or a semver range",
  schema: { type: 'string' },
};
const publisher = [{ basicAuth: [] }];

export const hubOpenApi = {
  openapi: '3.1.0',
  info: { title: 'CB-Hub', version: '0.1.0', description: 'The cloud driver repository of Cloud-Barista.' },
  servers: [{ url: '/hub' }],
  components: {
    securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' } },
    schemas: {
      Error: {
        type: 'object',
        required: ['message', 'code'],
        properties: { message: { type: 'string' }, code: { type: 'string' }, details: { type: 'object' } },
      },
      Manifest: {
        type: 'object',
        required: ['name', 'provider', 'version', 'contractVersion', 'capabilities'],
        properties: {
          name: { type: 'string' },
          provider: { type: 'string', description: 'Upper case, e.g. MOCK' },
          version: { type: 'string', description: 'semver' },
          contractVersion: { type: 'string', description: 'driver-sdk contract version (semver)' },
          capabilities: { type: 'object', description: "driver-sdk DriverCapabilityInfo (upstream's field names)" },
          description: { type: 'string' },
          sha256: { type: 'string', description: 'Optional: the upload must have this sha256 (hex)' },
          size: { type: 'integer', description: 'Optional: the upload must have this many bytes' },
        },
      },
      Release: {
        allOf: [
          ref('Manifest'),
          {
            type: 'object',
            properties: {
              sha256: { type: 'string' },
              size: { type: 'integer' },
              publishedAt: { type: 'string', format: 'date-time' },
              publishedBy: { type: 'string' },
              intact: { type: 'boolean' },
            },
          },
        ],
      },
      Driver: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          provider: { type: 'string' },
          latestVersion: { type: 'string' },
          versionCount: { type: 'integer' },
        },
      },
      Stats: {
        type: 'object',
        properties: {
          total: { type: 'integer' },
          perVersion: { type: 'array', items: { type: 'object' } },
          perDay: { type: 'array', items: { type: 'object' } },
        },
      },
    },
  },
  paths: {
    '/drivers': {
      get: { summary: 'List drivers', responses: { 200: json({ type: 'object' }, 'drivers') } },
      post: {
        summary: 'Publish a driver version (immutable)',
        security: publisher,
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['manifest', 'artifact'],
                properties: { manifest: ref('Manifest'), artifact: { type: 'string', format: 'binary' } },
              },
            },
          },
        },
        responses: {
          201: json(ref('Release'), 'published'),
          200: json(ref('Release'), 'the same bytes were already published under this version'),
          400: error('bad manifest, missing part, or corrupted artifact (sha256/size differ from the manifest)'),
          401: error('not the publisher'),
          409: error('this version exists with other bytes'),
          413: error('artifact larger than HUB_MAX_ARTIFACT_BYTES'),
        },
      },
    },
    '/drivers/{name}': {
      parameters: [name],
      get: {
        summary: 'A driver and its versions',
        responses: { 200: json(ref('Driver'), 'driver'), 404: error('unknown') },
      },
      delete: {
        summary: 'Delete a driver and all its versions',
        security: publisher,
        responses: { 200: json({}, 'deleted'), 404: error('unknown') },
      },
    },
    '/drivers/{name}/versions': {
      parameters: [name],
      get: {
        summary: 'Versions, newest first',
        responses: { 200: json({ type: 'object' }, 'versions'), 404: error('unknown') },
      },
    },
    '/drivers/{name}/versions/{version}': {
      parameters: [name, version],
      get: { summary: 'One release', responses: { 200: json(ref('Release'), 'release'), 404: error('unknown') } },
      delete: {
        summary: 'Delete one version',
        security: publisher,
        responses: { 200: json({}, 'deleted'), 404: error('unknown') },
      },
    },
    '/drivers/{name}/versions/{version}/artifact': {
      parameters: [name, version],
      get: {
        summary: 'Download the artifact (verified while streaming; logged)',
        description: "ETag, Digest and Repr-Digest carry the sha256. 'latest' picks the newest intact version.",
        responses: {
          200: {
            description: 'the ES module',
            content: { 'text/javascript': { schema: { type: 'string', format: 'binary' } } },
          },
          304: { description: 'If-None-Match matched' },
          404: error('unknown'),
          500: error('the stored artifact failed its sha256 check'),
        },
      },
    },
    '/drivers/{name}/stats': {
      parameters: [name],
      get: { summary: 'Downloads per version and per day', responses: { 200: json(ref('Stats'), 'stats') } },
    },
    '/drivers/{name}/downloads': {
      parameters: [name, { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 1000 } }],
      get: { summary: 'The download log, newest first', responses: { 200: json({ type: 'object' }, 'log') } },
    },
    '/stats': { get: { summary: 'Downloads of every driver', responses: { 200: json(ref('Stats'), 'stats') } } },
    '/health': { get: { summary: 'Liveness and database', responses: { 200: json({}, 'ok') } } },
  },
};

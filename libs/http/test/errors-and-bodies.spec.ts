import { request as httpRequest } from 'node:http';
import {
  AlreadyExistsError,
  ConflictError,
  NotFoundError,
  ThrottledError,
  TimeoutError,
  UnavailableError,
} from '@cb/errors';
import { z } from 'zod';
import { parseBody, parseQuery } from '../src';
import { AUTH, authed, errorBody, type RunningTestApp, startTestApp } from './test-app';

const VpcRequest = z.object({
  ConnectionName: z.string().min(1),
  ReqInfo: z.object({
    Name: z.string().min(1),
    IPv4_CIDR: z.string().refine((value) => /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(value), 'invalid CIDR'),
  }),
});

/** fetch refuses a GET with a body, which upstream CB-Spider clients send: use node:http for it. */
function getWithBody(url: string, body: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: 'GET',
        headers: { Authorization: AUTH, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('errors, bodies and validation', () => {
  let server: RunningTestApp;

  beforeAll(async () => {
    server = await startTestApp(({ router }) => {
      router.post('/vpc', (req, res) => {
        const body = parseBody(req, VpcRequest);
        res.status(201).json({ IId: { NameId: body.ReqInfo.Name } });
      });
      router.get('/vpc', (req, res) => {
        const { ConnectionName } = parseBody(req, z.object({ ConnectionName: z.string() }));
        const { limit } = parseQuery(req, z.object({ limit: z.coerce.number().int().positive().default(10) }));
        res.json({ ConnectionName, limit });
      });
      router.get('/fail/:kind', async (req) => {
        await Promise.resolve(); // errors from async handlers must reach the handler too
        switch (req.params.kind) {
          case 'not-found':
            throw new NotFoundError("VPC 'v1' does not exist", { field: 'Name' });
          case 'exists':
            throw new AlreadyExistsError("VPC 'v1' already exists");
          case 'conflict':
            throw new ConflictError("VPC 'v1' is in use by VM 'vm1'");
          case 'throttled':
            throw new ThrottledError('too many calls to the cloud', 2500);
          case 'unavailable':
            throw new UnavailableError('driver is not loaded');
          case 'timeout':
            throw new TimeoutError('cloud did not answer in time');
          default:
            throw new Error('db password=hunter2 at /srv/app/store.ts:42');
        }
      });
    });
  });

  afterAll(() => server.close());

  it.each([
    ['not-found', 404, 'NOT_FOUND', "VPC 'v1' does not exist"],
    ['exists', 409, 'ALREADY_EXISTS', "VPC 'v1' already exists"],
    ['conflict', 409, 'CONFLICT', "VPC 'v1' is in use by VM 'vm1'"],
    ['throttled', 429, 'THROTTLED', 'too many calls to the cloud'],
    ['unavailable', 503, 'UNAVAILABLE', 'driver is not loaded'],
    ['timeout', 504, 'TIMEOUT', 'cloud did not answer in time'],
  ])('maps a thrown %s error to %i with message and code', async (kind, status, code, message) => {
    const response = await fetch(`${server.baseUrl}/fail/${kind}`, authed());
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ message, code });
  });

  it('keeps details and tells a throttled client when to retry', async () => {
    const notFound = await fetch(`${server.baseUrl}/fail/not-found`, authed());
    expect((await errorBody(notFound)).details).toEqual({ field: 'Name' });
    const throttled = await fetch(`${server.baseUrl}/fail/throttled`, authed());
    expect(throttled.headers.get('retry-after')).toBe('3');
  });

  it('answers an unknown error with a generic 500 and logs the real one', async () => {
    const response = await fetch(`${server.baseUrl}/fail/boom`, authed());
    expect(response.status).toBe(500);
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body).toEqual({
      message: 'Internal Server Error',
      code: 'INTERNAL',
      details: { requestId: response.headers.get('x-request-id') },
    });
    expect(text).not.toMatch(/hunter2|store\.ts|at /);
    expect(server.logs.some((line) => line.includes('unexpected error') && line.includes('store.ts:42'))).toBe(true);
  });

  it('answers an unknown route with 404 JSON', async () => {
    const response = await fetch(`${server.baseUrl}/no/such/route`, authed());
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ message: 'Not Found', code: 'NOT_FOUND' });
  });

  it('names the bad field of a request body', async () => {
    const response = await fetch(
      `${server.baseUrl}/vpc`,
      authed({
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ConnectionName: 'aws-1', ReqInfo: { Name: 'vpc-01', IPv4_CIDR: '10.0.0.0' } }),
      }),
    );
    expect(response.status).toBe(400);
    const body = await errorBody(response);
    expect(body).toMatchObject({ message: 'ReqInfo.IPv4_CIDR: invalid CIDR', code: 'INVALID_ARGUMENT' });
    expect(body.details).toMatchObject({ field: 'ReqInfo.IPv4_CIDR', in: 'body' });
  });

  it('says which field is missing, also when no body was sent at all', async () => {
    const missing = await fetch(
      `${server.baseUrl}/vpc`,
      authed({
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ReqInfo: {} }),
      }),
    );
    expect((await errorBody(missing)).message).toBe('ConnectionName: is required');
    const none = await fetch(`${server.baseUrl}/vpc`, authed({ method: 'POST' }));
    expect(none.status).toBe(400);
    expect((await errorBody(none)).message).toBe('ConnectionName: is required');
  });

  it('rejects malformed JSON with 400 without quoting the body back', async () => {
    const response = await fetch(
      `${server.baseUrl}/vpc`,
      authed({
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"ClientSecret": s3cr3t-value',
      }),
    );
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(JSON.parse(text).message).toMatch(/^malformed JSON: /);
    expect(JSON.parse(text).code).toBe('INVALID_ARGUMENT');
    expect(text).not.toContain('3cr3t-value');
  });

  it('answers a 5 MB body with 413 naming the limit', async () => {
    const big = JSON.stringify({ ConnectionName: 'x'.repeat(5 * 1024 * 1024) });
    const response = await fetch(
      `${server.baseUrl}/vpc`,
      authed({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: big }),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      message: 'request body is larger than the limit of 1mb',
      code: 'PAYLOAD_TOO_LARGE',
      details: { limit: '1mb' },
    });
  });

  it('reads the JSON body of a GET, as upstream clients send it', async () => {
    const answer = await getWithBody(`${server.baseUrl}/vpc?limit=5`, JSON.stringify({ ConnectionName: 'aws-1' }));
    expect(answer).toEqual({ status: 200, json: { ConnectionName: 'aws-1', limit: 5 } });
  });

  it('names a bad query parameter', async () => {
    const answer = await getWithBody(`${server.baseUrl}/vpc?limit=-1`, JSON.stringify({ ConnectionName: 'aws-1' }));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'limit', in: 'query' } });
    expect((answer.json as { message: string }).message).toMatch(/^limit: /);
  });
});

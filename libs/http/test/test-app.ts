import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createHttpApp, type HttpApp, type HttpAppOptions } from '../src';

export const USER = 'default';
export const PASSWORD = 'pa55-word';
export const AUTH = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

export interface RunningTestApp extends HttpApp {
  /** e.g. http://127.0.0.1:40123/spider */
  baseUrl: string;
  origin: string;
  /** JSON lines the app logged. */
  logs: string[];
}

/** A real app on a real port, logging to memory; `setup` registers routes on its router. */
export async function startTestApp(
  setup: (app: HttpApp) => void = () => undefined,
  overrides: Partial<HttpAppOptions> = {},
): Promise<RunningTestApp> {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const http = createHttpApp({
    serviceName: 'spider',
    displayName: 'CB-Spider',
    basePath: '/spider',
    auth: { username: USER, password: PASSWORD },
    logger: pino({ level: 'debug' }, stream),
    ...overrides,
  });
  setup(http);
  const server = await http.listen(0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return { ...http, origin, baseUrl: `${origin}/spider`, logs };
}

export function authed(init: RequestInit = {}): RequestInit {
  return { ...init, headers: { Authorization: AUTH, ...(init.headers as Record<string, string>) } };
}

/** An error answer's body (every error is `{ message, code, details? }`). */
export async function errorBody(response: Response): Promise<{ message: string; code: string; details?: unknown }> {
  return (await response.json()) as { message: string; code: string; details?: unknown };
}

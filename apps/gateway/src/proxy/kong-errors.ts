import type { ServerResponse } from 'node:http';

/** Kong's own answers for what the proxy itself cannot do, word for word, so clients see the same thing. */
export const KONG_MESSAGES = {
  noRoute: 'no Route matched with those values',
  badGateway: 'An invalid response was received from the upstream server',
  unavailable: 'The upstream server is currently unavailable',
  timeout: 'The upstream server is timing out',
  nameResolution: 'name resolution failed',
  useHttps: 'Please use HTTPS protocol',
  unexpected: 'An unexpected error occurred',
} as const;

export function sendKongError(
  res: ServerResponse,
  status: number,
  body: { message: string } | undefined,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const payload = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream';
import type { UpstreamService } from '../kong/resolved';
import { REQUEST_TOO_LARGE } from '../plugins/request-size-limiting';
import { KONG_MESSAGES, sendKongError } from './kong-errors';
import { withoutHopByHop } from './upstream-headers';

export interface ForwardOptions {
  req: IncomingMessage;
  res: ServerResponse;
  service: UpstreamService;
  /** Path and query string for the upstream. */
  path: string;
  headers: OutgoingHttpHeaders;
  /** Added to the response, over the upstream's own headers (CORS, rate limits, correlation id). */
  responseHeaders: Record<string, string>;
  /** Counted while the body streams; set for bodies without Content-Length under request-size-limiting. */
  maxRequestBytes?: number;
  agents: { http: http.Agent; https: https.Agent };
  onError(error: Error, service: UpstreamService): void;
}

class GatewayFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: { message: string },
  ) {
    super(body.message);
  }
}

const CONNECT_FAILURES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE']);

function failureFor(error: NodeJS.ErrnoException): GatewayFailure {
  if (error instanceof GatewayFailure) return error;
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN')
    return new GatewayFailure(503, { message: KONG_MESSAGES.nameResolution });
  return new GatewayFailure(502, { message: KONG_MESSAGES.badGateway });
}

/**
 * Streams one request to the upstream and its answer back, never buffering either body. Like Kong, a
 * connection that cannot be opened is retried (service.retries); once the body has started to flow it
 * is not, since it cannot be replayed. Timeouts answer 504, refused or broken upstreams 502.
 */
export function forwardRequest(options: ForwardOptions): void {
  const { req, res, service } = options;
  const transport = service.protocol === 'https' ? https : http;
  const agent = service.protocol === 'https' ? options.agents.https : options.agents.http;
  let attemptsLeft = service.retries + 1;
  let bodyBytes = 0;
  let current: http.ClientRequest | undefined;
  // The client went away: stop the upstream work as well.
  res.on('close', () => {
    if (!res.writableFinished) current?.destroy();
  });

  const fail = (error: NodeJS.ErrnoException): void => {
    const failure = failureFor(error);
    if (failure.status >= 500) options.onError(error, service);
    // A half-read request body cannot be left on a connection that will be reused.
    const closing: Record<string, string> = req.complete ? {} : { Connection: 'close' };
    sendKongError(res, failure.status, failure.body, { ...options.responseHeaders, ...closing });
    if (!req.complete) req.resume();
  };

  const attempt = (): void => {
    attemptsLeft -= 1;
    let connected = false;
    const upstream = (current = transport.request({
      host: service.host,
      port: service.port,
      method: req.method,
      path: options.path,
      headers: options.headers,
      agent,
      timeout: service.readTimeoutMs,
    }));

    const detachBody = (): void => {
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.pause();
    };
    const onData = (chunk: Buffer): void => {
      bodyBytes += chunk.length;
      if (options.maxRequestBytes !== undefined && bodyBytes > options.maxRequestBytes) {
        detachBody();
        upstream.destroy(new GatewayFailure(413, REQUEST_TOO_LARGE));
        return;
      }
      if (!upstream.write(chunk)) {
        req.pause();
        upstream.once('drain', () => req.resume());
      }
    };
    const onEnd = (): void => {
      upstream.end();
    };
    const sendBody = (): void => {
      connected = true;
      clearTimeout(connectTimer);
      if (req.readableEnded) {
        upstream.end();
        return;
      }
      req.on('data', onData);
      req.on('end', onEnd);
      req.resume();
    };

    const connectTimer = setTimeout(() => {
      upstream.destroy(
        Object.assign(new GatewayFailure(504, { message: KONG_MESSAGES.timeout }), { code: 'ETIMEDOUT' }),
      );
    }, service.connectTimeoutMs);

    upstream.on('socket', (socket) => {
      if (socket.connecting) socket.once('connect', sendBody);
      else sendBody();
    });
    upstream.on('timeout', () => {
      upstream.destroy(new GatewayFailure(504, { message: KONG_MESSAGES.timeout }));
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(connectTimer);
      detachBody();
      const replayable = !connected || (upstream.reusedSocket && bodyBytes === 0 && error.code === 'ECONNRESET');
      const isConnectFailure = CONNECT_FAILURES.has(error.code ?? '') || error.code === 'ETIMEDOUT';
      if (replayable && isConnectFailure && attemptsLeft > 0 && !res.headersSent && !req.destroyed) {
        attempt();
        return;
      }
      fail(error);
    });
    upstream.on('response', (upstreamResponse) => {
      const headers = { ...withoutHopByHop(upstreamResponse.headers), ...options.responseHeaders };
      res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.statusMessage, headers);
      pipeline(upstreamResponse, res, (error) => {
        if (error && !res.writableFinished) upstream.destroy();
      });
    });
  };

  attempt();
}

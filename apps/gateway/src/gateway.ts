import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { GatewayLogger } from './gateway-logger';
import { createRequestHandler } from './handle-request';
import { loadKongConfig } from './kong/load-kong-config';
import type { ConsumerOverrides, UpstreamOverrides } from './kong/resolved';
import { RouteTable } from './routing/route-table';

export interface GatewayOptions {
  /** The Kong declarative file (deploy/kong/kong.yml). */
  configPath: string;
  listenHost?: string;
  /** 0 picks a free port; read it from `gateway.port` after start(). */
  port?: number;
  /** Where each Kong service really runs, by service name: `{ spider: 'http://127.0.0.1:1024' }`. */
  upstreamOverrides?: UpstreamOverrides;
  /** Credentials that replace a consumer's, by consumer username (kong.yml cannot read the environment). */
  consumerOverrides?: ConsumerOverrides;
  logger?: GatewayLogger;
  /** The clock of rate-limit windows; tests inject one. */
  now?: () => number;
}

export interface Gateway {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly port: number;
  /** The routes served, as read from the file: name, service and paths. */
  readonly routes: ReadonlyArray<{ name: string; service: string; paths?: string[] }>;
}

/**
 * The embedded API gateway: serves kong.yml as Kong would. The file is read and checked here, so a
 * file it cannot serve faithfully stops the start with a KongConfigError naming every problem.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const logger = options.logger ?? pino({ name: 'gateway' });
  const config = loadKongConfig(options.configPath, {
    upstreamOverrides: options.upstreamOverrides,
    consumerOverrides: options.consumerOverrides,
    now: options.now,
  });
  const agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 256 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 256 }),
  };
  // Node cuts any request after 5 minutes by default; a driver upload may take longer. Headers still
  // have to arrive within 60 s, as with Kong's client_header_timeout.
  const server = http.createServer(
    { requestTimeout: 0, headersTimeout: 60_000 },
    createRequestHandler({ routes: new RouteTable(config.routes), agents, logger }),
  );
  let port = options.port ?? 8000;

  return {
    get port() {
      return port;
    },
    routes: config.routes.map((r) => ({ name: r.name, service: r.service.name, paths: r.paths })),
    async start() {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, options.listenHost ?? '0.0.0.0', () => {
          server.off('error', reject);
          resolve();
        });
      });
      port = (server.address() as AddressInfo).port;
      logger.info({ port, routes: config.routes.length }, 'gateway listening');
    },
    async stop() {
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      agents.http.destroy();
      agents.https.destroy();
      // In-flight streams get a moment to end; then whatever is left is cut.
      const cut = setTimeout(() => server.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(cut);
    },
  };
}

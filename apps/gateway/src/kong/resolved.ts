import type { ConsumerRecord } from '../plugins/consumer-directory';
import type { GatewayPlugin } from '../plugins/types';

/** A Kong service with its upstream spelled out (after any override of where it runs). */
export interface UpstreamService {
  name: string;
  protocol: 'http' | 'https';
  host: string;
  port: number;
  /** The service's base path, undefined when its url has none (Kong's `path: null`). */
  path?: string;
  connectTimeoutMs: number;
  readTimeoutMs: number;
  writeTimeoutMs: number;
  retries: number;
}

/** A route ready to match requests: its criteria, its service and the plugins that run for it, in order. */
export interface GatewayRoute {
  name: string;
  service: UpstreamService;
  paths?: string[];
  methods?: string[];
  hosts?: string[];
  stripPath: boolean;
  preserveHost: boolean;
  protocols: Array<'http' | 'https'>;
  pathHandling: 'v0' | 'v1';
  httpsRedirectStatusCode: number;
  plugins: GatewayPlugin[];
}

export interface GatewayConfig {
  routes: GatewayRoute[];
  consumers: ConsumerRecord[];
}

/** Where a Kong service really runs, e.g. `{ spider: 'http://127.0.0.1:1024' }` in the embedded platform. */
export type UpstreamOverrides = Record<string, string>;

/** Replaces a consumer's credentials, e.g. from CB_API_USERNAME / CB_API_PASSWORD, keyed by consumer username. */
export type ConsumerOverrides = Record<
  string,
  { basicauthCredentials?: Array<{ username: string; password: string }>; keyauthCredentials?: Array<{ key: string }> }
>;

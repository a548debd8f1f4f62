import { randomBytes } from 'node:crypto';
import { ensureDatabase, withDatabase } from '@cb/db';
import { createGateway, type Gateway } from '@cb/gateway';
import type { RunningService } from '@cb/runtime';
import { createLogger, type Logger } from '@cb/telemetry';
import { formatBanner } from './banner';
import type { PlatformConfig } from './config';
import { chooseEventTransport, type PlatformEvents } from './event-transport';
import { loadServiceModule } from './load-service';
import { choosePostgres, type PlatformPostgres } from './postgres';
import { platformSecretKey } from './secret-key';
import { SERVICE_CATALOG } from './service-catalog';

export interface Platform {
  start(): Promise<string>;
  stop(): Promise<void>;
  readonly gatewayUrl: string;
  readonly services: ReadonlyArray<RunningService>;
}

/**
 * Every service that exists, in one process: one PostgreSQL (a database per service), one event
 * transport shared by all, the gateway in front. Stops in reverse order, and leaves nothing running.
 */
export function createPlatform(config: PlatformConfig, env: NodeJS.ProcessEnv = process.env): Platform {
  const logger: Logger = createLogger('platform', { env });
  const started: RunningService[] = [];
  const skipped: string[] = [];
  let postgres: PlatformPostgres | undefined;
  let events: PlatformEvents | undefined;
  let gateway: Gateway | undefined;
  let gatewayListening = false;
  const host = config.CB_LISTEN_HOST;
  const gatewayUrl = () => `http://${host}:${gateway?.port ?? config.GATEWAY_PORT}`;

  async function stop(): Promise<void> {
    const errors: unknown[] = [];
    const attempt = async (what: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (error) {
        errors.push(error);
        logger.error({ err: error }, `stopping ${what} failed`);
      }
    };
    if (gateway && gatewayListening) await attempt('gateway', () => gateway!.stop());
    gatewayListening = false;
    for (const service of [...started].reverse()) await attempt(service.name, () => service.stop());
    started.length = 0;
    if (events) await attempt('events', () => events!.stop());
    if (postgres) await attempt('postgres', () => postgres!.stop());
    gateway = events = postgres = undefined;
    if (errors.length) throw new AggregateError(errors, 'the platform did not stop cleanly');
  }

  async function start(): Promise<string> {
    try {
      // The gateway reads and checks kong.yml when created: a bad file stops us before anything starts.
      gateway = createGateway({
        configPath: config.KONG_CONFIG,
        listenHost: host,
        port: config.GATEWAY_PORT,
        upstreamOverrides: Object.fromEntries(
          SERVICE_CATALOG.map((entry) => [entry.kongService, `http://127.0.0.1:${entry.restPort(config)}`]),
        ),
        consumerOverrides: {
          default: { basicauthCredentials: [{ username: config.CB_API_USERNAME, password: config.CB_API_PASSWORD }] },
        },
        logger: createLogger('gateway', { env }),
      });
      const secret = platformSecretKey(env, config.CB_DATA_DIR);
      // Services authenticate each other's gRPC calls with one shared token, fresh for every start
      // unless CB_SERVICE_TOKEN is given.
      const serviceToken = env.CB_SERVICE_TOKEN || randomBytes(24).toString('base64url');
      postgres = await choosePostgres(config);
      events = await chooseEventTransport(config, logger);

      for (const entry of SERVICE_CATALOG) {
        const module = loadServiceModule(entry);
        if (!module) {
          skipped.push(entry.name);
          continue;
        }
        let databaseUrl: string | undefined;
        if (entry.database) {
          await ensureDatabase(postgres.adminUrl, entry.database);
          databaseUrl = withDatabase(postgres.adminUrl, entry.database);
        }
        const serviceEnv = {
          ...env,
          HOST: host,
          CB_SECRET_KEY: secret.key,
          CB_SERVICE_TOKEN: serviceToken,
          SPIDER_GRPC_TOKEN: serviceToken,
          ...entry.env(config, databaseUrl),
        };
        const service = await module.create(serviceEnv, {
          events: events.transport,
          logger: createLogger(entry.name, { env }),
        });
        await service.start();
        started.push(service);
        await entry.afterStart?.(service, config, logger);
      }

      await gateway.start();
      gatewayListening = true;

      return formatBanner({
        gatewayUrl: gatewayUrl(),
        username: config.CB_API_USERNAME,
        password: config.CB_API_PASSWORD,
        services: started.map((service) => ({ name: service.name, endpoints: service.endpoints() })),
        skipped,
        database:
          postgres.origin === 'embedded'
            ? `embedded PostgreSQL, data in ${config.CB_DATA_DIR}/postgres`
            : 'PostgreSQL from DATABASE_URL',
        events: events.description,
        secretKey: secret.origin === 'CB_SECRET_KEY' ? 'from CB_SECRET_KEY' : `generated, kept in ${secret.origin}`,
      });
    } catch (error) {
      await stop().catch(() => undefined);
      throw error;
    }
  }

  return {
    start,
    stop,
    get gatewayUrl() {
      return gatewayUrl();
    },
    get services() {
      return started;
    },
  };
}

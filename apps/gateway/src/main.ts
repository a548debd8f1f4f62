import pino from 'pino';
import { readGatewayEnv } from './config';
import { createGateway } from './gateway';

/** Runs the gateway alone: `tsx apps/gateway/src/main.ts` (the platform starts it through createGateway). */
async function main(): Promise<void> {
  const logger = pino({ name: 'gateway' });
  const env = readGatewayEnv();
  const credentials =
    env.CB_API_USERNAME && env.CB_API_PASSWORD
      ? {
          [env.GATEWAY_CONSUMER]: {
            basicauthCredentials: [{ username: env.CB_API_USERNAME, password: env.CB_API_PASSWORD }],
          },
        }
      : undefined;
  const gateway = createGateway({
    configPath: env.KONG_CONFIG,
    listenHost: env.GATEWAY_HOST,
    port: env.GATEWAY_PORT,
    upstreamOverrides: env.GATEWAY_UPSTREAMS,
    consumerOverrides: credentials,
    logger,
  });
  await gateway.start();

  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'gateway stopping');
    gateway.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: Error) => {
  // The message of a KongConfigError already names the file and every problem in it.
  console.error(error.message);
  process.exit(1);
});

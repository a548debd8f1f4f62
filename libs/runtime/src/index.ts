export { ConfigError, envBoolean, envPort, parseEnv } from './env';
export { eventStreamSettings, type EventStreamSettings } from './event-stream-env';
export {
  findOrStartNats,
  natsServerOnPath,
  startNatsServer,
  type LocalNats,
  type StartNatsOptions,
} from './nats-server';
export { freePort, isPortOpen, waitForPort } from './net';
export { REPEATED_SIGNAL_MS, runMain, type MainLogger, type Stoppable } from './run-main';
export type { RunningService, ServiceDeps, ServiceEndpoints, ServiceLogger, ServiceModule } from './service-module';

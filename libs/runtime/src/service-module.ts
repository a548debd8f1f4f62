/**
 * How a service plugs into a process: its own `main.ts` (one service per process) and apps/platform
 * (every service in one process) both build it from an environment and shared dependencies.
 */
export interface ServiceEndpoints {
  /** e.g. http://127.0.0.1:1024/spider */
  rest?: string;
  /** e.g. 127.0.0.1:2048 */
  grpc?: string;
}

export interface RunningService {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  endpoints(): ServiceEndpoints;
}

export interface ServiceLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
  debug(object: object, message?: string): void;
  child(bindings: Record<string, unknown>): ServiceLogger;
}

/**
 * Dependencies a process shares between its services. `events` is the event transport
 * (libs/events' EventTransport: JetStream, or in-process in the single-process platform).
 */
export interface ServiceDeps<Events = unknown> {
  events: Events;
  logger: ServiceLogger;
}

export interface ServiceModule<Events = unknown> {
  name: string;
  /** Validates `env` (throwing ConfigError naming every bad variable) and wires the service; does not listen yet. */
  create(env: NodeJS.ProcessEnv, deps: ServiceDeps<Events>): Promise<RunningService>;
}

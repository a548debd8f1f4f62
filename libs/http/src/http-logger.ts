/**
 * What the app needs of a logger: pino (and @cb/telemetry's createLogger) fits, so does any
 * object with these methods. Kept structural so this lib does not pick the logging library.
 */
export interface HttpLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
  debug(object: object, message?: string): void;
}

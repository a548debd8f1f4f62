/** The part of a pino logger the gateway uses; pass the platform's logger, or get a JSON-lines one by default. */
export interface GatewayLogger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

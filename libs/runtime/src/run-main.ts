import { ConfigError } from './env';

export interface Stoppable {
  stop(): Promise<void>;
}

export interface MainLogger {
  info(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/**
 * Runs a process entry point: starts it, stops it once on SIGINT/SIGTERM (a second signal forces the
 * exit), and turns a bad configuration into one clear message and exit code 2 instead of a stack trace.
 */
export async function runMain(name: string, start: () => Promise<Stoppable>, logger?: MainLogger): Promise<void> {
  let running: Stoppable;
  try {
    running = await start();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${name}: ${error.message}`);
      process.exit(2);
    }
    console.error(`${name}: failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      console.error(`${name}: ${signal} again, exiting now`);
      process.exit(130);
    }
    stopping = true;
    logger?.info({ signal }, `${name} stopping`);
    try {
      await running.stop();
      process.exit(0);
    } catch (error) {
      logger?.error({ err: error }, `${name} did not stop cleanly`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

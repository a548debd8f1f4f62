import { ConfigError } from './env';

export interface Stoppable {
  stop(): Promise<void>;
}

export interface MainLogger {
  info(object: object, message?: string): void;
  error(object: object, message?: string): void;
}

/**
 * A Ctrl-C reaches a process more than once: from the terminal and again relayed by a wrapper (npm,
 * tsx) that forwards it. A repeat this soon after the first is such a copy, not a second Ctrl-C.
 */
export const REPEATED_SIGNAL_MS = 1000;

/**
 * Runs a process entry point: starts it, stops it once on SIGINT/SIGTERM (a second signal forces the
 * exit), and turns a bad configuration into one clear message and exit code 2 instead of a stack trace.
 * A signal during start-up exits at once (code 130): what was started dies with the process, and
 * child processes are stopped by their own exit hooks (see libs/db's spawnPostgres).
 */
export async function runMain(name: string, start: () => Promise<Stoppable>, logger?: MainLogger): Promise<void> {
  let running: Stoppable | undefined;
  let stoppingSince: number | undefined;
  const shutdown = async (signal: string) => {
    if (!running) {
      console.error(`${name}: ${signal} while starting, exiting`);
      process.exit(130);
    }
    if (stoppingSince !== undefined) {
      if (Date.now() - stoppingSince < REPEATED_SIGNAL_MS) return;
      console.error(`${name}: ${signal} again, exiting now`);
      process.exit(130);
    }
    stoppingSince = Date.now();
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
}

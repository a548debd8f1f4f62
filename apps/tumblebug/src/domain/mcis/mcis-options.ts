import type { McisTuning } from '../../config';
import type { CloudCallLimitOptions } from './cloud-call-limits';
import type { StatusAgentOptions } from './status-agent';
import type { VmWorkOptions } from './vm-work-worker';

export interface McisOptions {
  limits: CloudCallLimitOptions;
  work: VmWorkOptions;
  status: StatusAgentOptions;
  /** How long DELETE ?option=terminate and ?wait=true wait before answering 202. */
  waitTimeoutMs: number;
}

/** The MCIS engine's options from the validated TB_MCIS_* variables (config.ts has their defaults and checks). */
export function mcisOptionsFrom(tuning: McisTuning): McisOptions {
  return {
    limits: {
      maxRegionsPerProvider: tuning.TB_MCIS_MAX_REGIONS_PER_PROVIDER,
      maxConcurrentPerRegion: tuning.TB_MCIS_MAX_CONCURRENT_PER_REGION,
      callsPerSecondPerProvider: tuning.TB_MCIS_CALLS_PER_SECOND_PER_PROVIDER,
    },
    work: {
      tickMs: tuning.TB_MCIS_WORK_TICK_MS,
      batch: tuning.TB_MCIS_WORK_BATCH,
      maxAttempts: tuning.TB_MCIS_MAX_ATTEMPTS,
      backoffBaseMs: tuning.TB_MCIS_BACKOFF_BASE_MS,
      backoffMaxMs: tuning.TB_MCIS_BACKOFF_MAX_MS,
    },
    status: {
      tickMs: tuning.TB_MCIS_STATUS_TICK_MS,
      settledPollMs: tuning.TB_MCIS_SETTLED_POLL_MS,
      createTimeoutMs: tuning.TB_MCIS_CREATE_TIMEOUT_MS,
      concurrency: tuning.TB_MCIS_STATUS_CONCURRENCY,
    },
    waitTimeoutMs: tuning.TB_MCIS_WAIT_TIMEOUT_MS,
  };
}

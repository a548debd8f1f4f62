import { ConfigError } from '@cb/runtime';
import { randomBytes } from 'node:crypto';
import { loadTumblebugConfig } from '../src/config';
import { mcisOptionsFrom } from '../src/domain/mcis';

const base = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tumblebug',
  CB_SECRET_KEY: randomBytes(32).toString('base64'),
};

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadTumblebugConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
};

describe('tumblebug configuration', () => {
  it('gives the MCIS engine its documented defaults', () => {
    expect(mcisOptionsFrom(loadTumblebugConfig(base).mcis)).toEqual({
      limits: { maxRegionsPerProvider: 30, maxConcurrentPerRegion: 20, callsPerSecondPerProvider: 10 },
      work: { tickMs: 250, batch: 200, maxAttempts: 6, backoffBaseMs: 500, backoffMaxMs: 30_000 },
      status: { tickMs: 1000, settledPollMs: 60_000, createTimeoutMs: 1_200_000, concurrency: 8 },
      waitTimeoutMs: 120_000,
    });
  });

  it('takes TB_MCIS_* from the environment it is given, not from the process', () => {
    process.env.TB_MCIS_WORK_BATCH = '7';
    try {
      const options = mcisOptionsFrom(
        loadTumblebugConfig({ ...base, TB_MCIS_CALLS_PER_SECOND_PER_PROVIDER: '2.5', TB_MCIS_STATUS_TICK_MS: '200' })
          .mcis,
      );
      expect(options.limits.callsPerSecondPerProvider).toBe(2.5);
      expect(options.status.tickMs).toBe(200);
      expect(options.work.batch).toBe(200);
    } finally {
      delete process.env.TB_MCIS_WORK_BATCH;
    }
  });

  it('refuses bad TB_MCIS_* values, naming each variable and not echoing the value', () => {
    const problems = problemsOf({
      ...base,
      TB_MCIS_WORK_TICK_MS: 'soon',
      TB_MCIS_MAX_ATTEMPTS: '0',
      TB_MCIS_STATUS_CONCURRENCY: '2.5',
      TB_MCIS_CALLS_PER_SECOND_PER_PROVIDER: '-1',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'TB_MCIS_CALLS_PER_SECOND_PER_PROVIDER',
      'TB_MCIS_MAX_ATTEMPTS',
      'TB_MCIS_STATUS_CONCURRENCY',
      'TB_MCIS_WORK_TICK_MS',
    ]);
    expect(problems.join('\n')).not.toContain('soon');
  });

  it('sends CB_SERVICE_TOKEN to spider unless SPIDER_GRPC_TOKEN names another', () => {
    expect(loadTumblebugConfig(base).spiderGrpcToken).toBeUndefined();
    expect(loadTumblebugConfig({ ...base, CB_SERVICE_TOKEN: 'shared' }).spiderGrpcToken).toBe('shared');
    expect(loadTumblebugConfig({ ...base, CB_SERVICE_TOKEN: 'shared', SPIDER_GRPC_TOKEN: 'own' }).spiderGrpcToken).toBe(
      'own',
    );
  });
});

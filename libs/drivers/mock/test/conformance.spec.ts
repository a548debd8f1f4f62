import { runConformanceSuite } from '@cb/driver-sdk';
import { createMockDriver, ManualClock, mockConnectionInfo } from '../src';

// Virtual time: polling sleeps move the mock's clock, so boot delays are observed without waiting.
const clock = new ManualClock();
const driver = createMockDriver({ clock });
const capabilities = driver.manifest.Capabilities;
const poll = { vmRunningTimeoutMs: 120_000, pollIntervalMs: 5_000, sleep: clock.sleep, now: () => clock.now() };

function connect(keyValues: Record<string, string>, region = 'default') {
  return () => driver.connect(mockConnectionInfo(keyValues, region));
}

runConformanceSuite(connect({ MockName: 'conformance-upstream' }), {
  capabilities,
  namePrefix: 'upstream',
  ...poll,
  faults: {
    throttled: connect({ MockName: 'conformance-throttled', RateLimitPerSec: '25' }),
    failing: connect({ MockName: 'conformance-failing', FailureRate: '0.3', Seed: 'conformance' }),
    slowBoot: connect({ MockName: 'conformance-slow', VmBootMs: '30000' }),
    stuckBoot: connect({ MockName: 'conformance-stuck', VmStuckRate: '1' }),
    slow: { open: connect({ MockName: 'conformance-latency', LatencyMs: '750' }), latencyMs: 750 },
  },
});

runConformanceSuite(
  connect({ MockName: 'conformance-aws', Profile: 'aws', ImagesPerRegion: '5000' }, 'ap-northeast-2'),
  {
    capabilities,
    namePrefix: 'aws',
    ...poll,
  },
);

runConformanceSuite(connect({ MockName: 'conformance-gcp', Profile: 'gcp', LatencyMs: '250' }, 'us-central1'), {
  capabilities,
  namePrefix: 'gcp',
  ...poll,
});

runConformanceSuite(connect({ MockName: 'conformance-azure', Profile: 'azure', VmBootMs: '45000' }, 'koreacentral'), {
  capabilities,
  namePrefix: 'azure',
  ...poll,
});

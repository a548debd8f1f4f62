import { CallHistoryRecorder, DriverCallGateway } from '../../domain/calls';
import { CallHistoryStore } from '../../store/resources';
import type { SpiderRestDeps } from './app-deps';

/** The one way to the drivers that REST and gRPC share: one call limit per connection, one call history. */
export interface DriverCalls {
  history: CallHistoryStore;
  recorder: CallHistoryRecorder;
  gateway: DriverCallGateway;
}

export function createDriverCalls(deps: Pick<SpiderRestDeps, 'config' | 'dataSource' | 'logger'>): DriverCalls {
  const history = new CallHistoryStore(deps.dataSource);
  const recorder = new CallHistoryRecorder(history, deps.logger);
  const gateway = new DriverCallGateway({
    maxConcurrentCallsPerConnection: deps.config.maxConcurrentCallsPerConnection,
    timeoutMs: deps.config.driverCallTimeoutMs,
    recorder,
  });
  return { history, recorder, gateway };
}

/** The wiring's shared DriverCalls, or (a router or server built on its own, as in tests) a new one. */
export const driverCallsOf = (deps: SpiderRestDeps): DriverCalls => deps.calls ?? createDriverCalls(deps);

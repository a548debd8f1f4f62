import type { FaultInjector } from './fault-injector';
import type { MockConfig } from '../config';

/** Handler methods that return AsyncIterables: the fault check runs when the stream is first read. */
const STREAMING = new Set(['listImages', 'listVMSpecs']);

/**
 * Wraps every method of a handler so the fault injector sees the call first. The wrapped method does not run
 * at all when the call is throttled or failed, as with a real cloud.
 */
export function withFaults<T extends object>(handler: T, faults: FaultInjector, config: MockConfig): T {
  const wrapped: Record<string, unknown> = {};
  for (const name of methodNames(handler)) {
    const method = (handler as Record<string, (...args: unknown[]) => unknown>)[name].bind(handler);
    wrapped[name] = STREAMING.has(name)
      ? async function* (...args: unknown[]) {
          await faults.beforeCall(name, config);
          yield* method(...args) as AsyncIterable<unknown>;
        }
      : async (...args: unknown[]) => {
          await faults.beforeCall(name, config);
          return method(...args);
        };
  }
  return wrapped as T;
}

function methodNames(handler: object): string[] {
  const names = new Set<string>();
  for (
    let proto = Object.getPrototypeOf(handler);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== 'constructor' && typeof (handler as Record<string, unknown>)[name] === 'function') names.add(name);
    }
  }
  return [...names];
}

export { runConformanceSuite } from './run-conformance-suite';
export type { ConformanceOptions, FaultConnections } from './context';
export { expectDriverError, firstOf, takeAll } from './context';

export { KeyedConcurrencyLimit } from './concurrency-limit';
export { CallHistoryRecorder, type CallHistoryRecorderOptions } from './call-history-recorder';
export { DriverCallGateway, required, type CallLabel, type DriverCallGatewayOptions } from './driver-call-gateway';
export {
  CallHistory,
  callHistoryFilterOf,
  type CallHistoryQuery,
  type CallRecord,
  type ProviderCallStats,
  DEFAULT_CALL_HISTORY_LIMIT,
  MAX_CALL_HISTORY_LIMIT,
} from './call-history-query';

export { KeyedConcurrencyLimit } from './concurrency-limit';
export { CallHistoryRecorder, type CallHistoryRecorderOptions } from './call-history-recorder';
export { DriverCallGateway, required, type CallLabel, type DriverCallGatewayOptions } from './driver-call-gateway';

export { startTumblebugGrpc, type RunningTumblebugGrpc, type TumblebugGrpcOptions } from './tumblebug-grpc-server';

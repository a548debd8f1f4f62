export { createGateway, type Gateway, type GatewayOptions } from './gateway';
export type { GatewayLogger } from './gateway-logger';
export { KongConfigError, type ConfigProblem } from './kong/config-error';
export { compileKongConfig, loadKongConfig, parseKongFile } from './kong/load-kong-config';
export type { ConsumerOverrides, GatewayConfig, GatewayRoute, UpstreamOverrides } from './kong/resolved';

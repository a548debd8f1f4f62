// One namespace per proto package; the generated modules live in ./gen (do not edit them).
export * as common from './gen/cb/common/v1/common_pb';
export * as events from './gen/cb/events/v1/events_pb';
export * as testkit from './gen/cb/testkit/v1/echo_pb';
export * as spider from './spider';
export * as hub from './gen/cb/hub/v1/hub_pb';
export * as tumblebug from './gen/cb/tumblebug/v1/tumblebug_pb';
export * as mcmeta from './gen/cb/mcmeta/v1/mcmeta_pb';

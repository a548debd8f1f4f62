// cb.spider.v1 is split by capability over several .proto files; one namespace for all of them.
export * from './gen/cb/spider/v1/spider_pb';
export * from './gen/cb/spider/v1/catalog_pb';
export * from './gen/cb/spider/v1/network_pb';
export * from './gen/cb/spider/v1/compute_pb';
export * from './gen/cb/spider/v1/disk_pb';
export * from './gen/cb/spider/v1/my_image_pb';
export * from './gen/cb/spider/v1/nlb_pb';
export * from './gen/cb/spider/v1/cluster_pb';
export * from './gen/cb/spider/v1/tag_pb';
export * from './gen/cb/spider/v1/management_pb';
export * from './gen/cb/spider/v1/call_history_pb';

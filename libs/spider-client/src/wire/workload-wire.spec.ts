import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import type { ClusterInfo, NLBInfo } from '@cb/driver-sdk';
import { spider } from '@cb/proto';
import {
  fromCallHistoryFilterMessage,
  fromClusterMessage,
  fromNlbMessage,
  fromResourceInfoMessage,
  toCallHistoryFilterMessage,
  toClusterMessage,
  toNlbMessage,
  toResourceInfoMessage,
} from '.';

/** Through the real encoding, as on the wire. */
function overTheWire<S extends Parameters<typeof create>[0]>(schema: S, init: Parameters<typeof create<S>>[1]) {
  return fromBinary(schema, toBinary(schema, create(schema, init)));
}

const nlb: NLBInfo = {
  IId: { NameId: 'nlb-01', SystemId: 'nlb-01-x' },
  VpcIID: { NameId: 'vpc-01', SystemId: 'v' },
  Type: 'PUBLIC',
  Scope: 'REGION',
  Listener: { Protocol: 'TCP', IP: '4.3.2.1', Port: '80', DNSName: 'nlb.example' },
  VMGroup: { Protocol: 'TCP', Port: '8080', VMs: [{ NameId: 'vm-01', SystemId: 'vm-01-x' }] },
  HealthChecker: { Protocol: 'TCP', Port: '8080', Interval: -1, Timeout: 5, Threshold: 3 },
  CreatedTime: '2026-01-02T03:04:05Z',
};

const cluster: ClusterInfo = {
  IId: { NameId: 'cluster-01', SystemId: 'c' },
  Version: '1.29',
  Network: { VpcIID: { NameId: 'vpc-01', SystemId: 'v' }, SubnetIIDs: [], SecurityGroupIIDs: [] },
  NodeGroupList: [
    {
      IId: { NameId: 'ng-01', SystemId: 'n' },
      ImageIID: { NameId: '', SystemId: '' },
      VMSpecName: 'spec',
      RootDiskType: 'SSD',
      RootDiskSize: '50',
      KeyPairIID: { NameId: 'key', SystemId: 'k' },
      OnAutoScaling: true,
      DesiredNodeSize: 2,
      MinNodeSize: 1,
      MaxNodeSize: 3,
      Status: 'Active',
    },
  ],
  AccessInfo: { Endpoint: 'https://k8s', Kubeconfig: 'apiVersion: v1' },
  Status: 'Active',
  CreatedTime: '2026-01-02T03:04:05Z',
};

describe('cb.spider.v1 wire mappers of the workloads and management calls', () => {
  it('round-trips an NLB and a cluster, leaving out what upstream omits when empty', () => {
    expect(fromNlbMessage(overTheWire(spider.NlbInfoSchema, toNlbMessage(nlb)))).toEqual(nlb);
    const back = fromClusterMessage(overTheWire(spider.ClusterInfoSchema, toClusterMessage(cluster)));
    expect(back).toEqual(cluster);
    expect(Object.keys(back)).not.toContain('Addons');
  });

  it('wraps a resource of any managed kind, and refuses one of another kind than asked', () => {
    const message = overTheWire(spider.ResourceInfoSchema, toResourceInfoMessage('nlb', nlb));
    expect(message.info.case).toBe('nlb');
    expect(fromResourceInfoMessage('nlb', message)).toEqual(nlb);
    expect(() => fromResourceInfoMessage('cluster', message)).toThrow('spider answered a nlb resource for cluster');
  });

  it('sends the call history filter with the time as ISO text and reads empty fields back as absent', () => {
    const since = new Date('2026-01-02T03:04:05Z');
    const message = overTheWire(spider.CallHistoryFilterSchema, toCallHistoryFilterMessage({ Outcome: 'ok', since }));
    expect(message.since).toBe('2026-01-02T03:04:05.000Z');
    expect(fromCallHistoryFilterMessage(message, 5)).toEqual({ Outcome: 'ok', since: message.since, limit: 5 });
  });
});

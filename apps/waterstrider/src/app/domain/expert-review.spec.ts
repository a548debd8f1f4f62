import { reviewExpert, type ExpertChoice } from './expert-review';

const ON = 'aws-seoul';
const complete: ExpertChoice = {
  connectionName: ON,
  size: 3,
  spec: { id: 'aws+ap-northeast-2+m7g.xlarge', connectionName: ON, costPerHour: 0.1632 },
  image: { id: 'ami-0123', connectionName: ON },
  vNet: { id: 'vnet01', connectionName: ON, subnetInfoList: [{ id: 'subnet01' }] },
  subnetId: 'subnet01',
  securityGroup: { id: 'sg01', connectionName: ON },
  sshKey: { id: 'key01', connectionName: ON },
};

describe('reviewExpert', () => {
  it('is Ready with the cost of every VM when each resource is on the connection', () => {
    expect(reviewExpert(complete)).toEqual({
      overallStatus: 'Ready',
      overallMessage: `Every resource exists on ${ON}.`,
      creationViable: true,
      estimatedCost: '$0.4896/hour',
      totalVmCount: 3,
    });
  });

  it('warns, and still lets it be created, when the spec has no known cost', () => {
    const review = reviewExpert({ ...complete, spec: { ...complete.spec!, costPerHour: -1 } });
    expect(review).toMatchObject({ overallStatus: 'Warning', creationViable: true, estimatedCost: undefined });
    expect(review.overallMessage).toContain('the cost of spec aws+ap-northeast-2+m7g.xlarge is unknown');
  });

  it('names what is missing or on another connection, and refuses', () => {
    const review = reviewExpert({
      ...complete,
      image: undefined,
      sshKey: { id: 'key02', connectionName: 'gcp-tokyo' },
      subnetId: 'nope',
    });
    expect(review.overallStatus).toBe('Error');
    expect(review.creationViable).toBe(false);
    expect(review.overallMessage).toBe(
      `Cannot be created: no image chosen; SSH key key02 is on gcp-tokyo, not ${ON}; no subnet of vNet vnet01 chosen.`,
    );
  });
});

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../../test/fake-response';
import { SessionProvider } from '../session/session';
import { McisCreatePage } from './mcis-create';

const ON = 'aws-seoul';
const LISTS: Record<string, object> = {
  '/tumblebug/ns/e2e/resources/spec': { spec: [] },
  '/tumblebug/ns/system/resources/spec': {
    spec: [{ id: 'aws+ap-northeast-2+m7g.xlarge', cspSpecName: 'm7g.xlarge', connectionName: ON, costPerHour: 0.1632 }],
  },
  '/tumblebug/ns/e2e/resources/image': { image: [] },
  '/tumblebug/ns/system/resources/image': { image: [{ id: 'ami-0123', connectionName: ON, osType: 'ubuntu 22.04' }] },
  '/tumblebug/ns/e2e/resources/vNet': {
    vNet: [{ id: 'vnet01', connectionName: ON, subnetInfoList: [{ id: 'subnet01', ipv4_CIDR: '10.0.1.0/24' }] }],
  },
  '/tumblebug/ns/e2e/resources/securityGroup': { securityGroup: [{ id: 'sg01', connectionName: ON }] },
  '/tumblebug/ns/e2e/resources/sshKey': { sshKey: [{ id: 'key01', connectionName: ON }] },
};

function platform() {
  const created: unknown[] = [];
  const filtered: string[] = [];
  const fetchImpl = jest.fn(async (url: string, init?: RequestInit) => {
    const [path, query = ''] = url.split('?');
    if (path === '/spider/connectionconfig') return fakeResponse(200, { connectionconfig: [{ ConfigName: ON }] });
    if (path === '/tumblebug/ns/e2e/mci' && init?.method === 'POST') {
      created.push(JSON.parse(String(init.body)));
      return fakeResponse(200, { id: 'web', name: 'web', status: 'Running:1 (R:1/1)' });
    }
    if (path === '/tumblebug/ns/e2e/mci/web') return fakeResponse(404, { message: 'not yet' });
    if (LISTS[path]) {
      filtered.push(`${path}?${query}`);
      return fakeResponse(200, LISTS[path]);
    }
    return fakeResponse(404, { message: `unexpected ${url}` });
  });
  return { fetchImpl, created, filtered };
}

beforeEach(() => {
  sessionStorage.clear();
  sessionStorage.setItem('cb.session', JSON.stringify({ username: 'default', password: 'default' }));
  sessionStorage.setItem('cb.namespace', 'e2e');
});

const choose = async (label: string, value: string) => {
  const select = screen.getByLabelText(label) as HTMLSelectElement;
  await waitFor(() => expect([...select.options].map((option) => option.value)).toContain(value));
  fireEvent.change(select, { target: { value } });
};

describe('MCIS create, Expert mode', () => {
  it("reviews the chosen resources with the spec's cost, then creates the static MCIS", async () => {
    const { fetchImpl, created, filtered } = platform();
    render(
      <SessionProvider fetchImpl={fetchImpl as unknown as typeof fetch}>
        <McisCreatePage />
      </SessionProvider>,
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Expert' }));
    fireEvent.change(screen.getByLabelText('MCIS name'), { target: { value: 'web' } });
    await choose('Connection', ON);
    await choose('Spec', 'aws+ap-northeast-2+m7g.xlarge');
    await choose('Image', 'ami-0123');
    await choose('vNet', 'vnet01');
    await choose('Subnet', 'subnet01');
    await choose('Security group', 'sg01');
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    // One resource is still missing: the Review says which, and creating is not offered.
    const incomplete = await screen.findByLabelText('Review');
    expect(incomplete.textContent).toContain('Cannot be created: no SSH key chosen.');
    expect((within(incomplete).getByRole('button', { name: 'Create MCIS' }) as HTMLButtonElement).disabled).toBe(true);

    await choose('SSH key', 'key01');
    fireEvent.change(screen.getAllByLabelText('VMs')[0]!, { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    const review = await screen.findByLabelText('Review');
    expect(review.textContent).toContain('Review: Ready');
    expect(review.textContent).toContain('Estimated cost: $0.3264/hour for 2 VM(s)');
    fireEvent.click(within(review).getByRole('button', { name: 'Create MCIS' }));

    await waitFor(() => expect(created).toHaveLength(1));
    expect(created).toEqual([
      {
        name: 'web',
        policyOnPartialFailure: 'continue',
        subGroups: [
          {
            name: 'g1',
            subGroupSize: 2,
            connectionName: ON,
            specId: 'aws+ap-northeast-2+m7g.xlarge',
            imageId: 'ami-0123',
            vNetId: 'vnet01',
            subnetId: 'subnet01',
            securityGroupIds: ['sg01'],
            sshKeyId: 'key01',
          },
        ],
      },
    ]);
    // Every list was asked for the chosen connection's resources only.
    expect(filtered.every((url) => url.endsWith(`filterKey=connectionName&filterVal=${ON}`))).toBe(true);
  });
});

import { render, screen, within } from '@testing-library/react';
import { fakeResponse } from '../../../test/fake-response';
import { SessionProvider } from '../session/session';
import { McisListPage } from './mcis-list';

const vm = (id: string, specId: string) => ({ id, name: id, status: 'Running', specId, subGroupId: 'g1' });

beforeEach(() => {
  sessionStorage.clear();
  sessionStorage.setItem('cb.session', JSON.stringify({ username: 'default', password: 'default' }));
  sessionStorage.setItem('cb.namespace', 'e2e');
});

describe('MCIS list', () => {
  it("sums each VM's spec $/hour, looking up specs the VMs do not carry, and says when it is unknown", async () => {
    const asked: string[] = [];
    const fetchImpl = jest.fn(async (url: string) => {
      if (url === '/tumblebug/ns/e2e/mci') {
        return fakeResponse(200, {
          mci: [
            {
              id: 'web',
              name: 'web',
              status: 'Running:2 (R:2/2)',
              vm: [vm('g1-1', 'aws+small'), vm('g1-2', 'aws+small')],
            },
            { id: 'db', name: 'db', status: 'Running:1 (R:1/1)', vm: [vm('g1-1', 'mock+vmspec')] },
          ],
        });
      }
      asked.push(url);
      if (url === '/tumblebug/ns/system/resources/spec/aws%2Bsmall')
        return fakeResponse(200, { id: 'aws+small', costPerHour: 0.0457 });
      if (url === '/tumblebug/ns/system/resources/spec/mock%2Bvmspec')
        return fakeResponse(200, { id: 'mock+vmspec', costPerHour: -1 });
      return fakeResponse(404, { message: `${url}: does not exist` });
    });
    render(
      <SessionProvider fetchImpl={fetchImpl as unknown as typeof fetch}>
        <McisListPage />
      </SessionProvider>,
    );
    const web = (await screen.findByRole('link', { name: 'web' })).closest('tr')!;
    expect(await within(web as HTMLElement).findByRole('cell', { name: '$0.0914' })).toBeTruthy();
    const db = screen.getByRole('link', { name: 'db' }).closest('tr')!;
    expect(within(db as HTMLElement).getByRole('cell', { name: 'unknown' })).toBeTruthy();
    // Each spec is looked up once: the namespace's own first, then the system catalog.
    expect(asked.sort()).toEqual([
      '/tumblebug/ns/e2e/resources/spec/aws%2Bsmall',
      '/tumblebug/ns/e2e/resources/spec/mock%2Bvmspec',
      '/tumblebug/ns/system/resources/spec/aws%2Bsmall',
      '/tumblebug/ns/system/resources/spec/mock%2Bvmspec',
    ]);
  });
});

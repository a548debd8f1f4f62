import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeResponse } from '../../../test/fake-response';
import { App } from '../app';

const MCIS = { id: 'web', name: 'web', status: 'Running:1 (R:1/1)', vm: [] };

type Failure = () => Promise<Response>;

/**
 * A platform whose MCIS list fails once the way the case says, then answers; everything else the shell
 * needs (namespaces) answers at once.
 */
function platformFailingOnce(failure: Failure) {
  let failed = false;
  const fetchImpl = jest.fn(async (url: string) => {
    if (url === '/tumblebug/ns') return fakeResponse(200, { ns: [{ id: 'default', name: 'default' }] });
    if (url === '/tumblebug/ns/default/mci') {
      if (!failed) {
        failed = true;
        return failure();
      }
      return fakeResponse(200, { mci: [MCIS] });
    }
    return fakeResponse(404, { message: `unexpected ${url}` });
  });
  return fetchImpl;
}

function renderMcisPage(fetchImpl: jest.Mock) {
  window.history.pushState(null, '', '/mcis');
  render(<App fetchImpl={fetchImpl as unknown as typeof fetch} />);
}

beforeEach(() => {
  sessionStorage.clear();
  sessionStorage.setItem('cb.session', JSON.stringify({ username: 'default', password: 'default' }));
});

afterEach(() => window.history.pushState(null, '', '/'));

describe('API errors shown in place, the page still working', () => {
  it.each<[string, Failure, RegExp]>([
    [
      'a 4xx with its message',
      async () => fakeResponse(404, { message: 'ns default: does not exist' }),
      /^ns default: does not exist$/,
    ],
    [
      'a 5xx',
      async () => fakeResponse(503, { message: 'database unavailable' }),
      /^The platform failed \(HTTP 503\): database unavailable\. Try again\.$/,
    ],
    [
      'the network down',
      async () => {
        throw new TypeError('Failed to fetch');
      },
      /^Cannot reach the platform: the network or the gateway is down/,
    ],
  ])('shows %s, and Retry loads the page', async (_case, failure, message) => {
    const fetchImpl = platformFailingOnce(failure);
    renderMcisPage(fetchImpl);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(message)).toBeTruthy();
    // The shell around the failed view keeps working.
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Create MCIS' })).toBeTruthy();

    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'web' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says a 401 means signing in again, and the button leads back to sign-in', async () => {
    const fetchImpl = platformFailingOnce(async () => fakeResponse(401, { message: 'Unauthorized' }));
    renderMcisPage(fetchImpl);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The platform no longer accepts this sign-in (HTTP 401).');
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();

    fireEvent.click(within(alert).getByRole('button', { name: 'Sign in again' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy());
    expect(sessionStorage.getItem('cb.session')).toBeNull();
  });

  it('keeps a failed action in place while the data stays on screen', async () => {
    const fetchImpl = jest.fn(async (url: string, init?: RequestInit) => {
      if (url === '/tumblebug/ns') return fakeResponse(200, { ns: [{ id: 'default', name: 'default' }] });
      if (url === '/tumblebug/ns/default/mci/web') {
        return fakeResponse(200, { ...MCIS, vm: [{ id: 'g1-1', name: 'g1-1', subGroupId: 'g1', status: 'Running' }] });
      }
      if (url.startsWith('/tumblebug/ns/default/control/mci/web') && init?.method === 'GET') {
        return fakeResponse(409, { message: 'mci web: a suspend is already in progress' });
      }
      return fakeResponse(404, { message: `unexpected ${url}` });
    });
    window.history.pushState(null, '', '/mcis/web');
    render(<App fetchImpl={fetchImpl as unknown as typeof fetch} />);
    const lifecycle = await screen.findByLabelText('MCIS lifecycle');
    fireEvent.click(within(lifecycle).getByRole('button', { name: 'Suspend' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Yes, suspend' }));
    expect((await screen.findByRole('alert')).textContent).toContain('mci web: a suspend is already in progress');
    expect(screen.getByRole('cell', { name: 'g1-1' })).toBeTruthy();
    expect((within(lifecycle).getByRole('button', { name: 'Resume' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

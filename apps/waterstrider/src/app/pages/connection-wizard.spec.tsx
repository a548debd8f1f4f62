import { fireEvent, render, screen, within } from '@testing-library/react';
import { fakeResponse } from '../../../test/fake-response';
import { SessionProvider } from '../session/session';
import { ConnectionsPage } from './connections';

/** spider and tumblebug as the wizard sees them; records what was posted. */
function platform() {
  const posted: Record<string, unknown> = {};
  const fetchImpl = jest.fn(async (url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      posted[url] = JSON.parse(String(init.body));
      return fakeResponse(200, posted[url]);
    }
    if (url === '/spider/cloudos') return fakeResponse(200, { cloudos: ['AWS', 'MOCK'] });
    if (url === '/spider/cloudos/metainfo/MOCK') {
      return fakeResponse(200, { Region: ['Region'], Credential: ['MockName'], CredentialCSP: [''] });
    }
    const lists: Record<string, object> = {
      '/spider/driver': { driver: [] },
      '/spider/credential': { credential: [] },
      '/spider/region': { region: [] },
      '/spider/connectionconfig': { connectionconfig: [] },
    };
    return lists[url] ? fakeResponse(200, lists[url]) : fakeResponse(404, { message: `unexpected ${url}` });
  });
  return { fetchImpl, posted };
}

beforeEach(() => {
  sessionStorage.clear();
  sessionStorage.setItem('cb.session', JSON.stringify({ username: 'default', password: 'default' }));
});

async function openWizard(fetchImpl: jest.Mock) {
  render(
    <SessionProvider fetchImpl={fetchImpl as unknown as typeof fetch}>
      <ConnectionsPage />
    </SessionProvider>,
  );
  const form = await screen.findByRole('form', { name: 'Register a connection' });
  await within(form).findByLabelText('MockName (secret)');
  return within(form);
}

describe('registering a connection', () => {
  it('sends the optional credential key/values with the required ones, and shows no secret afterwards', async () => {
    const { fetchImpl, posted } = platform();
    const form = await openWizard(fetchImpl);
    fireEvent.change(form.getByLabelText('Connection name'), { target: { value: 'mock-seoul' } });
    fireEvent.change(form.getByLabelText('MockName (secret)'), { target: { value: 'hidden-cloud' } });
    fireEvent.change(form.getByLabelText('Region'), { target: { value: 'ap-northeast-2' } });
    fireEvent.click(form.getByRole('button', { name: 'Add key/value' }));
    fireEvent.change(form.getByLabelText('Key 1'), { target: { value: 'Profile' } });
    fireEvent.change(form.getByLabelText('Value 1 (secret)'), { target: { value: 'aws' } });
    expect((form.getByLabelText('Value 1 (secret)') as HTMLInputElement).type).toBe('password');
    fireEvent.click(form.getByRole('button', { name: 'Register connection' }));

    await screen.findByText(/^Connection mock-seoul registered/);
    expect(posted['/spider/credential']).toEqual({
      CredentialName: 'mock-seoul-credential',
      ProviderName: 'MOCK',
      KeyValueInfoList: [
        { Key: 'MockName', Value: 'hidden-cloud' },
        { Key: 'Profile', Value: 'aws' },
      ],
    });
    expect(posted['/spider/region']).toMatchObject({ KeyValueInfoList: [{ Key: 'Region', Value: 'ap-northeast-2' }] });
    expect(form.queryByLabelText('Key 1')).toBeNull();
    expect(document.body.innerHTML).not.toContain('hidden-cloud');
  });

  it('names an empty or repeated optional key before calling spider', async () => {
    const { fetchImpl, posted } = platform();
    const form = await openWizard(fetchImpl);
    fireEvent.change(form.getByLabelText('Connection name'), { target: { value: 'mock-seoul' } });
    fireEvent.change(form.getByLabelText('MockName (secret)'), { target: { value: 'x' } });
    fireEvent.change(form.getByLabelText('Region'), { target: { value: 'mercury' } });
    fireEvent.click(form.getByRole('button', { name: 'Add key/value' }));
    fireEvent.click(form.getByRole('button', { name: 'Add key/value' }));
    fireEvent.change(form.getByLabelText('Key 2'), { target: { value: 'mockname' } });
    fireEvent.change(form.getByLabelText('Value 2 (secret)'), { target: { value: 'y' } });
    fireEvent.click(form.getByRole('button', { name: 'Register connection' }));

    const alert = await form.findByRole('alert');
    expect(alert.textContent).toBe("Fill in: key 1, value 1, key 2 ('mockname' is given twice).");
    expect(Object.keys(posted)).toEqual([]);

    fireEvent.click(form.getByRole('button', { name: 'Remove key 1' }));
    expect(form.getByLabelText('Key 1')).toHaveProperty('value', 'mockname');
  });
});

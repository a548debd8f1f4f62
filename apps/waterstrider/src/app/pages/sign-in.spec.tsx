import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeResponse } from '../../../test/fake-response';
import { App } from '../app';

function fetchAnswering(status: number, body: unknown) {
  return jest.fn(async () => fakeResponse(status, body));
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

describe('sign-in', () => {
  it('asks for both fields before calling the platform', async () => {
    const fetchImpl = fetchAnswering(200, {});
    render(<App fetchImpl={fetchImpl as unknown as typeof fetch} />);
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Enter both the user name and the password.');
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('shows a rejected sign-in in place and keeps the form usable', async () => {
    render(<App fetchImpl={fetchAnswering(401, { message: 'Unauthorized' }) as unknown as typeof fetch} />);
    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'default' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Sign-in rejected');
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(false);
    expect(sessionStorage.length).toBe(0);
  });

  it('keeps the credentials for the session only, never in localStorage', async () => {
    const fetchImpl = jest.fn(async (url: string) => {
      const body = url.startsWith('/tumblebug/ns') ? { ns: [{ id: 'default', name: 'default' }] } : { mci: [] };
      return fakeResponse(200, url.startsWith('/spider') ? { cloudos: ['MOCK'] } : body);
    });
    render(<App fetchImpl={fetchImpl as unknown as typeof fetch} />);
    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'default' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 's3cret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => screen.getByRole('navigation', { name: 'Main' }));
    expect(screen.getByLabelText('Namespace').tagName).toBe('SELECT');
    expect(sessionStorage.getItem('cb.session')).toContain('default');
    expect(JSON.stringify({ ...localStorage })).not.toContain('s3cret');
    expect(document.body.textContent).not.toContain('s3cret');
  });
});

import { useState, type FormEvent } from 'react';
import { ApiError, createRequest } from '../api/http';
import { useSession } from '../session/session';
import { ErrorMessage } from '../ui/feedback';

/** Signs in with the gateway's Basic credentials, checked by a real call before they are kept. */
export function SignIn() {
  const { signIn, fetchImpl } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username || !password) {
      setError(new ApiError(400, 'Enter both the user name and the password.'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await createRequest({ username, password }, fetchImpl)('GET', '/spider/cloudos');
      signIn({ username, password });
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-label="Sign in">
        <h1>Cloud-Barista console</h1>
        <label>
          User name
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

import type { ReactNode } from 'react';
import { ApiError } from '../api/http';
import { useOptionalSession } from '../session/session';
import type { AsyncState } from './use-async';

/**
 * An error in place. A 401 while signed in means the platform stopped accepting the session's credentials
 * (changed or revoked): retrying cannot help, signing in again can.
 */
export function ErrorMessage({ error, onRetry }: { error?: Error; onRetry?: () => void }) {
  const session = useOptionalSession();
  if (!error) return null;
  const signedOut = error instanceof ApiError && error.unauthorized && session?.credentials !== undefined;
  return (
    <div role="alert" className="error">
      <span>{signedOut ? 'The platform no longer accepts this sign-in (HTTP 401).' : error.message}</span>
      {signedOut ? (
        <button type="button" onClick={session.signOut}>
          Sign in again
        </button>
      ) : (
        onRetry && (
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        )
      )}
    </div>
  );
}

/** Loading, error (in place, with retry), empty and data states of one async view. */
export function AsyncView<T>(props: {
  state: AsyncState<T>;
  empty: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  const { state, empty, isEmpty, children } = props;
  const { data, error, loading, reload } = state;
  return (
    <div aria-busy={loading}>
      <ErrorMessage error={error} onRetry={reload} />
      {data === undefined ? (
        loading ? (
          <p className="muted" role="status">
            Loading…
          </p>
        ) : null
      ) : (isEmpty ?? ((value: T) => Array.isArray(value) && value.length === 0))(data) ? (
        <p className="muted empty">{empty}</p>
      ) : (
        children(data)
      )}
    </div>
  );
}

export function StatusBadge({ status, tone }: { status: string; tone: string }) {
  return <span className={`badge tone-${tone}`}>{status}</span>;
}

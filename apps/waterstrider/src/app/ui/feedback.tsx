import type { ReactNode } from 'react';
import type { AsyncState } from './use-async';

export function ErrorMessage({ error, onRetry }: { error?: Error; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <div role="alert" className="error">
      <span>{error.message}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
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

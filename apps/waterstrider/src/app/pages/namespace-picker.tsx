import { useState, type FormEvent } from 'react';
import { useApis, useSession } from '../session/session';
import { ConfirmButton } from '../ui/confirm-button';
import { ErrorMessage } from '../ui/feedback';
import { useAsync } from '../ui/use-async';

const NAME_RULE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Always visible: the namespace every page is scoped to, and creating or deleting one. */
export function NamespacePicker() {
  const { tumblebug } = useApis();
  const { namespace, setNamespace } = useSession();
  const list = useAsync(() => tumblebug.namespaces(), []);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<Error>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!NAME_RULE.test(newName)) {
      setError(new Error('A namespace name starts with a letter; then lowercase letters, digits or "-".'));
      return;
    }
    try {
      await tumblebug.createNamespace(newName, 'Made in the console');
      setNamespace(newName);
      setNewName('');
      setError(undefined);
      list.reload();
    } catch (caught) {
      setError(caught as Error);
    }
  };
  const remove = async () => {
    try {
      await tumblebug.deleteNamespace(namespace);
      setError(undefined);
      setNamespace('default');
      list.reload();
    } catch (caught) {
      setError(caught as Error);
    }
  };

  const ids = list.data?.map((ns) => ns.id) ?? [];
  if (!ids.includes(namespace)) ids.unshift(namespace);
  return (
    <div className="namespace">
      <label htmlFor="namespace-select" className="inline">
        Namespace
        <select id="namespace-select" value={namespace} onChange={(event) => setNamespace(event.target.value)}>
          {ids.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </label>
      <form onSubmit={create} className="inline">
        <label>
          <span className="sr-only">New namespace</span>
          <input
            value={newName}
            onChange={(event) => setNewName(event.target.value.trim())}
            placeholder="new namespace"
          />
        </label>
        <button type="submit">Create</button>
      </form>
      <ConfirmButton
        label="Delete"
        danger
        question={`Delete namespace ${namespace}? It must be empty.`}
        onConfirm={remove}
      />
      <ErrorMessage error={error ?? list.error} onRetry={error ? undefined : list.reload} />
    </div>
  );
}

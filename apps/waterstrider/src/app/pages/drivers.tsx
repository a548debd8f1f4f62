import { useState, type FormEvent } from 'react';
import { useApis } from '../session/session';
import { usePlatformEvents } from '../session/platform-events';
import { AsyncView, ErrorMessage } from '../ui/feedback';
import { useAsync } from '../ui/use-async';

/** The driver repository (hub): drivers, their versions and downloads; publishing a new release. */
export function DriversPage() {
  const { hub } = useApis();
  const drivers = useAsync(async () => {
    const list = await hub.drivers();
    return Promise.all(
      list.map(async (driver) => ({
        driver,
        versions: await hub.versions(driver.name ?? ''),
        stats: await hub.stats(driver.name ?? ''),
      })),
    );
  }, []);
  usePlatformEvents(['cb.hub.'], drivers.reload);
  return (
    <section aria-labelledby="drivers-title">
      <h2 id="drivers-title">Drivers</h2>
      <PublishForm onPublished={drivers.reload} />
      <AsyncView state={drivers} empty="No driver published yet.">
        {(rows) => (
          <table aria-label="Published drivers">
            <thead>
              <tr>
                <th>Driver</th>
                <th>Provider</th>
                <th>Latest</th>
                <th>Versions</th>
                <th>Downloads</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ driver, versions, stats }) => (
                <tr key={driver.name}>
                  <td>{driver.name}</td>
                  <td>{driver.provider}</td>
                  <td>{driver.latestVersion}</td>
                  <td>{versions.map((v) => `${v.version}${v.intact === false ? ' (damaged)' : ''}`).join(', ')}</td>
                  <td>{stats.total ?? 0}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </AsyncView>
    </section>
  );
}

function PublishForm({ onPublished }: { onPublished: () => void }) {
  const { hub } = useApis();
  const [manifest, setManifest] = useState('');
  const [file, setFile] = useState<File>();
  // A new key empties the file input (it holds its own value) once a release is published.
  const [fileInput, setFileInput] = useState(0);
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    let parsed;
    try {
      parsed = JSON.parse(manifest);
    } catch {
      setError(new Error('The manifest is not valid JSON.'));
      return;
    }
    if (!file) {
      setError(new Error('Choose the driver artifact (.mjs) to upload.'));
      return;
    }
    try {
      const release = await hub.publish(parsed, file);
      setError(undefined);
      setManifest('');
      setFile(undefined);
      setFileInput((n) => n + 1);
      setDone(`Published ${release.name} ${release.version}.`);
      onPublished();
    } catch (caught) {
      setError(caught as Error);
    }
  };
  return (
    <form onSubmit={submit} className="card" aria-label="Publish a driver">
      <h3>Publish a driver</h3>
      <label>
        Manifest (JSON)
        <textarea
          rows={4}
          value={manifest}
          onChange={(e) => setManifest(e.target.value)}
          placeholder='{"name":"mock","provider":"MOCK","version":"1.0.0","contractVersion":"1.0.0","capabilities":{}}'
        />
      </label>
      <label>
        Artifact
        <input key={fileInput} type="file" onChange={(e) => setFile(e.target.files?.[0])} />
      </label>
      <ErrorMessage error={error} />
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
      <button type="submit" className="primary">
        Publish
      </button>
    </form>
  );
}

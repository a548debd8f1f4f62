import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import type { SpiderApi } from '../api/spider';
import type { TumblebugApi } from '../api/tumblebug';
import { useApis } from '../session/session';
import { usePlatformEvents } from '../session/platform-events';
import { ConfirmButton } from '../ui/confirm-button';
import { AsyncView, ErrorMessage } from '../ui/feedback';
import { useAsync } from '../ui/use-async';

type Kind = 'driver' | 'credential' | 'region' | 'connectionconfig';

/** Drivers, credentials, regions and connection configs: everything a connection is made of. */
export function ConnectionsPage() {
  const { spider } = useApis();
  const state = useAsync(async () => {
    const [drivers, credentials, regions, connections, providers] = await Promise.all([
      spider.drivers(),
      spider.credentials(),
      spider.regions(),
      spider.connections(),
      spider.cloudOs(),
    ]);
    return { drivers, credentials, regions, connections, providers };
  }, []);
  usePlatformEvents(['cb.spider.connection'], state.reload);
  const [error, setError] = useState<Error>();
  const remove = (kind: Kind, name: string) => async () => {
    try {
      await spider.remove(kind, name);
      setError(undefined);
      state.reload();
    } catch (caught) {
      setError(caught as Error);
    }
  };
  const row = (kind: Kind, name: string, cells: string[]) => (
    <tr key={name}>
      <td>{name}</td>
      {cells.map((cell, index) => (
        <td key={index}>{cell}</td>
      ))}
      <td>
        <ConfirmButton label="Delete" danger question={`Delete ${kind} ${name}?`} onConfirm={remove(kind, name)} />
      </td>
    </tr>
  );

  return (
    <section aria-labelledby="connections-title">
      <h2 id="connections-title">Cloud connections</h2>
      <ErrorMessage error={error} />
      <AsyncView state={state} empty="" isEmpty={() => false}>
        {(data) => (
          <>
            <ConnectionWizard spider={spider} providers={data.providers} onDone={state.reload} names={data} />
            <h3>Connection configs</h3>
            {data.connections.length === 0 ? (
              <p className="muted empty">
                No connection yet: register a driver, a credential and a region, then connect them.
              </p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Provider</th>
                    <th>Driver</th>
                    <th>Credential</th>
                    <th>Region</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {data.connections.map((c) =>
                    row('connectionconfig', c.ConfigName, [
                      c.ProviderName,
                      c.DriverName,
                      c.CredentialName,
                      c.RegionName,
                    ]),
                  )}
                </tbody>
              </table>
            )}
            <div className="columns">
              <div>
                <h3>Drivers</h3>
                <table>
                  <tbody>
                    {data.drivers.map((d) => row('driver', d.DriverName, [d.ProviderName, d.DriverLibFileName]))}
                  </tbody>
                </table>
              </div>
              <div>
                <h3>Credentials</h3>
                <table>
                  <tbody>
                    {data.credentials.map((c) =>
                      row('credential', c.CredentialName, [
                        c.ProviderName,
                        `${c.KeyValueInfoList.length} keys (hidden)`,
                      ]),
                    )}
                  </tbody>
                </table>
              </div>
              <div>
                <h3>Regions</h3>
                <table>
                  <tbody>
                    {data.regions.map((r) =>
                      row('region', r.RegionName, [
                        r.ProviderName,
                        r.KeyValueInfoList.map((kv) => kv.Value).join(' / '),
                      ]),
                    )}
                  </tbody>
                </table>
              </div>
            </div>
          </>
        )}
      </AsyncView>
    </section>
  );
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

/**
 * Specs and images must be known to tumblebug before an MCIS can be placed on a connection. Tumblebug
 * learns of a new connection from spider's event, a moment later: a 404 until then is waited out.
 */
async function fetchCatalogWhenKnown(tumblebug: TumblebugApi, connectionName: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await tumblebug.fetchCatalog(connectionName);
      return;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404 || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

/**
 * One form for the four parts: the credential and region fields come from the provider's metadata.
 * Secret values are typed into password inputs, sent once and cleared; they are never shown again.
 */
function ConnectionWizard(props: {
  spider: SpiderApi;
  providers: string[];
  names: { drivers: Array<{ DriverName: string }> };
  onDone: () => void;
}) {
  const { spider } = props;
  const { tumblebug } = useApis();
  const [provider, setProvider] = useState(props.providers.includes('MOCK') ? 'MOCK' : (props.providers[0] ?? ''));
  const meta = useAsync(() => spider.metaInfo(provider), [provider]);
  const [name, setName] = useState('');
  const [driverLib, setDriverLib] = useState('mock-driver-v1.0.so');
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [region, setRegion] = useState<Record<string, string>>({});
  const [error, setError] = useState<Error>();
  const [done, setDone] = useState('');
  const credentialKeys = (meta.data?.Credential ?? []).filter(Boolean);
  const regionKeys = (meta.data?.Region ?? []).filter(Boolean);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    const missing = [
      ...(!NAME.test(name) ? ['connection name (letters, digits, . _ -)'] : []),
      ...(!driverLib ? ['driver library file'] : []),
      ...credentialKeys.filter((key) => !secrets[key]),
      ...regionKeys.filter((key) => !region[key]),
    ];
    if (missing.length) {
      setError(new Error(`Fill in: ${missing.join(', ')}.`));
      return;
    }
    try {
      const driverName = `${provider.toLowerCase()}-driver`;
      if (!props.names.drivers.some((d) => d.DriverName === driverName)) {
        await spider.createDriver({ DriverName: driverName, ProviderName: provider, DriverLibFileName: driverLib });
      }
      await spider.createCredential({
        CredentialName: `${name}-credential`,
        ProviderName: provider,
        KeyValueInfoList: credentialKeys.map((key) => ({ Key: key, Value: secrets[key]! })),
      });
      await spider.createRegion({
        RegionName: `${name}-region`,
        ProviderName: provider,
        KeyValueInfoList: regionKeys.map((key) => ({ Key: key, Value: region[key]! })),
      });
      await spider.createConnection({
        ConfigName: name,
        ProviderName: provider,
        DriverName: driverName,
        CredentialName: `${name}-credential`,
        RegionName: `${name}-region`,
      });
      setSecrets({});
      setError(undefined);
      setName('');
      props.onDone();
      setDone(`Connection ${name} registered. Loading its specs and images…`);
      await fetchCatalogWhenKnown(tumblebug, name);
      setDone(`Connection ${name} registered.`);
    } catch (caught) {
      setError(caught as Error);
    }
  };

  return (
    <form onSubmit={submit} aria-label="Register a connection" className="card">
      <h3>Register a connection</h3>
      <div className="grid">
        <label>
          Provider
          <select value={provider} onChange={(e) => setProvider(e.target.value)}>
            {props.providers.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Connection name
          <input name="connectionName" value={name} onChange={(e) => setName(e.target.value.trim())} />
        </label>
        <label>
          Driver library file
          <input name="driverLib" value={driverLib} onChange={(e) => setDriverLib(e.target.value.trim())} />
        </label>
        {credentialKeys.map((key) => (
          <label key={key}>
            {key} (secret)
            <input
              type="password"
              autoComplete="off"
              name={`credential-${key}`}
              value={secrets[key] ?? ''}
              onChange={(e) => setSecrets({ ...secrets, [key]: e.target.value })}
            />
          </label>
        ))}
        {regionKeys.map((key) => (
          <label key={key}>
            {key}
            <input
              name={`region-${key}`}
              value={region[key] ?? ''}
              onChange={(e) => setRegion({ ...region, [key]: e.target.value.trim() })}
            />
          </label>
        ))}
      </div>
      <ErrorMessage error={error ?? meta.error} />
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
      <button type="submit" className="primary">
        Register connection
      </button>
    </form>
  );
}

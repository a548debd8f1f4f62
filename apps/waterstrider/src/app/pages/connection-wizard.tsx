import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http';
import type { SpiderApi } from '../api/spider';
import type { TumblebugApi } from '../api/tumblebug';
import { useApis } from '../session/session';
import { ErrorMessage } from '../ui/feedback';
import { useAsync } from '../ui/use-async';
import { ExtraKeyValues, problemsOf, type KeyValueRow } from './extra-key-values';

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
 * One form for the four parts: the credential and region fields come from the provider's metadata, and
 * optional credential keys (e.g. the mock cloud's Profile) can be added. Secret values are typed into
 * password inputs, sent once and cleared; they are never shown again.
 */
export function ConnectionWizard(props: {
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
  const [extras, setExtras] = useState<KeyValueRow[]>([]);
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
      ...problemsOf(extras, credentialKeys),
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
        KeyValueInfoList: [
          ...credentialKeys.map((key) => ({ Key: key, Value: secrets[key]! })),
          ...extras.map((row) => ({ Key: row.key, Value: row.value })),
        ],
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
      setExtras([]);
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
      <ExtraKeyValues rows={extras} onChange={setExtras} provider={provider} />
      <ErrorMessage error={error ?? meta.error} onRetry={error ? undefined : meta.reload} />
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

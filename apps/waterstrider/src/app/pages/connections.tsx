import { useState } from 'react';
import { useApis } from '../session/session';
import { usePlatformEvents } from '../session/platform-events';
import { ConfirmButton } from '../ui/confirm-button';
import { AsyncView, ErrorMessage } from '../ui/feedback';
import { useAsync } from '../ui/use-async';
import { ConnectionWizard } from './connection-wizard';

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

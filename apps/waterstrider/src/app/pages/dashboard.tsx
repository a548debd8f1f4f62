import type { MciInfo } from '../api/tumblebug';
import { countBy, statusTone, statusWord } from '../domain/status';
import { WorldMap } from '../map/world-map';
import { useSession } from '../session/session';
import { AsyncView, StatusBadge } from '../ui/feedback';
import { useMcisList } from './use-mcis-list';

function Counts({ title, rows }: { title: string; rows: Array<[string, number]> }) {
  return (
    <div className="card counts">
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">none</p>
      ) : (
        <dl>
          {rows.map(([key, count]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{count}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** All infrastructure of the namespace at a glance: counts by status, provider, region, and the map. */
export function DashboardPage() {
  const { namespace } = useSession();
  const list = useMcisList();
  return (
    <section aria-labelledby="dashboard-title">
      <h2 id="dashboard-title">Dashboard — {namespace}</h2>
      <AsyncView state={list} empty="" isEmpty={() => false}>
        {(mcisList: MciInfo[]) => {
          const vms = mcisList.flatMap((m) => m.vm ?? []);
          return (
            <>
              <div className="cards">
                <Counts
                  title={`MCIS (${mcisList.length}) by status`}
                  rows={countBy(mcisList, (m) => statusWord(m.status))}
                />
                <Counts title={`VMs (${vms.length}) by status`} rows={countBy(vms, (v) => v.status)} />
                <Counts
                  title="VMs by provider"
                  rows={countBy(vms, (v) => v.connectionConfig?.providerName ?? 'unknown')}
                />
                <Counts
                  title="VMs by region"
                  rows={countBy(vms, (v) => v.region?.region ?? v.connectionConfig?.regionName ?? 'unknown')}
                />
              </div>
              <WorldMap mcisList={mcisList} />
              {mcisList.length === 0 && (
                <p className="muted empty">No MCIS in {namespace} yet: create one from the MCIS page.</p>
              )}
              <p className="legend-row">
                {['Running', 'Partial', 'Creating', 'Suspended', 'Failed', 'Terminated'].map((s) => (
                  <StatusBadge key={s} status={s} tone={statusTone(s)} />
                ))}
              </p>
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}

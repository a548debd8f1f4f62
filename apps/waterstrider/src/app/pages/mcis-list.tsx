import { statusTone } from '../domain/status';
import { Link } from '../ui/router';
import { AsyncView, StatusBadge } from '../ui/feedback';
import { useMcisList } from './use-mcis-list';
import { useSpecCosts } from './use-spec-costs';

export function McisListPage() {
  const list = useMcisList();
  const costs = useSpecCosts(list.data);
  return (
    <section aria-labelledby="mcis-title">
      <div className="heading">
        <h2 id="mcis-title">MCIS</h2>
        <Link to="/mcis/new" className="button primary">
          Create MCIS
        </Link>
      </div>
      <AsyncView state={list} empty="No MCIS in this namespace yet.">
        {(mcisList) => (
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th>VMs</th>
                <th>Providers</th>
                <th>$/hour</th>
              </tr>
            </thead>
            <tbody>
              {mcisList.map((m) => {
                const vms = m.vm ?? [];
                const priced = vms.filter((vm) => costs.has(vm.specId ?? ''));
                const cost = priced.reduce((sum, vm) => sum + costs.get(vm.specId!)!, 0);
                return (
                  <tr key={m.id}>
                    <td>
                      <Link to={`/mcis/${encodeURIComponent(m.id)}`}>{m.name || m.id}</Link>
                    </td>
                    <td>
                      <StatusBadge status={m.status} tone={statusTone(m.status)} />
                    </td>
                    <td>{vms.length}</td>
                    <td>
                      {[...new Set(vms.map((vm) => vm.connectionConfig?.providerName ?? ''))]
                        .filter(Boolean)
                        .join(', ')}
                    </td>
                    <td>
                      {priced.length === 0
                        ? 'unknown'
                        : `$${cost.toFixed(4)}${priced.length < vms.length ? ' (some VMs unpriced)' : ''}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </AsyncView>
    </section>
  );
}

import type { MciInfo } from '../api/tumblebug';
import { useApis, useSession } from '../session/session';
import { useAsync } from '../ui/use-async';

/**
 * $/hour per spec id of the listed VMs. A VM carries its spec's cost when tumblebug includes the spec (upstream's
 * `vm.spec.costPerHour`); otherwise the spec is looked up once per id. Unknown costs (-1, or a spec that is gone)
 * are left out.
 */
export function useSpecCosts(mcisList: MciInfo[] | undefined): Map<string, number> {
  const { tumblebug } = useApis();
  const { namespace } = useSession();
  const vms = (mcisList ?? []).flatMap((m) => m.vm ?? []);
  const known = new Map<string, number>();
  for (const vm of vms) {
    if (vm.specId && vm.spec?.costPerHour !== undefined && vm.spec.costPerHour > 0) {
      known.set(vm.specId, vm.spec.costPerHour);
    }
  }
  const missing = [...new Set(vms.map((vm) => vm.specId ?? ''))].filter((id) => id && !known.has(id)).sort();
  const looked = useAsync(async () => {
    const found = await Promise.all(missing.map((specId) => tumblebug.spec(namespace, specId).catch(() => undefined)));
    return new Map(missing.map((specId, i) => [specId, found[i]?.costPerHour ?? -1]));
  }, [namespace, missing.join('|')]);
  for (const [specId, cost] of looked.data ?? []) if (cost > 0) known.set(specId, cost);
  return known;
}

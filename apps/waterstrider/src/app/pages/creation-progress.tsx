import { statusTone } from '../domain/status';
import { usePlatformEvents } from '../session/platform-events';
import { useApis, useSession } from '../session/session';
import { StatusBadge } from '../ui/feedback';
import { useAsync } from '../ui/use-async';

/**
 * While tumblebug creates an MCIS (the create call answers when it is done), its state so far: read when the
 * platform announces a change to an MCIS or VM, not by polling. Before tumblebug has stored the MCIS there is
 * nothing to read yet, which is shown as preparing.
 */
export function CreationProgress({ mcisName }: { mcisName: string }) {
  const { tumblebug } = useApis();
  const { namespace } = useSession();
  const state = useAsync(() => tumblebug.mcis(namespace, mcisName).catch(() => undefined), [namespace, mcisName]);
  usePlatformEvents(['cb.tumblebug.', 'cb.spider.vm.'], state.reload, 300);
  const vms = state.data?.vm ?? [];
  const running = vms.filter((vm) => statusTone(vm.status) === 'running').length;
  return (
    <div role="status" className="progress card" aria-label="Creation progress">
      <p>
        <progress value={vms.length ? running : undefined} max={vms.length || undefined} /> Creating MCIS {mcisName}
        {state.data ? (
          <>
            {' '}
            <StatusBadge status={state.data.status} tone={statusTone(state.data.status)} /> {running} of {vms.length}{' '}
            VM(s) running
          </>
        ) : (
          ': preparing its resources and VMs…'
        )}
      </p>
      {vms.length > 0 && (
        <ul className="vm-progress">
          {vms.map((vm) => (
            <li key={vm.id}>
              {vm.id} <StatusBadge status={vm.status} tone={statusTone(vm.status)} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

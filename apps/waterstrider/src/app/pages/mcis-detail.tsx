import { useState } from 'react';
import type { McisAction } from '../api/tumblebug';
import { statusTone } from '../domain/status';
import { useApis, useSession } from '../session/session';
import { usePlatformEvents } from '../session/platform-events';
import { ConfirmButton } from '../ui/confirm-button';
import { AsyncView, ErrorMessage, StatusBadge } from '../ui/feedback';
import { navigate } from '../ui/router';
import { useAsync } from '../ui/use-async';

const ACTIONS: McisAction[] = ['suspend', 'resume', 'reboot', 'terminate'];
const title = (action: string) => action[0]!.toUpperCase() + action.slice(1);

/** One MCIS: its subGroups and VMs, lifecycle for the whole and for each VM, scale out, delete. */
export function McisDetailPage({ mcisId }: { mcisId: string }) {
  const { tumblebug } = useApis();
  const { namespace } = useSession();
  const state = useAsync(() => tumblebug.mcis(namespace, mcisId), [namespace, mcisId]);
  usePlatformEvents(['cb.tumblebug.', 'cb.spider.vm.'], state.reload);
  const [error, setError] = useState<Error>();
  const [message, setMessage] = useState('');
  const [scale, setScale] = useState(1);
  const run = (work: () => Promise<{ message?: string } | unknown>) => async () => {
    try {
      const answer = (await work()) as { message?: string } | undefined;
      setError(undefined);
      setMessage(answer?.message ?? 'Done.');
      state.reload();
    } catch (caught) {
      setError(caught as Error);
    }
  };
  const remove = async () => {
    try {
      await tumblebug.remove(namespace, mcisId);
      navigate('/mcis');
    } catch (caught) {
      setError(caught as Error);
    }
  };

  return (
    <section aria-labelledby="detail-title">
      <h2 id="detail-title">MCIS {mcisId}</h2>
      <ErrorMessage error={error} />
      {message && (
        <p role="status" className="ok">
          {message}
        </p>
      )}
      <AsyncView state={state} empty="" isEmpty={() => false}>
        {(mcis) => {
          const subGroups = [...new Set((mcis.vm ?? []).map((vm) => vm.subGroupId ?? ''))].filter(Boolean);
          return (
            <>
              <p>
                Status <StatusBadge status={mcis.status} tone={statusTone(mcis.status)} />
                {mcis.targetAction && mcis.targetAction !== 'None' && (
                  <span className="muted"> ({mcis.targetAction} in progress)</span>
                )}
              </p>
              <div className="toolbar" aria-label="MCIS lifecycle">
                {ACTIONS.map((action) => (
                  <ConfirmButton
                    key={action}
                    label={title(action)}
                    danger={action === 'terminate'}
                    question={`${title(action)} every VM of ${mcis.id}?`}
                    onConfirm={run(() => tumblebug.control(namespace, mcis.id, action))}
                  />
                ))}
                <ConfirmButton label="Delete" danger question={`Terminate and delete ${mcis.id}?`} onConfirm={remove} />
              </div>
              {subGroups.map((subGroup) => (
                <div key={subGroup} className="card">
                  <div className="heading">
                    <h3>SubGroup {subGroup}</h3>
                    <label className="inline">
                      VMs to add
                      <input
                        type="number"
                        min={1}
                        max={100}
                        value={scale}
                        onChange={(e) => setScale(Math.max(1, Number(e.target.value)))}
                      />
                    </label>
                    <ConfirmButton
                      label="Scale out"
                      question={`Add ${scale} VM(s) to ${subGroup}?`}
                      onConfirm={run(() => tumblebug.scaleOut(namespace, mcis.id, subGroup, scale))}
                    />
                  </div>
                  <div className="scroll">
                    <table>
                      <thead>
                        <tr>
                          <th>VM</th>
                          <th>Status</th>
                          <th>Public IP</th>
                          <th>Private IP</th>
                          <th>Spec</th>
                          <th>Image</th>
                          <th>Provider</th>
                          <th>Region</th>
                          <th>Actions</th>
                        </tr>
                      </thead>
                      <tbody>
                        {(mcis.vm ?? [])
                          .filter((vm) => vm.subGroupId === subGroup)
                          .map((vm) => (
                            <tr key={vm.id}>
                              <td>{vm.id}</td>
                              <td>
                                <StatusBadge status={vm.status} tone={statusTone(vm.status)} />
                              </td>
                              <td>{vm.publicIP}</td>
                              <td>{vm.privateIP}</td>
                              <td>{vm.cspSpecName ?? vm.specId}</td>
                              <td>{vm.cspImageName ?? vm.imageId}</td>
                              <td>{vm.connectionConfig?.providerName}</td>
                              <td>{vm.region?.region}</td>
                              <td className="actions">
                                {ACTIONS.map((action) => (
                                  <ConfirmButton
                                    key={action}
                                    label={title(action)}
                                    danger={action === 'terminate'}
                                    question={`${title(action)} VM ${vm.id}?`}
                                    onConfirm={run(() => tumblebug.controlVm(namespace, mcis.id, vm.id, action))}
                                  />
                                ))}
                              </td>
                            </tr>
                          ))}
                      </tbody>
                    </table>
                  </div>
                </div>
              ))}
            </>
          );
        }}
      </AsyncView>
    </section>
  );
}

import { useApis, useSession } from '../session/session';
import { usePlatformEvents } from '../session/platform-events';
import { useAsync } from '../ui/use-async';

/** The namespace's MCIS list, refreshed by the platform's MCIS and VM events rather than by polling. */
export function useMcisList() {
  const { tumblebug } = useApis();
  const { namespace } = useSession();
  const state = useAsync(() => tumblebug.mcisList(namespace), [namespace]);
  usePlatformEvents(['cb.tumblebug.', 'cb.spider.vm.'], state.reload);
  return state;
}

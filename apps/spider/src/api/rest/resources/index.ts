import { Router } from 'express';
import type { ManagedKind } from '../../../domain/resources/managed-kind';
import { managedKinds } from '../../../domain/resources/managed-kinds';
import { ResourceRuntime } from '../../../domain/resources/resource-runtime';
import { VmService } from '../../../domain/resources/vm';
import { VmEvents } from '../../../domain/resources/vm-events';
import { IidStore } from '../../../store/resources';
import { driverCallsOf } from '../app-calls';
import { PreconfigRuntime } from '../../../domain/resources/preconfig';
import { SecretBox } from '@cb/secrets';
import { connectionEventsOutbox } from '../../../events';
import { TypeOrmConnectionInfoStore } from '../../../store/cim';
import { catalogRoutes } from './catalog.routes';
import { clusterRoutes } from './cluster.routes';
import { nlbRoutes } from './nlb.routes';
import { storageRoutes } from './storage.routes';
import { tagRoutes } from './tag.routes';
import type { SpiderRestDeps } from '../app-deps';
import { callHistoryRoutes } from './call-history.routes';
import { computeRoutes } from './compute.routes';
import { managementRoutes } from './management.routes';
import { networkRoutes } from './network.routes';
import { cloudLookupRoutes } from './cloud-lookup.routes';
import { subnetManagementRoutes } from './subnet-management.routes';
import { describeResourceApi } from './resource-openapi';

/** The resources router; `close()` writes the call history still queued (call it before the database closes). */
export type ResourceRouter = Router & { close(): Promise<void> };

/** spider's cloud-resource REST (mounted under /spider): every driver call goes through one gateway. */
export function createResourceRouter(deps: SpiderRestDeps): ResourceRouter {
  const { history, recorder, gateway } = driverCallsOf(deps);
  const iids = new IidStore(deps.dataSource);
  const runtime = new ResourceRuntime(deps.resolver, gateway, iids);
  // Preconfig reads a driver and a credential without a connection config, from the CIM store.
  const cim = new TypeOrmConnectionInfoStore(
    deps.dataSource,
    new SecretBox(deps.config.secretKey),
    connectionEventsOutbox,
  );
  const preconfig = new PreconfigRuntime(cim, deps.drivers, gateway, iids);
  const vms = new VmService(new VmEvents());
  const kinds = managedKinds(vms);

  const router = Router() as ResourceRouter;
  router.use(callHistoryRoutes(history, recorder));
  router.use(networkRoutes(runtime));
  router.use(computeRoutes(runtime, vms));
  router.use(catalogRoutes(runtime, preconfig));
  router.use(storageRoutes(runtime));
  router.use(nlbRoutes(runtime));
  router.use(clusterRoutes(runtime));
  router.use(tagRoutes(runtime));
  router.use(managementRoutes(runtime, kinds as unknown as Record<string, ManagedKind<{ IId: never }>>));
  router.use(subnetManagementRoutes(runtime));
  router.use(cloudLookupRoutes(runtime, kinds.vm));
  if (deps.openapi) describeResourceApi(deps.openapi, router);
  router.close = () => recorder.flush();
  return router;
}

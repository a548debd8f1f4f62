import { parseBody } from '@cb/http';
import { Router, type Request } from 'express';
import { getCloudOsMetaInfo, listCloudOs } from '../../domain/cim/cloud-os';
import type { ConnectionInfoService } from '../../domain/cim/connection-info-service';
import { connectionConfigBody, credentialBody, driverBody, regionBody } from './cim-schemas';

/**
 * Upstream's CIM routes (spider.md §2.1): cloud OS metadata and register / list / get / delete of
 * drivers, credentials, regions and connection configs, in upstream's wire shapes.
 */
export function createCimRouter(cim: ConnectionInfoService): Router {
  const router = Router();
  // Deleting a missing name answers success, as upstream: a DELETE is idempotent.
  const deleted = { Result: 'true' };

  router.get('/cloudos', (_req, res) => {
    res.json({ cloudos: listCloudOs() });
  });
  router.get('/cloudos/metainfo/:CloudOSName', (req, res) => {
    res.json(getCloudOsMetaInfo(req.params.CloudOSName));
  });

  router.post('/driver', async (req, res) => {
    res.json(await cim.registerDriver(parseBody(req, driverBody)));
  });
  router.get('/driver', async (req, res) => {
    res.json({ driver: await cim.listDrivers(providerFilter(req)) });
  });
  router.get('/driver/:DriverName', async (req, res) => {
    res.json(await cim.getDriver(req.params.DriverName));
  });
  router.delete('/driver/:DriverName', async (req, res) => {
    await cim.deleteDriver(req.params.DriverName);
    res.json(deleted);
  });

  router.post('/credential', async (req, res) => {
    res.json(await cim.registerCredential(parseBody(req, credentialBody)));
  });
  router.get('/credential', async (req, res) => {
    res.json({ credential: await cim.listCredentials(providerFilter(req)) });
  });
  router.get('/credential/:CredentialName', async (req, res) => {
    res.json(await cim.getCredential(req.params.CredentialName));
  });
  router.delete('/credential/:CredentialName', async (req, res) => {
    await cim.deleteCredential(req.params.CredentialName);
    res.json(deleted);
  });

  router.post('/region', async (req, res) => {
    res.json(await cim.registerRegion(parseBody(req, regionBody)));
  });
  router.get('/region', async (req, res) => {
    res.json({ region: await cim.listRegions(providerFilter(req)) });
  });
  router.get('/region/:RegionName', async (req, res) => {
    res.json(await cim.getRegion(req.params.RegionName));
  });
  router.delete('/region/:RegionName', async (req, res) => {
    await cim.deleteRegion(req.params.RegionName);
    res.json(deleted);
  });

  router.post('/connectionconfig', async (req, res) => {
    res.json(await cim.registerConnectionConfig(parseBody(req, connectionConfigBody)));
  });
  router.get('/connectionconfig', async (req, res) => {
    res.json({ connectionconfig: await cim.listConnectionConfigs(providerFilter(req)) });
  });
  router.get('/connectionconfig/:ConfigName', async (req, res) => {
    res.json(await cim.getConnectionConfig(req.params.ConfigName));
  });
  router.delete('/connectionconfig/:ConfigName', async (req, res) => {
    await cim.deleteConnectionConfig(req.params.ConfigName);
    res.json(deleted);
  });

  router.get('/countconnectionconfig', async (_req, res) => {
    res.json({ count: await cim.countConnectionConfigs() });
  });
  router.get('/countconnectionconfig/:ProviderName', async (req, res) => {
    res.json({ count: await cim.countConnectionConfigs(req.params.ProviderName) });
  });
  return router;
}

/** Upstream's list filter: `?provider=` or `?ProviderName=`. */
function providerFilter(req: Request): string | undefined {
  const value = req.query.provider ?? req.query.ProviderName;
  return typeof value === 'string' ? value : undefined;
}

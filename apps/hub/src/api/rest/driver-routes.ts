import { Router } from 'express';
import type { ArtifactDownloads } from '../../domain/artifact-downloads';
import type { DriverCatalog } from '../../domain/driver-catalog';
import { checkDriverName, checkVersion, parseManifest } from '../../domain/manifest';
import type { DownloadLog } from '../../domain/ports';
import { publishRelease } from '../../domain/publish-release';
import type { ReleaseStore } from '../../domain/ports';
import type { BlobStore } from '../../storage/blob-store';
import { type PublisherCredentials, requirePublisher, whoIs } from './auth';
import { sendArtifact } from './send-artifact';
import { readUpload } from './upload';
import { toDownloadJson, toDriverJson, toReleaseJson } from './wire';

export interface DriverRoutesDeps {
  store: ReleaseStore;
  blobs: BlobStore;
  catalog: DriverCatalog;
  downloads: ArtifactDownloads;
  downloadLog: DownloadLog;
  publisher: PublisherCredentials;
  maxArtifactBytes: number;
}

const nameOf = (params: Record<string, string | string[]>) => checkDriverName(String(params.name), 'name');
const versionOf = (params: Record<string, string | string[]>) => checkVersion(String(params.version), 'version');

/** /hub/drivers and /hub/stats: HTTP in, domain call, HTTP out. */
export function createDriverRouter(deps: DriverRoutesDeps): Router {
  const router = Router();
  const publisherOnly = requirePublisher(deps.publisher);

  router.post('/drivers', publisherOnly, async (req, res) => {
    const upload = await readUpload(req, deps.blobs, deps.maxArtifactBytes);
    let manifest;
    try {
      manifest = parseManifest(upload.manifestText);
    } catch (error) {
      await upload.artifact.discard();
      throw error;
    }
    const { release, created } = await publishRelease(deps.store, deps.blobs, {
      manifest,
      artifact: upload.artifact,
      publishedBy: res.locals.publisher as string,
    });
    res.status(created ? 201 : 200).json(toReleaseJson(release));
  });

  router.get('/drivers', async (_req, res) => {
    res.json({ drivers: (await deps.catalog.listDrivers()).map(toDriverJson) });
  });

  router.get('/drivers/:name', async (req, res) => {
    const { driver, versions } = await deps.catalog.getDriver(nameOf(req.params));
    res.json({ ...toDriverJson(driver), versions: versions.map(toReleaseJson) });
  });

  router.get('/drivers/:name/versions', async (req, res) => {
    const versions = await deps.catalog.listVersions(nameOf(req.params));
    res.json({ versions: versions.map(toReleaseJson) });
  });

  router.get('/drivers/:name/versions/:version', async (req, res) => {
    const release = await deps.downloads.resolve(nameOf(req.params), req.params.version);
    res.json(toReleaseJson(release));
  });

  router.get('/drivers/:name/versions/:version/artifact', async (req, res) => {
    const release = await deps.downloads.resolve(nameOf(req.params), req.params.version);
    const who = {
      who: whoIs(req, deps.publisher),
      client: req.get('user-agent') ?? 'unknown',
      channel: 'rest' as const,
    };
    await sendArtifact(req, res, release, () => deps.downloads.open(release, who));
  });

  router.delete('/drivers/:name/versions/:version', publisherOnly, async (req, res) => {
    const deleted = await deps.catalog.deleteVersion(nameOf(req.params), versionOf(req.params));
    res.json({ deleted: [toReleaseJson(deleted)] });
  });

  router.delete('/drivers/:name', publisherOnly, async (req, res) => {
    const deleted = await deps.catalog.deleteDriver(nameOf(req.params));
    res.json({ deleted: deleted.map(toReleaseJson) });
  });

  router.get('/drivers/:name/stats', async (req, res) => {
    const name = nameOf(req.params);
    res.json({ name, ...(await deps.downloadLog.stats(name)) });
  });

  router.get('/drivers/:name/downloads', async (req, res) => {
    const limit = Math.min(Math.max(Number(req.query.limit ?? 100) || 100, 1), 1000);
    const entries = await deps.downloadLog.recent(nameOf(req.params), limit);
    res.json({ downloads: entries.map(toDownloadJson) });
  });

  router.get('/stats', async (_req, res) => {
    res.json(await deps.downloadLog.stats());
  });

  return router;
}

import { Router, type Request } from 'express';
import { disks } from '../../../domain/resources/disk';
import { myImages } from '../../../domain/resources/my-image';
import type { ResourceRuntime } from '../../../domain/resources/resource-runtime';
import { connectionNameOf, forceOf, idTransformOf, reqInfoOf } from './request';
import { diskSchema, diskSizeSchema, diskVmSchema, myImageSchema } from './workload-schemas';

const RESULT_TRUE = { Result: 'true' }; // upstream's Result is the string "true"

/** Disk and my-image routes (upstream's paths and shapes; the my-image list key is `myImage`). */
export function storageRoutes(runtime: ResourceRuntime): Router {
  const router = Router();
  const scopeOf = (req: Request) => runtime.scope(connectionNameOf(req));

  router.post('/disk', async (req, res) => {
    const scope = await scopeOf(req);
    res.json(await disks.create(scope, reqInfoOf(req, diskSchema, 'DiskReqInfo'), idTransformOf(req)));
  });
  router.get('/disk', async (req, res) => {
    res.json({ disk: await disks.list(await scopeOf(req)) });
  });
  router.get('/disk/:Name', async (req, res) => {
    res.json(await disks.get(await scopeOf(req), req.params.Name));
  });
  router.delete('/disk/:Name', async (req, res) => {
    await disks.delete(await scopeOf(req), req.params.Name, forceOf(req));
    res.json(RESULT_TRUE);
  });
  router.put('/disk/:Name/size', async (req, res) => {
    const scope = await scopeOf(req);
    const { Size } = reqInfoOf(req, diskSizeSchema, 'DiskSizeReqInfo');
    res.json({ Result: String(await disks.changeSize(scope, req.params.Name, Size)) });
  });
  router.put('/disk/:Name/attach', async (req, res) => {
    const scope = await scopeOf(req);
    const { VMName } = reqInfoOf(req, diskVmSchema, 'DiskAttachReqInfo');
    res.json(await disks.attach(scope, req.params.Name, VMName));
  });
  router.put('/disk/:Name/detach', async (req, res) => {
    const scope = await scopeOf(req);
    const { VMName } = reqInfoOf(req, diskVmSchema, 'DiskDetachReqInfo');
    res.json({ Result: String(await disks.detach(scope, req.params.Name, VMName)) });
  });

  router.post('/myimage', async (req, res) => {
    const scope = await scopeOf(req);
    res.json(await myImages.create(scope, reqInfoOf(req, myImageSchema, 'MyImageReqInfo'), idTransformOf(req)));
  });
  router.get('/myimage', async (req, res) => {
    res.json({ myImage: await myImages.list(await scopeOf(req)) });
  });
  router.get('/myimage/:Name', async (req, res) => {
    res.json(await myImages.get(await scopeOf(req), req.params.Name));
  });
  router.delete('/myimage/:Name', async (req, res) => {
    await myImages.delete(await scopeOf(req), req.params.Name, forceOf(req));
    res.json(RESULT_TRUE);
  });
  return router;
}

import { startResourceSpider, type ResourceSpider, sgRequest, vmRequest, vpcRequest } from './resources-helpers';

const C = 'sto-conn';

/** Disks (create, size, attach/detach, delete) and my-images (VM snapshots), with upstream's shapes and texts. */
describe('spider resources: disks and my-images', () => {
  let rs: ResourceSpider;
  const post = (path: string, ReqInfo: unknown) => rs.call('POST', path, { ConnectionName: C, ReqInfo });
  const put = (path: string, ReqInfo: unknown) => rs.call('PUT', path, { ConnectionName: C, ReqInfo });

  beforeAll(async () => {
    rs = await startResourceSpider();
    await rs.connect(C);
    await post('/vpc', vpcRequest());
    await post('/securitygroup', sgRequest());
    await post('/keypair', { Name: 'keypair-01' });
    const vm = await post('/vm', vmRequest('vm-01'));
    if (vm.status !== 200) throw new Error(JSON.stringify(vm.body));
  });
  afterAll(async () => {
    await rs?.stop();
  });

  it('creates a disk with the cloud’s defaults, lists and gets it by the user’s name', async () => {
    const created = await post('/disk', { Name: 'disk-01', DiskType: 'default', DiskSize: 'default' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ DiskType: 'SSD', DiskSize: '512', Status: 'Available' });
    expect(created.body.IId.NameId).toBe('disk-01');
    expect(created.body.IId.SystemId).toMatch(/^disk-01-[0-9a-v]{20}$/);
    expect(created.body.CreatedTime).toEqual(expect.any(String));
    const list = await rs.call('GET', `/disk?ConnectionName=${C}`);
    expect(list.body.disk.map((d: { IId: { NameId: string } }) => d.IId.NameId)).toEqual(['disk-01']);
    expect((await rs.call('GET', '/disk/disk-01', { ConnectionName: C })).body.IId).toEqual(created.body.IId);
  });

  it('refuses a duplicate (409) and an unknown disk (404) with upstream texts', async () => {
    const dup = await post('/disk', { Name: 'disk-01' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe(`Disk 'disk-01' already exists in connection '${C}'`);
    const unknown = await rs.call('GET', `/disk/nope?ConnectionName=${C}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe(`Disk 'nope' does not exist in connection '${C}'`);
    expect((await rs.rows('disk_iid_infos', C)).map((r) => r.name_id)).toEqual(['disk-01']);
  });

  it('grows a disk and refuses a bad size without touching it', async () => {
    expect((await put('/disk/disk-01/size', { Size: '1024' })).body).toEqual({ Result: 'true' });
    expect((await rs.call('GET', `/disk/disk-01?ConnectionName=${C}`)).body.DiskSize).toBe('1024');
    const bad = await put('/disk/disk-01/size', { Size: 'big' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^ReqInfo\.Size/);
    const shrink = await put('/disk/disk-01/size', { Size: '10' });
    expect(shrink.status).toBe(400);
    expect((await rs.call('GET', `/disk/disk-01?ConnectionName=${C}`)).body.DiskSize).toBe('1024');
  });

  it('attaches a disk to a VM, refuses to delete it while attached, detaches it', async () => {
    const attached = await put('/disk/disk-01/attach', { VMName: 'vm-01' });
    expect(attached.status).toBe(200);
    expect(attached.body).toMatchObject({
      Status: 'Attached',
      IId: { NameId: 'disk-01' },
      OwnerVM: { NameId: 'vm-01' },
    });
    const vm = await rs.call('GET', `/vm/vm-01?ConnectionName=${C}`);
    expect(vm.body.DataDiskIIDs.map((d: { NameId: string }) => d.NameId)).toEqual(['disk-01']);

    const refused = await rs.call('DELETE', '/disk/disk-01', { ConnectionName: C });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      `Disk 'disk-01' is attached to VM 'vm-01' in connection '${C}'; detach it first or use force`,
    );
    expect((await rs.rows('disk_iid_infos', C)).map((r) => r.name_id)).toEqual(['disk-01']);

    const again = await put('/disk/disk-01/attach', { VMName: 'vm-01' });
    expect(again.status).toBe(409);
    const unknownVm = await put('/disk/disk-01/detach', { VMName: 'vm-x' });
    expect(unknownVm.body.message).toBe(`VM 'vm-x' does not exist in connection '${C}'`);
    expect((await put('/disk/disk-01/detach', { VMName: 'vm-01' })).body).toEqual({ Result: 'true' });
    expect((await rs.call('GET', `/disk/disk-01?ConnectionName=${C}`)).body.Status).toBe('Available');
  });

  it('force-deletes an attached disk: the row goes even though the cloud refuses', async () => {
    await post('/disk', { Name: 'disk-02', DiskSize: '100' });
    await put('/disk/disk-02/attach', { VMName: 'vm-01' });
    const forced = await rs.call('DELETE', '/disk/disk-02?force=true', { ConnectionName: C });
    expect(forced.body).toEqual({ Result: 'true' });
    expect((await rs.rows('disk_iid_infos', C)).map((r) => r.name_id)).toEqual(['disk-01']);
    const all = await rs.call('GET', `/alldisk?ConnectionName=${C}`);
    expect(all.body.AllList.OnlyCSPList).toHaveLength(1);
    expect(all.body.AllList.MappedList.map((i: { NameId: string }) => i.NameId)).toEqual(['disk-01']);
  });

  it('registers a cloud-only disk and unregisters it without deleting it in the cloud', async () => {
    const [orphan] = (await rs.call('GET', `/alldisk?ConnectionName=${C}`)).body.AllList.OnlyCSPList;
    const registered = await post('/regdisk', { Name: 'disk-reg', CSPId: orphan.SystemId });
    expect(registered.status).toBe(200);
    expect(registered.body.IId).toEqual({ NameId: 'disk-reg', SystemId: orphan.SystemId });
    expect(registered.body.OwnerVM.NameId).toBe('vm-01');
    expect((await rs.call('GET', `/countdisk/${C}`)).body).toEqual({ count: 2 });
    expect((await rs.call('DELETE', '/regdisk/disk-reg', { ConnectionName: C })).body).toEqual({ Result: 'true' });
    const after = (await rs.call('GET', `/alldisk?ConnectionName=${C}`)).body.AllList;
    expect(after.OnlyCSPList.map((i: { SystemId: string }) => i.SystemId)).toEqual([orphan.SystemId]);
  });

  it('deletes a cloud-only disk by its cloud id', async () => {
    const created = await post('/disk', { Name: 'disk-03' });
    await rs.call('DELETE', '/regdisk/disk-03', { ConnectionName: C });
    const before = (await rs.call('GET', `/alldisk?ConnectionName=${C}`)).body.AllList.OnlyCSPList;
    expect(before.map((i: { SystemId: string }) => i.SystemId)).toContain(created.body.IId.SystemId);
    const deleted = await rs.call('DELETE', `/cspdisk/${created.body.IId.SystemId}`, { ConnectionName: C });
    expect(deleted.body).toEqual({ Result: 'true' });
    const after = (await rs.call('GET', `/alldisk?ConnectionName=${C}`)).body.AllList.OnlyCSPList;
    expect(after.map((i: { SystemId: string }) => i.SystemId)).not.toContain(created.body.IId.SystemId);
  });

  it('refuses bad disk input naming the field, leaving nothing behind', async () => {
    const noName = await post('/disk', { DiskSize: '10' });
    expect(noName.status).toBe(400);
    expect(noName.body.message).toBe("resources.DiskReqInfo:Name's input value is empty!");
    const badSize = await post('/disk', { Name: 'disk-bad', DiskSize: '-5' });
    expect(badSize.status).toBe(400);
    expect(badSize.body.message).toMatch(/^ReqInfo\.DiskSize/);
    expect((await rs.rows('disk_iid_infos', C)).map((r) => r.name_id)).toEqual(['disk-01']);
  });

  it('snapshots a VM into a my-image, lists it under `myImage`, refuses duplicates and unknown VMs', async () => {
    const created = await post('/myimage', { Name: 'image-01', SourceVM: 'vm-01' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      IId: { NameId: 'image-01' },
      SourceVM: { NameId: 'vm-01' },
      Status: 'Available',
    });
    const list = await rs.call('GET', `/myimage?ConnectionName=${C}`);
    expect(list.body.myImage.map((i: { IId: { NameId: string } }) => i.IId.NameId)).toEqual(['image-01']);
    expect((await rs.call('GET', `/myimage/image-01?ConnectionName=${C}`)).body.IId).toEqual(created.body.IId);
    const dup = await post('/myimage', { Name: 'image-01', SourceVM: 'vm-01' });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toBe(`MyImage 'image-01' already exists in connection '${C}'`);
    const noVm = await post('/myimage', { Name: 'image-02', SourceVM: 'vm-x' });
    expect(noVm.status).toBe(404);
    expect(noVm.body.message).toBe(`VM 'vm-x' does not exist in connection '${C}'`);
    expect((await rs.rows('my_image_iid_infos', C)).map((r) => r.name_id)).toEqual(['image-01']);
  });

  it('starts a VM from a my-image, then deletes the image; a missing one is 404', async () => {
    const vm = await post('/vm', vmRequest('vm-02', { ImageType: 'MyImage', ImageName: 'image-01' }));
    expect(vm.status).toBe(200);
    expect(vm.body.ImageIId.NameId).toBe('image-01');
    expect((await rs.call('DELETE', '/myimage/image-01', { ConnectionName: C })).body).toEqual({ Result: 'true' });
    const gone = await rs.call('DELETE', '/myimage/image-01', { ConnectionName: C });
    expect(gone.status).toBe(404);
    expect(gone.body.message).toBe(`MyImage 'image-01' does not exist in connection '${C}'`);
    expect((await rs.call('GET', `/countmyimage/${C}`)).body).toEqual({ count: 0 });
  });
});

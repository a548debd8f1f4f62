import { AlreadyExistsError, ConflictError, InvalidArgumentError, NotFoundError } from '@cb/errors';
import { startGrpcSpider, type GrpcSpiderUnderTest } from './grpc-harness';
import { createBaseNetwork, names, vmRequest } from './grpc-fixtures';

const C = 'grpc-storage';

describe('spider gRPC: disks and my-images through @cb/spider-client', () => {
  let spider: GrpcSpiderUnderTest;

  beforeAll(async () => {
    spider = await startGrpcSpider();
    await spider.registerMock(C);
    await createBaseNetwork(spider.client, C, ['vm-01']);
  });
  afterAll(() => spider?.stop());

  it('creates, grows, attaches, detaches and deletes a disk, named by the user', async () => {
    const { client } = spider;
    const disk = await client.createDisk(C, { Name: 'disk-01', DiskType: 'default', DiskSize: 'default' });
    expect(disk).toMatchObject({ DiskType: 'SSD', DiskSize: '512', Status: 'Available' });
    expect(disk.IId.SystemId).toMatch(/^disk-01-[0-9a-v]{20}$/);
    expect(names((await client.listDisks(C)).map((d) => d.IId))).toEqual(['disk-01']);
    expect((await client.getDisk(C, 'disk-01')).IId).toEqual(disk.IId);

    expect(await client.changeDiskSize(C, 'disk-01', '1024')).toBe(true);
    expect((await client.getDisk(C, 'disk-01')).DiskSize).toBe('1024');
    const attached = await client.attachDisk(C, 'disk-01', 'vm-01');
    expect(attached).toMatchObject({ Status: 'Attached', OwnerVM: { NameId: 'vm-01' } });
    expect(names((await client.getVm(C, 'vm-01')).DataDiskIIDs)).toEqual(['disk-01']);

    const inUse = client.deleteDisk(C, 'disk-01');
    await expect(inUse).rejects.toBeInstanceOf(ConflictError);
    await expect(inUse).rejects.toThrow(`Disk 'disk-01' is attached to VM 'vm-01' in connection '${C}'`);
    expect(await client.detachDisk(C, 'disk-01', 'vm-01')).toBe(true);
    expect((await client.getDisk(C, 'disk-01')).Status).toBe('Available');
    expect(await client.deleteDisk(C, 'disk-01')).toBe(true);
    expect(await client.listDisks(C)).toEqual([]);
  });

  it('maps disk errors to NOT_FOUND, ALREADY_EXISTS and INVALID_ARGUMENT, leaving nothing behind', async () => {
    const { client } = spider;
    await client.createDisk(C, { Name: 'disk-02', DiskType: 'default', DiskSize: '100' });
    const dup = client.createDisk(C, { Name: 'disk-02', DiskType: 'default', DiskSize: '100' });
    await expect(dup).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(dup).rejects.toThrow(`Disk 'disk-02' already exists in connection '${C}'`);
    const unknown = client.getDisk(C, 'nope');
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
    await expect(unknown).rejects.toThrow(`Disk 'nope' does not exist in connection '${C}'`);
    await expect(client.attachDisk(C, 'disk-02', 'vm-x')).rejects.toThrow(
      `VM 'vm-x' does not exist in connection '${C}'`,
    );

    const noName = client.createDisk(C, { Name: '', DiskType: 'default', DiskSize: '10' });
    await expect(noName).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(noName).rejects.toThrow("resources.DiskReqInfo:Name's input value is empty!");
    const badSize = client.changeDiskSize(C, 'disk-02', 'big');
    await expect(badSize).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(badSize).rejects.toThrow(/^ReqInfo\.Size/);
    await expect(client.attachDisk(C, 'disk-02', '')).rejects.toBeInstanceOf(InvalidArgumentError);
    expect((await client.getDisk(C, 'disk-02')).DiskSize).toBe('100');
    expect(names((await client.listDisks(C)).map((d) => d.IId))).toEqual(['disk-02']);
    expect(await client.deleteDisk(C, 'disk-02')).toBe(true);
  });

  it('snapshots a VM into a my-image, starts a VM from it, then deletes it', async () => {
    const { client } = spider;
    const image = await client.snapshotVm(C, { Name: 'image-01', SourceVM: 'vm-01' });
    expect(image).toMatchObject({ IId: { NameId: 'image-01' }, SourceVM: { NameId: 'vm-01' }, Status: 'Available' });
    expect(image.CreatedTime).not.toBe('');
    expect(names((await client.listMyImages(C)).map((i) => i.IId))).toEqual(['image-01']);
    expect(await client.getMyImage(C, 'image-01')).toEqual(image);

    const vm = await client.startVm(C, vmRequest('vm-from-image', { ImageType: 'MyImage', ImageName: 'image-01' }));
    expect(vm).toMatchObject({ ImageType: 'MyImage', ImageIId: { NameId: 'image-01' } });
    await client.terminateVm(C, 'vm-from-image');

    expect(await client.deleteMyImage(C, 'image-01')).toBe(true);
    const gone = client.deleteMyImage(C, 'image-01');
    await expect(gone).rejects.toBeInstanceOf(NotFoundError);
    await expect(gone).rejects.toThrow(`MyImage 'image-01' does not exist in connection '${C}'`);
  });

  it('maps my-image errors, leaving nothing behind', async () => {
    const { client } = spider;
    await client.snapshotVm(C, { Name: 'image-02', SourceVM: 'vm-01' });
    const dup = client.snapshotVm(C, { Name: 'image-02', SourceVM: 'vm-01' });
    await expect(dup).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(dup).rejects.toThrow(`MyImage 'image-02' already exists in connection '${C}'`);
    const noVm = client.snapshotVm(C, { Name: 'image-03', SourceVM: 'vm-x' });
    await expect(noVm).rejects.toBeInstanceOf(NotFoundError);
    await expect(noVm).rejects.toThrow(`VM 'vm-x' does not exist in connection '${C}'`);
    const noSource = client.snapshotVm(C, { Name: 'image-03', SourceVM: '' });
    await expect(noSource).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(noSource).rejects.toThrow("resources.MyImageReqInfo:SourceVM's input value is empty!");
    await expect(client.getMyImage(C, 'image-x')).rejects.toBeInstanceOf(NotFoundError);
    expect(names((await client.listMyImages(C)).map((i) => i.IId))).toEqual(['image-02']);
  });
});

import type { IID, VMReqInfo } from '../resources';
import { firstOf, required, type SuiteContext } from './context';

/** The VPC, subnet, security group, key, image and spec a VM needs; created once per describe. */
export interface Infra {
  vpcIID: IID;
  subnetIID: IID;
  sgIID: IID;
  keyIID: IID;
  imageIID: IID;
  specName: string;
  vmRequest(name: string): VMReqInfo;
  remove(): Promise<void>;
}

export async function createInfra(ctx: SuiteContext, tag: string): Promise<Infra> {
  const conn = ctx.connection;
  const vpc = required(conn.vpc(), 'VPCHandler');
  const security = required(conn.security(), 'SecurityHandler');
  const keys = required(conn.keyPair(), 'KeyPairHandler');
  const imageIID = await pickImage(ctx);
  const specName =
    ctx.options.specName ?? (await firstOf(required(conn.vmSpec(), 'VMSpecHandler').listVMSpecs()))?.Name;
  if (!specName) throw new Error('the driver lists no VM spec to start a VM with');

  const createdVpc = await vpc.createVPC({
    IId: ctx.iid(`${tag}-vpc`),
    IPv4_CIDR: ctx.options.vpcCidr,
    SubnetInfoList: [{ IId: ctx.iid(`${tag}-subnet`), IPv4_CIDR: ctx.options.subnetCidrs[0] }],
  });
  const subnetIID = createdVpc.SubnetInfoList[0].IId;
  const sg = await security.createSecurity({
    IId: ctx.iid(`${tag}-sg`),
    VpcIID: createdVpc.IId,
    SecurityRules: [{ Direction: 'inbound', IPProtocol: 'TCP', FromPort: '22', ToPort: '22', CIDR: '0.0.0.0/0' }],
  });
  const key = await keys.createKey({ IId: ctx.iid(`${tag}-key`) });

  return {
    vpcIID: createdVpc.IId,
    subnetIID,
    sgIID: sg.IId,
    keyIID: key.IId,
    imageIID,
    specName,
    vmRequest: (name) => ({
      IId: ctx.iid(name),
      ImageType: 'PublicImage',
      ImageIID: imageIID,
      VpcIID: createdVpc.IId,
      SubnetIID: subnetIID,
      SecurityGroupIIDs: [sg.IId],
      VMSpecName: specName,
      KeyPairIID: key.IId,
    }),
    remove: async () => {
      await keys.deleteKey(key.IId);
      await security.deleteSecurity(sg.IId);
      await vpc.deleteVPC(createdVpc.IId);
    },
  };
}

async function pickImage(ctx: SuiteContext): Promise<IID> {
  const images = required(ctx.connection.image(), 'ImageHandler');
  if (ctx.options.imageName) return (await images.getImage({ NameId: ctx.options.imageName, SystemId: '' })).IId;
  const first = await firstOf(images.listImages());
  if (!first) throw new Error('the driver lists no image to start a VM with');
  return first.IId;
}

/** Terminates a VM if it still exists; cleanup must not hide the assertion that failed. */
export async function terminateQuietly(ctx: SuiteContext, vmIID: IID): Promise<void> {
  await ctx.connection
    .vm()
    ?.terminateVM(vmIID)
    .catch(() => undefined);
}

import { McisForceDelete1767400000001 } from './mcis-force-delete-migration';
import { McisSchema1767400000000 } from './mcis-migration';
import { McisVmSummaries1767400000002 } from './vm-summaries-migration';
import { McisEntity } from './mcis.entity';
import { McisVmEntity } from './mcis-vm.entity';

export { McisEntity } from './mcis.entity';
export {
  McisVmEntity,
  type VmAccess,
  type VmImageSummary,
  type VmResourceNames,
  type VmSpecSummary,
} from './mcis-vm.entity';
export { countMcisInNamespace } from './mcis-count';

export const mcisEntities = [McisEntity, McisVmEntity];
export const mcisMigrations = [McisSchema1767400000000, McisForceDelete1767400000001, McisVmSummaries1767400000002];
export { McisRepository, vmKeyOf, type VmKey, type VmSummary } from './mcis-repository';
export { readVmStatusRows, type VmStatusRow } from './vm-status-rows';

import { CreateOutboxEvents1767225600000 } from '@cb/events';
import { TumblebugSchema1767300000000 } from './1767300000000-tumblebug-schema';

/** tumblebug's own schema, in order; MCIS migrations (store/mcis) run after these. */
export const coreMigrations = [CreateOutboxEvents1767225600000, TumblebugSchema1767300000000];

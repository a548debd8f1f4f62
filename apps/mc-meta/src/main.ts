import { runServiceAlone } from '@cb/service-main';

// mc-meta alone in this process; apps/platform runs it through mcMetaService with the other services instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports
runServiceAlone('mc-meta', () => (require('./index') as typeof import('./index')).mcMetaService);

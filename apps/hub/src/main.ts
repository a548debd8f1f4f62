import { runServiceAlone } from '@cb/service-main';

// hub alone in this process; apps/platform runs it through hubService with the other services instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports
runServiceAlone('hub', () => (require('./index') as typeof import('./index')).hubService);

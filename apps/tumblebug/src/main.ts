import { runServiceAlone } from '@cb/service-main';

// tumblebug alone in this process; apps/platform runs it through tumblebugService with the other services instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports
runServiceAlone('tumblebug', () => (require('./index') as typeof import('./index')).tumblebugService);

import { runServiceAlone } from '@cb/service-main';

// spider alone in this process; apps/platform runs it through spiderService with the other services instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports
runServiceAlone('spider', () => (require('./index') as typeof import('./index')).spiderService);

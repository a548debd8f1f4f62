import { runMain } from '@cb/runtime';
import { startTelemetry } from '@cb/telemetry';

// `npm start`: the whole platform in this process. Telemetry starts before anything loads express,
// grpc or pg, so that its instrumentations can patch them: hence the lazy import below.
void runMain('platform', async () => {
  const telemetry = startTelemetry({ serviceName: 'cloud-barista-platform' });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createPlatform, loadPlatformConfig } = require('./index') as typeof import('./index');
  const platform = createPlatform(loadPlatformConfig());
  const banner = await platform.start();
  console.log(banner);
  return {
    stop: async () => {
      await platform.stop();
      await telemetry.shutdown();
    },
  };
});

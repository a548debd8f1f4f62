import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { hasCredentials, type PlatformEventStream } from './event-stream';

export interface ConsoleAppOptions {
  distDir: string;
  username: string;
  password: string;
  events: PlatformEventStream;
}

/**
 * The console's HTTP face: hashed assets cached for good, index.html never cached, every other path
 * answered with index.html (the app routes in the browser), and the event stream behind Basic auth.
 */
export function createConsoleApp(options: ConsoleAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');

  app.get('/livez', (_req, res) => res.json({ message: 'waterstrider is alive' }));
  app.get('/readyz', (_req, res) => {
    const ready = existsSync(join(options.distDir, 'index.html'));
    res.status(ready ? 200 : 503).json({ message: ready ? 'waterstrider is ready' : 'console not built' });
  });

  app.get('/api/events', (req, res) => {
    if (!hasCredentials(req, options.username, options.password)) {
      // No WWW-Authenticate: the console signs in itself and must not trigger the browser's dialog.
      res.status(401).json({ message: 'Unauthorized', code: 'UNAUTHENTICATED' });
      return;
    }
    options.events.handle(req, res);
  });
  app.use('/api', (_req, res) => res.status(404).json({ message: 'Not found', code: 'NOT_FOUND' }));

  app.use(
    '/assets',
    express.static(join(options.distDir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }),
  );
  app.use(express.static(options.distDir, { index: false, maxAge: 0 }));
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(options.distDir, 'index.html'));
  });
  return app;
}

import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** A stand-in OTLP/HTTP collector: records what the exporter posts. */
function startCollector(): Promise<{ server: Server; url: string; received: { path: string; body: string }[] }> {
  const received: { path: string; body: string }[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', body: Buffer.concat(chunks).toString('latin1') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}`, received });
    }),
  );
}

/** The SDK patches Node's own module loader, so it is exercised in a real Node process, not inside jest. */
async function runFixture(env: NodeJS.ProcessEnv): Promise<{ exporting: boolean; sameHandle: boolean }> {
  const tsx = require.resolve('tsx/cli');
  const { stdout } = await promisify(execFile)(process.execPath, [tsx, join(__dirname, 'fixtures/export-spans.ts')], {
    env: { PATH: process.env.PATH, ...env },
  });
  return JSON.parse(stdout);
}

describe('startTelemetry', () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;

  beforeAll(async () => {
    collector = await startCollector();
  });

  afterAll(() => {
    collector.server.close();
  });

  beforeEach(() => {
    collector.received.length = 0;
  });

  it('exports instrumented http spans over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set', async () => {
    const result = await runFixture({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url });

    expect(result).toEqual({ exporting: true, sameHandle: true });
    const traces = collector.received.filter((request) => request.path === '/v1/traces');
    expect(traces.length).toBeGreaterThan(0);
    const posted = traces.map((request) => request.body).join('\n');
    expect(posted).toContain('export-fixture'); // service.name from the first start only
    expect(posted).not.toContain('another-service');
    expect(posted).toContain('/fixture-path'); // the http instrumentation's server/client span
    expect(collector.received.map((request) => request.path)).toEqual(traces.map((request) => request.path));
  });

  it('sends nothing without an endpoint, and nothing when OTEL_SDK_DISABLED=true', async () => {
    expect(await runFixture({})).toEqual({ exporting: false, sameHandle: true });
    expect(await runFixture({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: collector.url })).toEqual({
      exporting: false,
      sameHandle: true,
    });
    expect(collector.received).toEqual([]);
  });
});

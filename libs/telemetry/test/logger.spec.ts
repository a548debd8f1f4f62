import { Writable } from 'node:stream';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { createLogger } from '../src';

/** Collects the JSON lines a logger writes. */
function captureLines(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

describe('createLogger', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const contextManager = new AsyncLocalStorageContextManager();

  beforeAll(() => {
    context.setGlobalContextManager(contextManager.enable());
    trace.setGlobalTracerProvider(provider);
  });

  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
  });

  it('stamps trace_id and span_id of the active span on each line', async () => {
    const { stream, lines } = captureLines();
    const logger = createLogger('spider', { destination: stream, level: 'info' });
    const tracer = trace.getTracer('test');

    const ids = await tracer.startActiveSpan('create vpc', async (span) => {
      await Promise.resolve(); // the context must survive an await
      logger.info({ vpc: 'vpc-01' }, 'creating');
      span.end();
      return span.spanContext();
    });
    logger.info('outside any span');

    const [inside, outside] = lines.map((line) => JSON.parse(line));
    expect(inside).toMatchObject({ service: 'spider', level: 'info', msg: 'creating', vpc: 'vpc-01' });
    expect(inside.trace_id).toBe(ids.traceId);
    expect(inside.span_id).toBe(ids.spanId);
    expect(exporter.getFinishedSpans().map((span) => span.spanContext().traceId)).toContain(ids.traceId);
    expect(outside.trace_id).toBeUndefined();
    expect(outside.msg).toBe('outside any span');
  });

  it('never writes a secret value, in fields, child bindings or errors', () => {
    const { stream, lines } = captureLines();
    const secret = 'S3cr3t-Value-4242';
    const logger = createLogger('tumblebug', { destination: stream, level: 'debug' });

    logger.info({ body: { ReqInfo: { KeyValueInfoList: [{ Key: 'ClientSecret', Value: secret }] } } }, 'register');
    logger.child({ password: secret }).warn('child bound');
    const error = Object.assign(new Error('call failed'), {
      config: { headers: { Authorization: `Bearer ${secret}` } },
    });
    logger.error({ err: error }, 'failed');
    logger.debug({ user: { token: secret, name: 'alice' } }, 'debug');

    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).not.toContain(secret);
    expect(lines.join('\n')).toContain('[REDACTED]');
    expect(JSON.parse(lines[2]).err.message).toBe('call failed');
    expect(JSON.parse(lines[3]).user.name).toBe('alice');
  });

  it('takes its level from LOG_LEVEL and refuses an unknown one', () => {
    const { stream, lines } = captureLines();
    const logger = createLogger('hub', { destination: stream, env: { LOG_LEVEL: 'warn' } });
    logger.info('dropped');
    logger.warn('kept');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['kept']);
    expect(() => createLogger('hub', { env: { LOG_LEVEL: 'loud' } })).toThrow(/LOG_LEVEL/);
  });
});

import { trace } from '@opentelemetry/api';
import { startTelemetry } from '../src';

describe('startTelemetry with OTEL_SDK_DISABLED=true', () => {
  it('registers nothing: spans stay non-recording', async () => {
    const telemetry = startTelemetry({ serviceName: 'disabled-test', env: { OTEL_SDK_DISABLED: 'true' } });
    expect(telemetry.exporting).toBe(false);
    const recording = trace.getTracer('test').startActiveSpan('s', (span) => {
      span.end();
      return span.isRecording();
    });
    expect(recording).toBe(false);
    await telemetry.shutdown();
  });
});

import { ConfigError, eventStreamSettings } from '../src';

describe('eventStreamSettings', () => {
  it('leaves the defaults (stream CB_EVENTS, no prefix) to the transport when nothing is set', () => {
    expect(eventStreamSettings({})).toEqual({});
  });

  it('takes a stream name and a subject prefix', () => {
    expect(eventStreamSettings({ CB_EVENTS_STREAM: 'T_RUN1', CB_EVENTS_SUBJECT_PREFIX: 't_run1.' })).toEqual({
      stream: 'T_RUN1',
      subjectPrefix: 't_run1.',
    });
  });

  it('names each bad variable', () => {
    const bad = () => eventStreamSettings({ CB_EVENTS_STREAM: 'no.dots', CB_EVENTS_SUBJECT_PREFIX: 'nodot' });
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/CB_EVENTS_STREAM: must be 1-64 letters/);
    expect(bad).toThrow(/CB_EVENTS_SUBJECT_PREFIX: must be subject tokens/);
  });
});

import { countBy, statusTone, statusWord } from './status';

describe('statusTone', () => {
  it('reads the aggregate status tokens in MapUI precedence', () => {
    expect(statusTone('Running:3 (R:3/3)')).toBe('running');
    expect(statusTone('Partial-Running:2 (R:2/3)')).toBe('partial');
    expect(statusTone('Failed:1 (R:0/1)')).toBe('failed');
    expect(statusTone('Suspended:2 (R:0/2)')).toBe('suspended');
    expect(statusTone('Creating:5 (R:0/5)')).toBe('busy');
    expect(statusTone('Terminated')).toBe('terminated');
    expect(statusTone(undefined)).toBe('unknown');
  });
  it('keeps the status word without the counts', () => {
    expect(statusWord('Partial-Running:2 (R:2/3)')).toBe('Partial-Running');
    expect(statusWord('Suspended')).toBe('Suspended');
  });
  it('counts by key, largest first', () => {
    expect(countBy(['a', 'b', 'a'], (x) => x)).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });
});

import { InvalidArgumentError } from '@cb/errors';
import { z } from 'zod';
import { fieldPath, parseInput } from './validation';

function refusal(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('parseInput', () => {
  const Subnets = z.object({
    ReqInfo: z.object({ SubnetInfoList: z.array(z.object({ Name: z.string(), Zone: z.string().optional() })) }),
  });

  it('returns the parsed, typed value', () => {
    const value = parseInput(Subnets, { ReqInfo: { SubnetInfoList: [{ Name: 's1' }] } }, 'body');
    expect(value.ReqInfo.SubnetInfoList[0].Name).toBe('s1');
  });

  it('names nested fields with dots and array indexes', () => {
    const error = refusal(() =>
      parseInput(Subnets, { ReqInfo: { SubnetInfoList: [{ Name: 's1' }, { Name: 7 }] } }, 'body'),
    );
    expect(error.message).toBe('ReqInfo.SubnetInfoList[1].Name: expected string, received number');
    expect(error.details).toMatchObject({ field: 'ReqInfo.SubnetInfoList[1].Name', in: 'body' });
  });

  it('names the request part when the whole value is missing or of the wrong kind', () => {
    expect(refusal(() => parseInput(Subnets, undefined, 'body')).message).toBe('body: is required');
    expect(refusal(() => parseInput(Subnets, [], 'body')).message).toBe('body: expected object, received array');
  });

  it('names unknown fields of strict objects and lists every problem in details', () => {
    const Strict = z.strictObject({ Name: z.string(), CSP: z.enum(['aws', 'gcp']) });
    const error = refusal(() => parseInput(Strict, { Name: 'n', CSP: 'ibm', Extra: 1 }, 'body'));
    const problems = (error.details as { problems: { field: string }[] }).problems.map((problem) => problem.field);
    expect(problems.sort()).toEqual(['CSP', 'Extra']);
    expect(refusal(() => parseInput(Strict, { Name: 'n', CSP: 'aws', Extra: 1 }, 'body')).message).toBe(
      'Extra: is not a known field',
    );
  });

  it('never repeats the rejected value', () => {
    const Password = z.object({ Password: z.string().min(12, 'must be at least 12 characters') });
    const error = refusal(() => parseInput(Password, { Password: 'short-pw' }, 'body'));
    expect(error.message).toBe('Password: must be at least 12 characters');
    expect(JSON.stringify(error.details)).not.toContain('short-pw');
  });

  it('joins paths like the wire shape reads', () => {
    expect(fieldPath([])).toBe('');
    expect(fieldPath(['a', 0, 'b'])).toBe('a[0].b');
  });
});

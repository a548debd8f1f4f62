import { z } from 'zod';
import { envDatabaseUrl } from './env-database-url';

const schema = z.object({ DATABASE_URL: envDatabaseUrl('spider') });

describe('envDatabaseUrl', () => {
  it('accepts a postgres URL', () => {
    expect(schema.parse({ DATABASE_URL: 'postgres://cb:pw@db:5432/spider' }).DATABASE_URL).toBe(
      'postgres://cb:pw@db:5432/spider',
    );
  });

  it('says what is expected when the variable is missing', () => {
    const result = schema.safeParse({});
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain('postgres://user:password@host:port/spider');
  });

  it('names the variable, not the password, when the URL is wrong', () => {
    const result = schema.safeParse({ DATABASE_URL: 'mysql://cb:hunter2@db/spider' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/DATABASE_URL/);
    expect(result.error?.issues[0].message).not.toContain('hunter2');
  });
});

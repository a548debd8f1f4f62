import { InvalidArgumentError } from '@cb/errors';
import { parseDatabaseUrl, withDatabase } from './database-url';

describe('parseDatabaseUrl', () => {
  it('splits a full URL into its parts', () => {
    const db = parseDatabaseUrl('postgres://cb:s3cret@db.example:6543/spider');
    expect(db).toMatchObject({ host: 'db.example', port: 6543, user: 'cb', database: 'spider' });
    expect(db.redacted).toBe('postgres://cb:***@db.example:6543/spider');
  });

  it('defaults the port to 5432 and accepts the postgresql scheme', () => {
    expect(parseDatabaseUrl('postgresql://cb@localhost/hub')).toMatchObject({ port: 5432, database: 'hub' });
  });

  it.each([
    ['', /DATABASE_URL is empty/],
    ['not a url', /DATABASE_URL is not a valid URL/],
    ['mysql://root@localhost/db', /DATABASE_URL has scheme "mysql"/],
    ['postgres://cb@localhost', /DATABASE_URL names no database/],
    ['postgres://cb@localhost/a/b', /DATABASE_URL has a path/],
  ])('rejects %j with a message naming DATABASE_URL', (value, message) => {
    expect(() => parseDatabaseUrl(value)).toThrow(message);
    expect(() => parseDatabaseUrl(value)).toThrow(InvalidArgumentError);
  });

  it('names the variable it was given and never echoes the password', () => {
    let message = '';
    try {
      parseDatabaseUrl('postgres://cb:hunter2@localhost', 'SPIDER_DATABASE_URL');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('SPIDER_DATABASE_URL');
    expect(message).not.toContain('hunter2');
  });
});

describe('withDatabase', () => {
  it('keeps server and credentials and swaps the database', () => {
    expect(withDatabase('postgres://cb:pw@localhost:5432/postgres?sslmode=disable', 'tumblebug')).toBe(
      'postgres://cb:pw@localhost:5432/tumblebug?sslmode=disable',
    );
  });
});

import { z } from 'zod';
import { ConfigError, envBoolean, envPort, parseEnv } from '../src';

const schema = z.object({
  SPIDER_PORT: envPort(1024),
  DATABASE_URL: z.string().url(),
  TB_AUTH_ENABLED: envBoolean(true),
});

describe('parseEnv', () => {
  it('applies defaults and coerces values', () => {
    expect(parseEnv(schema, { DATABASE_URL: 'postgres://u@h/db' })).toEqual({
      SPIDER_PORT: 1024,
      DATABASE_URL: 'postgres://u@h/db',
      TB_AUTH_ENABLED: true,
    });
    expect(parseEnv(schema, { DATABASE_URL: 'postgres://u@h/db', TB_AUTH_ENABLED: 'off' }).TB_AUTH_ENABLED).toBe(false);
  });

  it('names every bad variable at once, without echoing values', () => {
    let error: unknown;
    try {
      parseEnv(schema, { SPIDER_PORT: '99999', DATABASE_URL: 'not a url s3cr3t' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/SPIDER_PORT/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(message).not.toMatch(/s3cr3t/);
  });

  it('treats empty variables as unset', () => {
    expect(parseEnv(schema, { DATABASE_URL: 'postgres://u@h/db', SPIDER_PORT: '' }).SPIDER_PORT).toBe(1024);
  });
});

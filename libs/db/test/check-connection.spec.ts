import { testPostgresUrl } from '@cb/testing';
import { checkDatabaseConnection, findFreePort } from '../src';

describe('checkDatabaseConnection', () => {
  it('passes for a server that answers', async () => {
    await expect(checkDatabaseConnection(testPostgresUrl())).resolves.toBeUndefined();
  });

  it('names the variable and the server, not the password, when nobody answers', async () => {
    const port = await findFreePort();
    const failure = checkDatabaseConnection(`postgres://cb:s3cr3t-pw@127.0.0.1:${port}/postgres`, 'HUB_DATABASE_URL');
    await expect(failure).rejects.toThrow(
      `cannot connect to PostgreSQL at postgres://cb:***@127.0.0.1:${port}/postgres (HUB_DATABASE_URL)`,
    );
    await expect(failure).rejects.not.toThrow(/s3cr3t-pw/);
  });

  it('refuses a malformed URL before connecting, naming the variable', async () => {
    await expect(checkDatabaseConnection('mysql://u@h/db')).rejects.toThrow(/^DATABASE_URL has scheme "mysql"/);
  });
});

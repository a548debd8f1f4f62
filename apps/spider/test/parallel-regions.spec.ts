import { SpiderClient } from '@cb/spider-client';
import { Client } from 'pg';
import { startResourceSpider, type ResourceSpider, sgRequest, vmRequest, vpcRequest } from './resources-helpers';

/**
 * Preparing many regions at once (tumblebug's vNet → security group → key pair → VM per connection, every
 * connection in parallel) must finish: no request may wait forever on a database connection, a lock or a
 * call slot. The bound below only tells a hang from slowness (each step takes ~100 ms of mock latency); it
 * is not a performance target.
 */
const HANG_MS = 60_000;
const REGIONS = 24;
const PROBE = 'parallel-regions-probe';

type Step = (conn: string) => Promise<unknown>;

/** Runs vNet → sg → key → VM on every connection at once; a step that does not settle within HANG_MS is named. */
async function prepareAll(conns: string[], steps: [string, Step][], db: Client): Promise<string[]> {
  const problems: string[] = [];
  await Promise.all(
    conns.map(async (conn) => {
      for (const [name, step] of steps) {
        let timer: NodeJS.Timeout | undefined;
        const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), HANG_MS)));
        const outcome = await Promise.race([step(conn).then(() => 'ok' as const), hung]).catch(
          (error: Error) => `failed: ${error.message}`,
        );
        clearTimeout(timer);
        if (outcome === 'ok') continue;
        problems.push(`${conn} ${name}: ${outcome === 'hung' ? `no answer within ${HANG_MS} ms` : outcome}`);
        if (outcome === 'hung') problems.push(await databaseSnapshot(db));
        return;
      }
    }),
  );
  return problems;
}

/** What the service's sessions are doing, to see a pool or lock wait in the failure message. */
async function databaseSnapshot(db: Client): Promise<string> {
  const { rows } = await db.query(
    `SELECT pid, state, wait_event_type, wait_event, left(query, 120) AS query
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  const { rows: locks } = await db.query(
    `SELECT pid, locktype, relation::regclass AS relation, mode FROM pg_locks WHERE NOT granted`,
  );
  return JSON.stringify({ sessions: rows, waitingLocks: locks });
}

/** Samples how many sessions the database has open besides this probe's, until stopped; answers the peak. */
function sessionPeak(db: Client): () => Promise<number> {
  let peak = 0;
  let running = true;
  const sampling = (async () => {
    while (running) {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name <> $1`,
        [PROBE],
      );
      peak = Math.max(peak, rows[0].n);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return async () => {
    running = false;
    await sampling;
    return peak;
  };
}

const restSteps = (rs: ResourceSpider): [string, Step][] => {
  const post = (path: string, conn: string, ReqInfo: unknown) =>
    rs.call('POST', path, { ConnectionName: conn, ReqInfo }).then(({ status, body }) => {
      if (status !== 200) throw new Error(`${path} answered ${status}: ${JSON.stringify(body)}`);
    });
  return [
    ['vpc', (conn) => post('/vpc', conn, vpcRequest())],
    ['security group', (conn) => post('/securitygroup', conn, sgRequest())],
    ['key pair', (conn) => post('/keypair', conn, { Name: 'keypair-01' })],
    ['vm', (conn) => post('/vm', conn, vmRequest('vm-01'))],
  ];
};

const grpcSteps = (client: SpiderClient): [string, Step][] => [
  ['vpc', (conn) => client.createVpc(conn, vpcRequest())],
  ['security group', (conn) => client.createSecurityGroup(conn, sgRequest())],
  ['key pair', (conn) => client.createKeyPair(conn, { Name: 'keypair-01' })],
  ['vm', (conn) => client.startVm(conn, vmRequest('vm-01'))],
];

describe.each([
  ['the default pool', 10],
  // Far fewer database connections than concurrent requests (and one of them is the relay's LISTEN): a
  // request that holds a connection while awaiting another would deadlock here for certain.
  ['a pool of 2', 2],
])('spider preparing every region at once with %s', (_pool, poolSize) => {
  let rs: ResourceSpider;
  let db: Client;
  let grpc: SpiderClient;
  const conns = (api: string) => Array.from({ length: REGIONS }, (_, i) => `${api}-r${i}`);

  beforeAll(async () => {
    rs = await startResourceSpider({ SPIDER_DB_POOL_SIZE: String(poolSize) });
    db = new Client({ connectionString: rs.spider.db.url, application_name: PROBE });
    await db.connect();
    grpc = new SpiderClient(rs.spider.service.endpoints().grpc!, { deadlineMs: HANG_MS * 2 });
    for (const conn of [...conns('rest'), ...conns('grpc')]) await rs.connect(conn, { LatencyMs: '100' });
  });
  afterAll(async () => {
    grpc?.close();
    await db?.end();
    await rs?.stop();
  });

  it('creates vNet, security group, key pair and VM on every connection over REST', async () => {
    const peak = sessionPeak(db);
    expect(await prepareAll(conns('rest'), restSteps(rs), db)).toEqual([]);
    // spider's pool plus the test helper's own client (application_name unset, like spider's).
    expect(await peak()).toBeLessThanOrEqual(poolSize + 1);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM vm_iid_infos WHERE connection_name LIKE 'rest-%'`);
    expect(rows[0].n).toBe(REGIONS);
  });

  it('creates them over gRPC too, REST and gRPC sharing the database pool', async () => {
    const peak = sessionPeak(db);
    expect(await prepareAll(conns('grpc'), grpcSteps(grpc), db)).toEqual([]);
    expect(await peak()).toBeLessThanOrEqual(poolSize + 1);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM sg_iid_infos WHERE connection_name LIKE 'grpc-%'`);
    expect(rows[0].n).toBe(REGIONS);
  });
});

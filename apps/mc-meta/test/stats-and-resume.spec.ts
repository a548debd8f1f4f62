import { Client } from 'pg';
import { mockConnection, setCredential, startHarness, syncAndWait, type Harness } from './harness';

describe('history statistics', () => {
  const aws = mockConnection('aws-stats', 'aws', 'us-east-1', { ImagesPerRegion: '4000', Seed: 'stats' });
  const gcp = mockConnection('gcp-stats', 'gcp', 'us-central1', { ImagesPerRegion: '1000', Seed: 'stats' });
  let harness: Harness;
  let sql: Client;

  const liveImages = async (provider: string, os?: string) =>
    (
      await sql.query(
        `SELECT count(*)::int AS n FROM image WHERE removed_at IS NULL AND provider = $1 AND ($2::text IS NULL OR os_family = $2)`,
        [provider, os ?? null],
      )
    ).rows[0].n as number;

  beforeAll(async () => {
    harness = await startHarness([aws, gcp]);
    sql = new Client(harness.db.url);
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await harness?.close();
  });

  it('answers monthly counts per provider with growth, from daily snapshots', async () => {
    await syncAndWait(harness);
    await harness.service.stats.snapshot('2026-09-30');
    const september = await liveImages('aws');
    setCredential(aws, 'CatalogVersion', '3');
    await syncAndWait(harness, { connectionName: 'aws-stats' });
    await harness.service.stats.snapshot('2026-10-15');
    await harness.service.stats.snapshot('2026-10-31');
    const october = await liveImages('aws');
    expect(october).not.toBe(september);

    const { status, body } = await harness.get(
      '/stats?kind=images&groupBy=provider&interval=month&from=2026-09&to=2026-10-31',
    );
    expect(status).toBe(200);
    const series = body.series.find((s: any) => s.key === 'aws');
    expect(series.points).toEqual([
      { period: '2026-09', count: september, growth: null, growthRate: null },
      {
        period: '2026-10',
        count: october,
        growth: october - september,
        growthRate: Math.round(((october - september) / september) * 10_000) / 10_000,
      },
    ]);
  });

  it('answers per-OS counts of one provider for one month', async () => {
    const { body } = await harness.get(
      '/stats?kind=images&groupBy=os&provider=gcp&interval=month&from=2026-10&to=2026-10-31',
    );
    const ubuntu = body.series.find((s: any) => s.key === 'ubuntu');
    expect(ubuntu.points).toEqual([
      { period: '2026-10', count: await liveImages('gcp', 'ubuntu'), growth: null, growthRate: null },
    ]);
  });
});

describe('resuming after a crash', () => {
  const conn = mockConnection('aws-resume', 'aws', 'eu-west-1', { ImagesPerRegion: '500', Seed: 'resume' });
  let harness: Harness | undefined;

  afterAll(async () => {
    await harness?.close();
  });

  it('finishes a run a dead process left running', async () => {
    harness = await startHarness([conn]);
    // What a process killed mid-sync leaves behind: a running run, one task running, the rest pending.
    const sql = new Client(harness.db.url);
    await sql.connect();
    const {
      rows: [run],
    } = await sql.query(
      `INSERT INTO sync_run (kinds, trigger, status) VALUES ('{images,specs}', 'request', 'running') RETURNING id`,
    );
    await sql.query(
      `INSERT INTO sync_task (run_id, connection_name, kind, status) VALUES ($1, 'aws-resume', 'images', 'running'), ($1, 'aws-resume', 'specs', 'pending')`,
      [run.id],
    );
    await sql.query(`INSERT INTO connection (name, provider, region) VALUES ('aws-resume', 'aws', 'eu-west-1')`);
    await sql.end();

    expect(await harness.service.sync.resume()).toEqual([run.id]);
    await harness.service.sync.idle();
    const { body } = await harness.get(`/sync/${run.id}`);
    expect(body.status).toBe('completed');
    expect(body.countsByKind.images.added).toBeGreaterThan(0);
    expect(body.tasks.every((t: any) => t.status === 'completed')).toBe(true);
  });
});

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Columns every catalog table shares: identity within a connection, the record as spider gave it, and its life. */
const RECORD = `
  id bigserial PRIMARY KEY,
  connection_name text NOT NULL,
  provider text NOT NULL,
  record_key text NOT NULL,
  doc jsonb NOT NULL,
  content_hash text NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz`;

/**
 * The catalog: one table per kind, each row a record of one connection (`doc` keeps spider's abstracted fields
 * and the CSP's key/values; the other columns are extracted for filters and sort). Vanished records keep a
 * removed_at so history stays true; live-only partial indexes keep search from paying for history.
 */
export class CatalogSchema1764000000000 implements MigrationInterface {
  name = 'CatalogSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    // Searches are short OLTP queries: JIT compilation would cost more than it saves (hundreds of ms seen on the
    // large fallback plans). Needs the database's owner; without it the server default stays.
    await q.query(`DO $$ BEGIN
      EXECUTE format('ALTER DATABASE %I SET jit = off', current_database());
    EXCEPTION WHEN insufficient_privilege THEN RAISE NOTICE 'jit left as configured';
    END $$`);
    await q.query(`CREATE TABLE connection (
      name text PRIMARY KEY, provider text NOT NULL, region text NOT NULL, zone text,
      first_seen_at timestamptz NOT NULL DEFAULT now(), last_synced_at timestamptz)`);

    await q.query(`CREATE TABLE image (${RECORD},
      region text NOT NULL, name text NOT NULL, os_architecture text NOT NULL, os_platform text NOT NULL,
      os_distribution text NOT NULL, os_family text NOT NULL, status text NOT NULL,
      words text[] NOT NULL, list_order integer NOT NULL,
      CONSTRAINT uq_image_record UNIQUE (connection_name, record_key))`);
    // Images list in (list_order, id) order, list_order a hash of the record's identity: every filter's matches are
    // spread evenly along it (as the planner assumes), so a page is found after a predictable number of rows.
    await q.query(`CREATE INDEX ix_image_order ON image (list_order, id) WHERE removed_at IS NULL`);
    await q.query(`CREATE INDEX ix_image_region ON image (region, list_order, id) WHERE removed_at IS NULL`);
    // Keywords match whole words here (typos and partial words are expanded against search_word first); region in
    // the same GIN (btree_gin) intersects "words in this region" inside the index instead of on the heap.
    await q.query(`CREATE INDEX ix_image_words ON image USING gin (region, words) WHERE removed_at IS NULL`);
    await q.query(`CREATE TABLE search_word (word text PRIMARY KEY)`);
    await q.query(`CREATE INDEX ix_search_word_trgm ON search_word USING gin (word gin_trgm_ops)`);

    await q.query(`CREATE TABLE spec (${RECORD},
      region text NOT NULL, name text NOT NULL, vcpu integer, clock_ghz real, mem_mib integer, mem_gib real,
      disk_gb integer, gpu_count integer NOT NULL, gpu_model text, architecture text, search_text text NOT NULL,
      CONSTRAINT uq_spec_record UNIQUE (connection_name, record_key))`);
    await q.query(`CREATE INDEX ix_spec_shape ON spec (vcpu, mem_gib) WHERE removed_at IS NULL`);
    await q.query(`CREATE INDEX ix_spec_search ON spec USING gin (search_text gin_trgm_ops) WHERE removed_at IS NULL`);

    await q.query(`CREATE TABLE price (${RECORD},
      region text NOT NULL, product_family text NOT NULL, product_id text NOT NULL, zone_name text,
      spec_name text, price numeric, unit text, currency text, pricing_id text, description text,
      CONSTRAINT uq_price_record UNIQUE (connection_name, record_key))`);
    await q.query(`CREATE INDEX ix_price_spec ON price (connection_name, spec_name) WHERE removed_at IS NULL`);
    await q.query(`CREATE INDEX ix_price_value ON price (price, id) WHERE removed_at IS NULL`);

    await q.query(`CREATE TABLE region (${RECORD},
      name text NOT NULL, display_name text, csp_display_name text, latitude double precision,
      longitude double precision, zones jsonb NOT NULL,
      CONSTRAINT uq_region_record UNIQUE (connection_name, record_key))`);

    await q.query(`CREATE TABLE product_family (${RECORD},
      region text NOT NULL, name text NOT NULL,
      CONSTRAINT uq_product_family_record UNIQUE (connection_name, record_key))`);

    await q.query(`CREATE TABLE sync_run (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), connection_name text, kinds text[] NOT NULL,
      trigger text NOT NULL, status text NOT NULL, error text,
      created_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz)`);
    await q.query(`CREATE INDEX ix_sync_run_status ON sync_run (status) WHERE status = 'running'`);
    await q.query(`CREATE TABLE sync_task (
      id bigserial PRIMARY KEY, run_id uuid NOT NULL REFERENCES sync_run(id) ON DELETE CASCADE,
      connection_name text NOT NULL, kind text NOT NULL, status text NOT NULL DEFAULT 'pending',
      received integer NOT NULL DEFAULT 0, added integer NOT NULL DEFAULT 0, changed integer NOT NULL DEFAULT 0,
      removed integer NOT NULL DEFAULT 0, unchanged integer NOT NULL DEFAULT 0, attempts integer NOT NULL DEFAULT 0,
      error text, started_at timestamptz, finished_at timestamptz,
      CONSTRAINT uq_sync_task UNIQUE (run_id, connection_name, kind))`);

    // What each sync changed, record by record: the history behind removed_at / updated_at.
    await q.query(`CREATE TABLE record_change (
      task_id bigint NOT NULL REFERENCES sync_task(id) ON DELETE CASCADE, kind text NOT NULL,
      record_id bigint NOT NULL, change text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX ix_record_change_task ON record_change (task_id)`);

    // One row per day, kind and group: the counts statistics are read from.
    await q.query(`CREATE TABLE catalog_snapshot (
      day date NOT NULL, kind text NOT NULL, provider text NOT NULL, region text NOT NULL, os text NOT NULL,
      count integer NOT NULL, CONSTRAINT pk_catalog_snapshot PRIMARY KEY (kind, day, provider, region, os))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'search_word',
      'catalog_snapshot',
      'record_change',
      'sync_task',
      'sync_run',
      'product_family',
      'region',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    for (const table of ['price', 'spec', 'image', 'connection']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}

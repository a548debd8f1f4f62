import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * record_change rows are written only by the sync task they name, in that task's own transaction, so the foreign
 * key to sync_task could never fail; checking it cost a trigger call per logged change (about 10 µs each, seconds
 * of a million-image sync). Runs and tasks are never deleted by the service; whoever prunes them prunes
 * record_change by task_id (indexed) as well.
 */
export class RecordChangeUnchecked1768000000001 implements MigrationInterface {
  name = 'RecordChangeUnchecked1768000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE record_change DROP CONSTRAINT IF EXISTS record_change_task_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE record_change ADD CONSTRAINT record_change_task_id_fkey
      FOREIGN KEY (task_id) REFERENCES sync_task(id) ON DELETE CASCADE`);
  }
}

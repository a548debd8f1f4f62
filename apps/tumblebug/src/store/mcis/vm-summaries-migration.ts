import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * VmInfo's `spec{}` and `image{}`: what the VM was created with (vCPU, memory, cost, accelerator; OS type,
 * architecture, distribution), kept with the VM as upstream keeps it. VMs created before carry `{}`.
 */
export class McisVmSummaries1767400000002 implements MigrationInterface {
  name = 'McisVmSummaries1767400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE mcis_vms ADD COLUMN spec_summary jsonb NOT NULL DEFAULT '{}', ADD COLUMN image_summary jsonb NOT NULL DEFAULT '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE mcis_vms DROP COLUMN spec_summary, DROP COLUMN image_summary`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** DELETE ?option=force: the MCIS goes once every VM's terminate was sent, whatever the cloud answered. */
export class McisForceDelete1767400000001 implements MigrationInterface {
  name = 'McisForceDelete1767400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE mcis ADD COLUMN force_delete boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE mcis DROP COLUMN force_delete`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MCIS and its VMs. A VM's spider name is unique per connection so that two creations can never claim
 * the same cloud VM; the work index finds what is owed to spider without scanning Running VMs.
 */
export class McisSchema1767400000000 implements MigrationInterface {
  name = 'McisSchema1767400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE mcis (
        ns_id text NOT NULL REFERENCES namespaces (id) ON DELETE RESTRICT,
        id text NOT NULL,
        uid text NOT NULL,
        description text NOT NULL DEFAULT '',
        install_mon_agent text NOT NULL DEFAULT 'no',
        label jsonb NOT NULL DEFAULT '{}',
        system_label text NOT NULL DEFAULT '',
        placement_algo text NOT NULL DEFAULT '',
        policy_on_partial_failure text NOT NULL DEFAULT 'continue',
        post_command jsonb,
        target_action text NOT NULL,
        target_status text NOT NULL,
        status text NOT NULL,
        delete_requested boolean NOT NULL DEFAULT false,
        hold boolean NOT NULL DEFAULT false,
        system_message jsonb NOT NULL DEFAULT '[]',
        creation_errors jsonb,
        new_vm_list jsonb NOT NULL DEFAULT '[]',
        request_id text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ns_id, id)
      )`);
    await queryRunner.query(`
      CREATE TABLE mcis_vms (
        ns_id text NOT NULL,
        mcis_id text NOT NULL,
        id text NOT NULL,
        uid text NOT NULL,
        sub_group_id text NOT NULL,
        sub_group_index integer NOT NULL,
        csp_resource_name text NOT NULL,
        csp_resource_id text NOT NULL DEFAULT '',
        connection_name text NOT NULL,
        provider_name text NOT NULL,
        region_name text NOT NULL DEFAULT '',
        location jsonb NOT NULL DEFAULT '{}',
        spec_id text NOT NULL,
        csp_spec_name text NOT NULL,
        image_id text NOT NULL,
        csp_image_name text NOT NULL,
        image_type text NOT NULL DEFAULT 'PublicImage',
        resources jsonb NOT NULL,
        vm_user_name text NOT NULL DEFAULT '',
        vm_user_password text NOT NULL DEFAULT '',
        root_disk_type text NOT NULL DEFAULT '',
        root_disk_size integer NOT NULL DEFAULT 0,
        label jsonb NOT NULL DEFAULT '{}',
        description text NOT NULL DEFAULT '',
        status text NOT NULL,
        target_status text NOT NULL,
        target_action text NOT NULL,
        native_status text NOT NULL DEFAULT '',
        system_message text NOT NULL DEFAULT '',
        pending_action text NOT NULL DEFAULT '',
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        access jsonb NOT NULL DEFAULT '{}',
        status_checked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ns_id, mcis_id, id),
        FOREIGN KEY (ns_id, mcis_id) REFERENCES mcis (ns_id, id) ON DELETE CASCADE,
        UNIQUE (connection_name, csp_resource_name)
      )`);
    await queryRunner.query(`CREATE INDEX mcis_vms_pending ON mcis_vms (next_attempt_at) WHERE pending_action <> ''`);
    await queryRunner.query(`CREATE INDEX mcis_vms_connection ON mcis_vms (connection_name, status)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE mcis_vms`);
    await queryRunner.query(`DROP TABLE mcis`);
  }
}

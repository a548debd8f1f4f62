import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One MCIS: what the user asked for, the action in progress and how its creation ended. */
@Entity('mcis')
export class McisEntity {
  @PrimaryColumn('text') nsId!: string;
  @PrimaryColumn('text') id!: string;
  @Column('text') uid!: string;
  @Column('text') description!: string;
  @Column('text') installMonAgent!: string;
  @Column('jsonb') label!: Record<string, string>;
  @Column('text') systemLabel!: string;
  @Column('text') placementAlgo!: string;
  /** continue | rollback | refine */
  @Column('text') policyOnPartialFailure!: string;
  @Column('jsonb', { nullable: true }) postCommand!: unknown;
  /** Create | Suspend | ... | None; `Create` until every VM of the creation has settled and the policy ran. */
  @Column('text') targetAction!: string;
  @Column('text') targetStatus!: string;
  /** The aggregate status string last announced (cb.tumblebug.mcis.status_changed). */
  @Column('text') status!: string;
  /** Set by DELETE ?option=terminate: the MCIS goes away once every VM is Terminated. */
  @Column('boolean') deleteRequested!: boolean;
  /** Set by DELETE ?option=force: the MCIS goes once every VM's terminate was sent, even if the cloud refused it. */
  @Column('boolean') forceDelete!: boolean;
  /** Held by ?option=hold until control continue | withdraw. */
  @Column('boolean') hold!: boolean;
  @Column('jsonb') systemMessage!: string[];
  @Column('jsonb', { nullable: true }) creationErrors!: Record<string, unknown> | null;
  @Column('jsonb') newVmList!: string[];
  /** X-Request-Id of the request that created it, so its tracking entry can be completed after a restart. */
  @Column('text') requestId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

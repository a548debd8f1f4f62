import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('namespaces')
export class NamespaceEntity {
  @PrimaryColumn('text') id!: string;
  @Column('text') uid!: string;
  @Column('text') name!: string;
  @Column('text') description!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

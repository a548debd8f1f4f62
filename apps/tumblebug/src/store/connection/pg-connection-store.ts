import type { DataSource } from 'typeorm';
import { Not, In } from 'typeorm';
import type { Connection, ConnectionStore } from '../../domain/connection/connection';
import { ConnectionEntity } from './connection.entity';

const toConnection = ({ updatedAt: _updatedAt, ...connection }: ConnectionEntity): Connection => connection;

export class PgConnectionStore implements ConnectionStore {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ConnectionEntity);
  }

  async upsert(connection: Connection): Promise<void> {
    await this.repo.upsert(connection, ['configName']);
  }

  async retainOnly(configNames: string[]): Promise<void> {
    if (configNames.length) await this.repo.delete({ configName: Not(In(configNames)) });
    else await this.repo.createQueryBuilder().delete().execute();
  }

  async remove(configName: string): Promise<boolean> {
    return ((await this.repo.delete({ configName })).affected ?? 0) > 0;
  }

  async list(): Promise<Connection[]> {
    return (await this.repo.find({ order: { configName: 'ASC' } })).map(toConnection);
  }

  async find(configName: string): Promise<Connection | undefined> {
    const row = await this.repo.findOneBy({ configName });
    return row ? toConnection(row) : undefined;
  }
}

import { isForeignKeyViolation, isUniqueViolation } from '@cb/db';
import { AlreadyExistsError, ConflictError } from '@cb/errors';
import type { DataSource } from 'typeorm';
import type { Namespace, NamespaceStore } from '../../domain/namespace/namespace';
import { NamespaceEntity } from './namespace.entity';

const toNamespace = ({ id, uid, name, description }: NamespaceEntity): Namespace => ({ id, uid, name, description });

export class PgNamespaceStore implements NamespaceStore {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(NamespaceEntity);
  }

  async insert(ns: Namespace): Promise<Namespace> {
    try {
      await this.repo.insert({ ...ns }); // a copy: TypeORM writes generated columns back into what it is given
    } catch (error) {
      if (isUniqueViolation(error))
        throw new AlreadyExistsError(`The namespace ${ns.id} already exists.`, { nsId: ns.id });
      throw error;
    }
    return ns;
  }

  async list(): Promise<Namespace[]> {
    return (await this.repo.find({ order: { id: 'ASC' } })).map(toNamespace);
  }

  async find(id: string): Promise<Namespace | undefined> {
    const row = await this.repo.findOneBy({ id });
    return row ? toNamespace(row) : undefined;
  }

  async update(id: string, changes: { name: string; description: string }): Promise<Namespace | undefined> {
    await this.repo.update({ id }, changes);
    return this.find(id);
  }

  async delete(id: string): Promise<boolean> {
    try {
      return ((await this.repo.delete({ id })).affected ?? 0) > 0;
    } catch (error) {
      // Something was created in it between the emptiness check and the delete.
      if (isForeignKeyViolation(error))
        throw new ConflictError(`Cannot delete namespace ${id}: it is not empty`, { nsId: id });
      throw error;
    }
  }
}

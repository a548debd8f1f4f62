import { SnakeNamingStrategy, snakeCase } from './snake-naming-strategy';

describe('snakeCase', () => {
  it.each([
    ['vmSpecName', 'vm_spec_name'],
    ['ConnectionConfigEntity', 'connection_config_entity'],
    ['publishedAt', 'published_at'],
    ['vmID', 'vm_id'],
    ['HTTPServer', 'http_server'],
    ['already_snake', 'already_snake'],
  ])('turns %s into %s', (input, output) => expect(snakeCase(input)).toBe(output));
});

describe('SnakeNamingStrategy', () => {
  const naming = new SnakeNamingStrategy();

  it('snake-cases table and column names unless the decorator names them', () => {
    expect(naming.tableName('OutboxEvent', undefined)).toBe('outbox_event');
    expect(naming.tableName('OutboxEvent', 'outbox_events')).toBe('outbox_events');
    expect(naming.columnName('createdAt', undefined as unknown as string, [])).toBe('created_at');
    expect(naming.columnName('createdAt', 'made_at', [])).toBe('made_at');
  });

  it('prefixes embedded columns with their snake-cased path', () => {
    expect(naming.columnName('nameId', undefined as unknown as string, ['vmIid'])).toBe('vm_iid_name_id');
  });

  it('names join columns and join tables in snake_case', () => {
    expect(naming.joinColumnName('mcisGroup', 'id')).toBe('mcis_group_id');
    expect(naming.joinTableName('mcis', 'vm', 'attachedVms', 'mcis')).toBe('mcis_attached_vms_vm');
    expect(naming.joinTableColumnName('mcis', 'id')).toBe('mcis_id');
  });
});

/** The part of JSON Schema (2020-12, as OpenAPI 3.1 and zod's toJSONSchema write it) turned into TS. */
export interface JsonSchema {
  type?: string | string[];
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: boolean | JsonSchema;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  description?: string;
  format?: string;
}

/** `search-page` / `drivers` → `SearchPage` / `Drivers`. */
export function typeNameOf(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function objectType(schema: JsonSchema, indent: string): string {
  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const members = Object.entries(schema.properties ?? {}).map(([key, property]) => {
    const doc = property.description ? `${inner}/** ${property.description} */\n` : '';
    const name = identifier.test(key) ? key : JSON.stringify(key);
    return `${doc}${inner}${name}${required.has(key) ? '' : '?'}: ${schemaToType(property, inner)};`;
  });
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object') {
    members.push(`${inner}[key: string]: ${schemaToType(extra, inner)};`);
  } else if (extra === undefined && !schema.properties) {
    members.push(`${inner}[key: string]: unknown;`);
  }
  return members.length ? `{\n${members.join('\n')}\n${indent}}` : 'Record<string, unknown>';
}

export function schemaToType(schema: JsonSchema, indent: string): string {
  if (schema.$ref) return typeNameOf(schema.$ref.split('/').pop() ?? 'unknown');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  if (schema.allOf) return schema.allOf.map((part) => schemaToType(part, indent)).join(' & ');
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((part) => schemaToType(part, indent)).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return types.map((type) => schemaToType({ ...schema, type }, indent)).join(' | ');
  switch (types[0]) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `Array<${schema.items ? schemaToType(schema.items, indent) : 'unknown'}>`;
    case 'object':
      return objectType(schema, indent);
    default:
      return schema.properties ? objectType(schema, indent) : 'unknown';
  }
}

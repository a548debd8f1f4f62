// Generates TypeScript types from a service's OpenAPI document (components.schemas and the query
// parameters of each GET), so the console never hand-writes request or response shapes.
//   npx tsx apps/waterstrider/scripts/gen-api-types.ts <name> <openapi.json file or URL> [user:password]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaToType, typeNameOf, type JsonSchema } from './json-schema-to-ts';

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
  description?: string;
}
interface OpenApiDocument {
  info?: { title?: string; version?: string };
  paths?: Record<string, Record<string, { parameters?: OpenApiParameter[]; summary?: string }>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export function generateApiTypes(serviceName: string, document: OpenApiDocument): string {
  const lines = [
    `// Generated from the ${document.info?.title ?? serviceName} OpenAPI document (${document.info?.version ?? '?'})`,
    '// by scripts/gen-api-types.ts. Do not edit: regenerate.',

    '',
  ];
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    if (schema.description) lines.push(`/** ${schema.description} */`);
    lines.push(`export type ${typeNameOf(name)} = ${schemaToType(schema, '')};`, '');
  }
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    const query = (operations.get?.parameters ?? []).filter((parameter) => parameter.in === 'query');
    if (query.length === 0) continue;
    const name = `${path
      .split('/')
      .filter((part) => part && !part.startsWith('{'))
      .map((part) => typeNameOf(part))
      .join('')}Query`;
    if (operations.get?.summary) lines.push(`/** Query of GET ${path}: ${operations.get.summary} */`);
    lines.push(`export interface ${name} {`);
    for (const parameter of query) {
      const doc = parameter.description ?? parameter.schema?.description;
      if (doc) lines.push(`  /** ${doc} */`);
      lines.push(`  ${parameter.name}${parameter.required ? '' : '?'}: ${schemaToType(parameter.schema ?? {}, '  ')};`);
    }
    lines.push('}', '');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const [serviceName, source, credentials] = process.argv.slice(2);
  if (!serviceName || !source) {
    console.error('usage: gen-api-types <name> <openapi.json file or URL> [user:password]');
    process.exit(2);
  }
  let document: OpenApiDocument;
  if (/^https?:/.test(source)) {
    const headers: Record<string, string> = credentials
      ? { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` }
      : {};
    const response = await fetch(source, { headers });
    if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
    document = (await response.json()) as OpenApiDocument;
  } else {
    document = JSON.parse(readFileSync(source, 'utf8')) as OpenApiDocument;
  }
  const out = join(__dirname, '../src/app/api/generated', `${serviceName}.ts`);
  writeFileSync(out, generateApiTypes(serviceName, document));
  process.stdout.write(`wrote ${out}\n`);
}

if (require.main === module) void main();

import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';
type JsonSchema = Record<string, unknown>;

export interface OpenApiResponse {
  description: string;
  schema?: z.ZodType;
}

export interface OpenApiOperation {
  method: HttpMethod;
  /** Relative to the service's base path, express style (`/vpc/:Name`) or OpenAPI style (`/vpc/{Name}`). */
  path: string;
  summary?: string;
  description?: string;
  tags?: string[];
  operationId?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Partial<Record<number | 'default', OpenApiResponse>>;
  /** Open to everyone (no Basic auth), like health and version paths. */
  public?: boolean;
}

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

/** A finished OpenAPI 3.1 document (plain JSON). */
export type OpenApiDocument = Record<string, unknown> & { openapi: string; paths: Record<string, unknown> };

/** zod puts shared and recursive schemas in `$defs`; in an OpenAPI document they live in components. */
function moveRefsToComponents(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(moveRefsToComponents);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, child]) =>
      key === '$ref' && typeof child === 'string'
        ? [key, child.replace(/^#\/\$defs\//, '#/components/schemas/')]
        : [key, moveRefsToComponents(child)],
    ),
  );
}

function toOpenApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/**
 * Builds a service's OpenAPI document from the same zod schemas its routes validate with, so the
 * document cannot drift from the code. Schemas with `.meta({ id })` become named components.
 */
export class OpenApiBuilder {
  private readonly operations: OpenApiOperation[] = [];

  constructor(private readonly info: OpenApiInfo) {}

  add(operation: OpenApiOperation): this {
    this.operations.push(operation);
    return this;
  }

  /** The document; `serverUrl` (the base path) makes every path relative to it. */
  build(options: { serverUrl?: string; basicAuth?: boolean } = {}): OpenApiDocument {
    const components: Record<string, unknown> = {};
    const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
      const { $schema: _dialect, $defs, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
      for (const [name, definition] of Object.entries($defs ?? {})) components[name] = moveRefsToComponents(definition);
      return moveRefsToComponents(rest) as JsonSchema;
    };

    const paths: Record<string, Record<string, unknown>> = {};
    for (const operation of this.operations) {
      const path = toOpenApiPath(operation.path);
      paths[path] ??= {};
      paths[path][operation.method] = this.operationObject(operation, schemaOf, options.basicAuth ?? false);
    }

    return {
      openapi: '3.1.0',
      info: { ...this.info },
      ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
      paths,
      components: {
        schemas: components,
        ...(options.basicAuth ? { securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' } } } : {}),
      },
      ...(options.basicAuth ? { security: [{ basicAuth: [] }] } : {}),
    };
  }

  private operationObject(
    operation: OpenApiOperation,
    schemaOf: (schema: z.ZodType, io: 'input' | 'output') => JsonSchema,
    basicAuth: boolean,
  ): Record<string, unknown> {
    const parameters = [
      ...this.parameters(operation.params, 'path', schemaOf),
      ...this.parameters(operation.query, 'query', schemaOf),
    ];
    const responses = Object.fromEntries(
      Object.entries(operation.responses as Record<string, OpenApiResponse>).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.schema
            ? { content: { 'application/json': { schema: schemaOf(response.schema, 'output') } } }
            : {}),
        },
      ]),
    );
    return {
      ...(operation.operationId ? { operationId: operation.operationId } : {}),
      ...(operation.summary ? { summary: operation.summary } : {}),
      ...(operation.description ? { description: operation.description } : {}),
      ...(operation.tags ? { tags: operation.tags } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(operation.body
        ? {
            requestBody: {
              required: !operation.body.safeParse(undefined).success,
              content: { 'application/json': { schema: schemaOf(operation.body, 'input') } },
            },
          }
        : {}),
      responses,
      ...(operation.public && basicAuth ? { security: [] } : {}),
    };
  }

  private parameters(
    schema: z.ZodObject | undefined,
    where: 'path' | 'query',
    schemaOf: (schema: z.ZodType, io: 'input' | 'output') => JsonSchema,
  ): Record<string, unknown>[] {
    if (!schema) return [];
    const json = schemaOf(schema, 'input');
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required ?? []) as string[]);
    return Object.entries(properties).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(typeof property.description === 'string' ? { description: property.description } : {}),
      schema: property,
    }));
  }
}

import { z } from 'zod';
import { SUPPORTED_PLUGINS } from '../plugins/registry';
import { flattenIssues } from './config-error';

/**
 * The subset of Kong 3.x declarative config (`_format_version: "3.0"`) the embedded gateway serves.
 * Objects are strict: a key we do not know is a start-up error, never silently ignored, so the file
 * cannot mean one thing to Kong and another to us.
 */

const tags = z.array(z.string()).optional();
const id = z.string().min(1).optional();
const timeout = z.number().int().min(1).max(2147483646);
/** Kong refers to another entity by name or id, either as a string or as `{ name }` / `{ id }`. */
const reference = z.union([
  z.string().min(1),
  z.strictObject({ name: z.string().min(1) }),
  z.strictObject({ id: z.string().min(1) }),
]);

export const pluginEntity = z
  .strictObject({
    name: z.string().min(1),
    config: z.record(z.string(), z.unknown()).nullish(),
    enabled: z.boolean().default(true),
    protocols: z.array(z.enum(['http', 'https', 'grpc', 'grpcs'])).optional(),
    instance_name: z.string().optional(),
    service: reference.optional(),
    route: reference.optional(),
    id,
    tags,
  })
  .superRefine((plugin, ctx) => {
    if (typeof plugin.name !== 'string') return;
    const definition = SUPPORTED_PLUGINS.get(plugin.name);
    if (!definition) {
      const supported = [...SUPPORTED_PLUGINS.keys()].join(', ');
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: `unsupported plugin "${plugin.name}" (supported: ${supported})`,
      });
      return;
    }
    const parsed = definition.configSchema.safeParse(plugin.config ?? {});
    if (parsed.success) return;
    for (const issue of flattenIssues(parsed.error.issues)) {
      ctx.addIssue({ code: 'custom', path: ['config', ...issue.path], message: issue.message });
    }
  });

const routePath = z
  .string()
  .refine((path) => !path.startsWith('~'), {
    message: 'regex paths are not supported by the embedded gateway; use a prefix path',
  })
  .refine((path) => path.startsWith('/'), { message: 'a path must start with "/"' });

export const routeEntity = z
  .strictObject({
    name: z.string().min(1).optional(),
    paths: z.array(routePath).min(1).optional(),
    methods: z
      .array(z.string().regex(/^[A-Z]+$/, 'methods are upper-case HTTP methods'))
      .min(1)
      .optional(),
    hosts: z.array(z.string().min(1)).min(1).optional(),
    strip_path: z.boolean().default(true),
    preserve_host: z.boolean().default(false),
    protocols: z
      .array(z.enum(['http', 'https']))
      .min(1)
      .default(['http', 'https']),
    path_handling: z.enum(['v0', 'v1']).default('v0'),
    https_redirect_status_code: z
      .union([z.literal(426), z.literal(301), z.literal(302), z.literal(307), z.literal(308)])
      .default(426),
    regex_priority: z.number().int().default(0),
    request_buffering: z.boolean().optional(),
    response_buffering: z.boolean().optional(),
    service: reference.optional(),
    plugins: z.array(pluginEntity).default([]),
    id,
    tags,
  })
  .refine((route) => route.paths || route.methods || route.hosts, {
    message: 'a route needs at least one of paths, methods or hosts',
  });

export const serviceEntity = z
  .strictObject({
    name: z.string().min(1),
    url: z.url({ protocol: /^https?$/, error: 'url must be an http:// or https:// URL' }).optional(),
    protocol: z.enum(['http', 'https']).optional(),
    host: z.string().min(1).optional(),
    port: z.number().int().min(0).max(65535).optional(),
    path: z.string().startsWith('/').optional(),
    connect_timeout: timeout.default(60_000),
    read_timeout: timeout.default(60_000),
    write_timeout: timeout.default(60_000),
    retries: z.number().int().min(0).max(32767).default(5),
    enabled: z.boolean().default(true),
    routes: z.array(routeEntity).default([]),
    plugins: z.array(pluginEntity).default([]),
    id,
    tags,
  })
  .refine((service) => Boolean(service.url) !== Boolean(service.host), {
    message: 'a service needs either url or host (not both)',
  });

const basicauthCredential = z.strictObject({ username: z.string().min(1), password: z.string(), id, tags });
const keyauthCredential = z.strictObject({ key: z.string().min(1), ttl: z.number().int().optional(), id, tags });

export const consumerEntity = z
  .strictObject({
    username: z.string().min(1).optional(),
    custom_id: z.string().min(1).optional(),
    basicauth_credentials: z.array(basicauthCredential).default([]),
    keyauth_credentials: z.array(keyauthCredential).default([]),
    id,
    tags,
  })
  .refine((consumer) => consumer.username || consumer.custom_id, { message: 'a consumer needs username or custom_id' });

export const kongFileSchema = z.strictObject({
  _format_version: z.literal('3.0', { error: '_format_version must be "3.0"' }),
  _transform: z.boolean().optional(),
  services: z.array(serviceEntity).default([]),
  routes: z.array(routeEntity).default([]),
  consumers: z.array(consumerEntity).default([]),
  plugins: z.array(pluginEntity).default([]),
});

export type KongFile = z.infer<typeof kongFileSchema>;
export type KongService = z.infer<typeof serviceEntity>;
export type KongRoute = z.infer<typeof routeEntity>;
export type KongPlugin = z.infer<typeof pluginEntity>;
export type KongConsumer = z.infer<typeof consumerEntity>;
export type KongReference = z.infer<typeof reference>;

import { ConsumerDirectory, type ConsumerRecord } from '../plugins/consumer-directory';
import type { ConfigProblem } from './config-error';
import type { KongFile, KongReference, KongRoute, KongService } from './entities.schema';
import { pluginChooser, type DeclaredPlugin } from './resolve-plugins';
import type { ConsumerOverrides, GatewayConfig, GatewayRoute, UpstreamOverrides, UpstreamService } from './resolved';

export interface ResolveOptions {
  upstreamOverrides?: UpstreamOverrides;
  consumerOverrides?: ConsumerOverrides;
  now?: () => number;
}

function referenceName(ref: KongReference): string {
  if (typeof ref === 'string') return ref;
  return 'name' in ref ? ref.name : ref.id;
}

function upstreamOf(service: KongService, override: string | undefined): UpstreamService {
  const base = service.url ? new URL(service.url) : undefined;
  const protocol = (base ? base.protocol.slice(0, -1) : (service.protocol ?? 'http')) as 'http' | 'https';
  const where = override ? new URL(override) : undefined;
  const finalProtocol = where ? (where.protocol.slice(0, -1) as 'http' | 'https') : protocol;
  const defaultPort = finalProtocol === 'https' ? 443 : 80;
  const host = where?.hostname ?? base?.hostname ?? (service.host as string);
  const port = where
    ? Number(where.port || defaultPort)
    : base
      ? Number(base.port || defaultPort)
      : (service.port ?? 80);
  // `http://spider:1024` has no path in Kong (null); `http://spider:1024/` has "/".
  const path = base ? (service.url?.replace(/^https?:\/\/[^/?#]*/, '') ? base.pathname : undefined) : service.path;
  return {
    name: service.name,
    protocol: finalProtocol,
    host: host.replace(/^\[|\]$/g, ''),
    port,
    path,
    connectTimeoutMs: service.connect_timeout,
    readTimeoutMs: service.read_timeout,
    writeTimeoutMs: service.write_timeout,
    retries: service.retries,
  };
}

function consumersOf(file: KongFile, overrides: ConsumerOverrides, problems: ConfigProblem[]): ConsumerRecord[] {
  const records: ConsumerRecord[] = file.consumers.map((c) => ({
    username: c.username ?? (c.custom_id as string),
    id: c.id,
    basicauthCredentials: c.basicauth_credentials.map(({ username, password }) => ({ username, password })),
    keyauthCredentials: c.keyauth_credentials.map(({ key, id }) => ({ key, id })),
  }));
  for (const [username, override] of Object.entries(overrides)) {
    const record = records.find((r) => r.username === username);
    if (!record) {
      problems.push({ path: `consumerOverrides.${username}`, message: `no consumer "${username}" in the file` });
      continue;
    }
    if (override.basicauthCredentials) record.basicauthCredentials = override.basicauthCredentials;
    if (override.keyauthCredentials) record.keyauthCredentials = override.keyauthCredentials;
  }
  const seen = { consumer: new Set<string>(), basic: new Set<string>(), key: new Set<string>() };
  records.forEach((r, i) => {
    if (seen.consumer.has(r.username))
      problems.push({ path: `consumers[${i}]`, message: `duplicate consumer "${r.username}"` });
    seen.consumer.add(r.username);
    for (const c of r.basicauthCredentials) {
      if (seen.basic.has(c.username)) {
        problems.push({ path: `consumers[${i}]`, message: `basic-auth username "${c.username}" is used twice` });
      }
      seen.basic.add(c.username);
    }
    for (const c of r.keyauthCredentials) {
      if (seen.key.has(c.key)) problems.push({ path: `consumers[${i}]`, message: 'an API key is used twice' });
      seen.key.add(c.key);
    }
  });
  return records;
}

/**
 * Turns the validated file into routes ready to serve: services' upstreams (after overrides), each
 * route's plugins, consumers. Cross-entity problems (dangling or duplicate names) are collected, not thrown.
 */
export function resolveConfig(file: KongFile, options: ResolveOptions, problems: ConfigProblem[]): GatewayConfig {
  const upstreamOverrides = options.upstreamOverrides ?? {};
  const services = new Map<string, { entity: KongService; upstream: UpstreamService }>();
  file.services.forEach((entity, i) => {
    if (services.has(entity.name))
      problems.push({ path: `services[${i}].name`, message: `duplicate service "${entity.name}"` });
    services.set(entity.name, { entity, upstream: upstreamOf(entity, upstreamOverrides[entity.name]) });
  });
  for (const [name, url] of Object.entries(upstreamOverrides)) {
    if (!services.has(name))
      problems.push({ path: `upstreamOverrides.${name}`, message: `no service "${name}" in the file` });
    else if (!/^https?:\/\/[^/]+/.test(url)) {
      problems.push({ path: `upstreamOverrides.${name}`, message: `"${url}" is not an http(s) URL` });
    }
  }

  const plugins: DeclaredPlugin[] = file.plugins.map((entity, i) => ({
    entity,
    at: `plugins[${i}]`,
    serviceName: entity.service && referenceName(entity.service),
    routeName: entity.route && referenceName(entity.route),
  }));
  const routes: Array<{ entity: KongRoute; at: string; name: string; serviceName?: string }> = [];
  file.services.forEach((service, i) => {
    service.plugins.forEach((entity, j) =>
      plugins.push({ entity, at: `services[${i}].plugins[${j}]`, serviceName: service.name }),
    );
    service.routes.forEach((entity, j) => {
      routes.push({
        entity,
        at: `services[${i}].routes[${j}]`,
        name: entity.name ?? `${service.name}-${j}`,
        serviceName: service.name,
      });
    });
  });
  file.routes.forEach((entity, i) => {
    const serviceName = entity.service && referenceName(entity.service);
    routes.push({ entity, at: `routes[${i}]`, name: entity.name ?? `route-${i}`, serviceName });
  });
  for (const route of routes) {
    route.entity.plugins.forEach((entity, j) => {
      plugins.push({ entity, at: `${route.at}.plugins[${j}]`, routeName: route.name });
    });
  }

  const routeNames = new Set<string>();
  for (const route of routes) {
    if (routeNames.has(route.name))
      problems.push({ path: `${route.at}.name`, message: `duplicate route "${route.name}"` });
    routeNames.add(route.name);
    if (!route.serviceName) problems.push({ path: route.at, message: 'a route without a service cannot be proxied' });
    else if (!services.has(route.serviceName)) {
      problems.push({ path: `${route.at}.service`, message: `no service "${route.serviceName}" in the file` });
    }
  }
  const scopes = new Set<string>();
  for (const plugin of plugins) {
    if (plugin.serviceName && !services.has(plugin.serviceName)) {
      problems.push({ path: `${plugin.at}.service`, message: `no service "${plugin.serviceName}" in the file` });
    }
    if (plugin.routeName && !routeNames.has(plugin.routeName)) {
      problems.push({ path: `${plugin.at}.route`, message: `no route "${plugin.routeName}" in the file` });
    }
    const scope = `${plugin.entity.name}|${plugin.serviceName ?? ''}|${plugin.routeName ?? ''}`;
    if (scopes.has(scope))
      problems.push({ path: plugin.at, message: `plugin "${plugin.entity.name}" is declared twice here` });
    scopes.add(scope);
  }

  const consumers = consumersOf(file, options.consumerOverrides ?? {}, problems);
  if (problems.length > 0) return { routes: [], consumers };

  const pluginsFor = pluginChooser(plugins, new ConsumerDirectory(consumers), options.now ?? Date.now);
  const resolved: GatewayRoute[] = routes
    .filter((route) => services.get(route.serviceName as string)?.entity.enabled)
    .map(({ entity, name, serviceName }) => ({
      name,
      service: services.get(serviceName as string)?.upstream as UpstreamService,
      paths: entity.paths,
      methods: entity.methods,
      hosts: entity.hosts,
      stripPath: entity.strip_path,
      preserveHost: entity.preserve_host,
      protocols: entity.protocols,
      pathHandling: entity.path_handling,
      httpsRedirectStatusCode: entity.https_redirect_status_code,
      plugins: pluginsFor(name, serviceName as string),
    }));
  return { routes: resolved, consumers };
}

/**
 * The path sent upstream, computed as Kong 3.x does (kong/router/utils.lua, path_handling v0 and v1):
 * with strip_path the matched prefix is removed, and the service's own path is put in front.
 * v0 keeps a slash between the service path and what follows; v1 joins them as they are.
 */
export function upstreamPath(options: {
  requestPath: string;
  matchedPrefix?: string;
  servicePath?: string;
  stripPath: boolean;
  pathHandling: 'v0' | 'v1';
}): string {
  const { requestPath, servicePath, pathHandling } = options;
  const base = servicePath ?? '/';
  const strip = options.stripPath && options.matchedPrefix !== undefined;
  const postfix = strip ? requestPath.slice((options.matchedPrefix as string).length) : requestPath;

  if (base.endsWith('/')) {
    if (!strip) return base + requestPath.slice(1);
    if (postfix === '') {
      if (base === '/') return '/';
      return requestPath.endsWith('/') ? base : base.slice(0, -1);
    }
    return postfix.startsWith('/') ? base.slice(0, -1) + postfix : base + postfix;
  }

  if (!strip) return requestPath === '/' ? base : base + requestPath;
  if (postfix === '') return requestPath.length > 1 && requestPath.endsWith('/') ? `${base}/` : base;
  if (postfix.startsWith('/') || pathHandling === 'v1') return base + postfix;
  return `${base}/${postfix}`;
}

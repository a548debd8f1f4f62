import type { GatewayRoute } from '../kong/resolved';

export interface RouteMatch {
  route: GatewayRoute;
  /** The route path that matched (a prefix of the request path); undefined for a route without paths. */
  matchedPrefix?: string;
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  if (pattern.endsWith('.*')) return host.startsWith(pattern.slice(0, -1));
  return pattern === host;
}

interface Candidate extends RouteMatch {
  weight: number;
  plainHosts: boolean;
  order: number;
}

/**
 * Kong's route choice (traditional_compatible router): among the routes whose paths, methods and hosts
 * all fit, the one with more kinds of criteria wins, then plain hosts over wildcards, then the longest
 * matching path (Kong splits a route per path, so it is the matched path that counts), then file order.
 */
export class RouteTable {
  constructor(private readonly routes: GatewayRoute[]) {}

  match(method: string, host: string, path: string): RouteMatch | undefined {
    const hostname = host.replace(/:\d+$/, '').toLowerCase();
    let best: Candidate | undefined;
    this.routes.forEach((route, order) => {
      if (route.methods && !route.methods.includes(method)) return;
      if (route.hosts && !route.hosts.some((pattern) => hostMatches(pattern.toLowerCase(), hostname))) return;
      let matchedPrefix: string | undefined;
      if (route.paths) {
        for (const prefix of route.paths) {
          if (path.startsWith(prefix) && (!matchedPrefix || prefix.length > matchedPrefix.length))
            matchedPrefix = prefix;
        }
        if (matchedPrefix === undefined) return;
      }
      const candidate: Candidate = {
        route,
        matchedPrefix,
        weight: Number(Boolean(route.paths)) + Number(Boolean(route.methods)) + Number(Boolean(route.hosts)),
        plainHosts: Boolean(route.hosts?.every((h) => !h.includes('*'))),
        order,
      };
      if (!best || better(candidate, best)) best = candidate;
    });
    return best && { route: best.route, matchedPrefix: best.matchedPrefix };
  }
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.weight !== b.weight) return a.weight > b.weight;
  if (a.plainHosts !== b.plainHosts) return a.plainHosts;
  const aLength = a.matchedPrefix?.length ?? 0;
  const bLength = b.matchedPrefix?.length ?? 0;
  if (aLength !== bLength) return aLength > bLength;
  return a.order < b.order;
}

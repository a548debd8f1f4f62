import type { IncomingMessage, ServerResponse } from 'node:http';
import type http from 'node:http';
import type https from 'node:https';
import type { GatewayLogger } from './gateway-logger';
import type { GatewayRoute } from './kong/resolved';
import type { EarlyResponse, ProxyExchange } from './plugins/types';
import { forwardRequest } from './proxy/forward-request';
import { KONG_MESSAGES, sendKongError } from './proxy/kong-errors';
import { clientAddress, upstreamHeaders } from './proxy/upstream-headers';
import type { RouteMatch, RouteTable } from './routing/route-table';
import { upstreamPath } from './routing/upstream-path';

export interface RequestHandlerDeps {
  routes: RouteTable;
  agents: { http: http.Agent; https: https.Agent };
  logger: GatewayLogger;
}

function splitUrl(url: string): { path: string; query: string } {
  const mark = url.indexOf('?');
  return mark < 0 ? { path: url, query: '' } : { path: url.slice(0, mark), query: url.slice(mark + 1) };
}

/** A route that only takes https answers plain http the way Kong does: 426, or a redirect if so configured. */
function insistOnHttps(route: GatewayRoute, req: IncomingMessage): EarlyResponse {
  const status = route.httpsRedirectStatusCode;
  if (status === 426) return { status, body: { message: KONG_MESSAGES.useHttps } };
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  return { status, headers: { Location: `https://${host}${req.url ?? '/'}` } };
}

function runPlugins(match: RouteMatch, exchange: ProxyExchange): EarlyResponse | undefined {
  for (const plugin of match.route.plugins) {
    const early = plugin.access(exchange);
    if (early) return early;
  }
  return undefined;
}

function answerEarly(req: IncomingMessage, res: ServerResponse, exchange: ProxyExchange, early: EarlyResponse): void {
  // An unread body (a 401 on a large upload) is not worth reading: close the connection after answering.
  const closing: Record<string, string> = req.complete ? {} : { Connection: 'close' };
  sendKongError(res, early.status, early.body, { ...exchange.responseHeaders, ...early.headers, ...closing });
  req.resume();
}

/** Matches a request to a route of kong.yml, runs the route's plugins, then proxies it. */
export function createRequestHandler(deps: RequestHandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const method = req.method ?? 'GET';
    const { path, query } = splitUrl(req.url ?? '/');
    const match = deps.routes.match(method, req.headers.host ?? '', path);
    if (!match) {
      sendKongError(res, 404, { message: KONG_MESSAGES.noRoute });
      req.resume();
      return;
    }
    const { route, matchedPrefix } = match;
    const stripped = route.stripPath ? matchedPrefix : undefined;
    const exchange: ProxyExchange = {
      req,
      method,
      routeName: route.name,
      serviceName: route.service.name,
      clientIp: clientAddress(req),
      upstreamHeaders: upstreamHeaders(req, route.service, {
        preserveHost: route.preserveHost,
        strippedPrefix: stripped,
        requestPath: path,
      }),
      upstreamQuery: new URLSearchParams(query),
      responseHeaders: {},
    };
    try {
      if (!route.protocols.includes('http')) return answerEarly(req, res, exchange, insistOnHttps(route, req));
      const early = runPlugins(match, exchange);
      if (early) return answerEarly(req, res, exchange, early);
    } catch (error) {
      deps.logger.error({ err: error, route: route.name }, 'gateway plugin failed');
      return answerEarly(req, res, exchange, { status: 500, body: { message: KONG_MESSAGES.unexpected } });
    }

    // Re-encode the query only when a plugin changed it (key-auth hiding its key), so it arrives as sent.
    const changedQuery = exchange.upstreamQuery.toString() !== new URLSearchParams(query).toString();
    const finalQuery = changedQuery ? exchange.upstreamQuery.toString() : query;
    const targetPath = upstreamPath({
      requestPath: path,
      matchedPrefix,
      servicePath: route.service.path,
      stripPath: route.stripPath,
      pathHandling: route.pathHandling,
    });
    forwardRequest({
      req,
      res,
      service: route.service,
      path: finalQuery ? `${targetPath}?${finalQuery}` : targetPath,
      headers: exchange.upstreamHeaders,
      responseHeaders: exchange.responseHeaders,
      maxRequestBytes: exchange.maxRequestBytes,
      agents: deps.agents,
      onError: (error, service) =>
        deps.logger.warn(
          { err: { message: error.message }, service: service.name, route: route.name },
          'upstream failed',
        ),
    });
  };
}

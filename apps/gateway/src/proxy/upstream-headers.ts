import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders } from 'node:http';
import type { UpstreamService } from '../kong/resolved';

/** Hop-by-hop headers belong to one connection and are never passed on (RFC 9110 §7.6.1). */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

export function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = { ...headers };
  const listed = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const name of [...HOP_BY_HOP, ...listed]) delete out[name];
  return out;
}

export function clientAddress(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

/**
 * The request headers as Kong sends them upstream: Host rewritten unless preserve_host, and the
 * X-Forwarded-* / X-Real-IP set from this hop (Kong trusts no incoming X-Forwarded-* by default,
 * except that X-Forwarded-For is appended to).
 */
export function upstreamHeaders(
  req: IncomingMessage,
  service: UpstreamService,
  options: { preserveHost: boolean; strippedPrefix?: string; requestPath: string },
): OutgoingHttpHeaders {
  const headers = withoutHopByHop(req.headers);
  const clientIp = clientAddress(req);
  const incomingHost = req.headers.host ?? '';
  const defaultPort = service.protocol === 'https' ? 443 : 80;
  const upstreamHost = service.port === defaultPort ? service.host : `${service.host}:${service.port}`;
  const priorFor = req.headers['x-forwarded-for'];

  headers.host = options.preserveHost && incomingHost ? incomingHost : upstreamHost;
  headers['x-real-ip'] = clientIp;
  headers['x-forwarded-for'] = priorFor ? `${priorFor}, ${clientIp}` : clientIp;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-host'] = incomingHost.replace(/:\d+$/, '');
  headers['x-forwarded-port'] = String(req.socket.localPort ?? '');
  headers['x-forwarded-path'] = options.requestPath;
  if (options.strippedPrefix) headers['x-forwarded-prefix'] = options.strippedPrefix;
  else delete headers['x-forwarded-prefix'];
  return headers;
}

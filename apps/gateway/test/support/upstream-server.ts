import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What an upstream saw of a request, sent back as JSON so tests can check what the gateway forwarded. */
export interface EchoedRequest {
  service: string;
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  bodyBytes: number;
  bodySha256: string;
}

export interface UpstreamServer {
  url: string;
  port: number;
  received: EchoedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1:0 standing in for a service. `/download/<bytes>` streams that many
 * bytes back; `/slow` never answers (for timeouts); anything else echoes the request it got.
 */
export async function startUpstream(service: string): Promise<UpstreamServer> {
  const received: EchoedRequest[] = [];
  const server = http.createServer((req, res) => {
    const download = req.url?.match(/\/download\/(\d+)$/);
    if (download) {
      streamBytes(res, Number(download[1]));
      return;
    }
    if (req.url?.endsWith('/slow')) return;
    const hash = createHash('sha256');
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => {
      bodyBytes += chunk.length;
      hash.update(chunk);
    });
    req.on('end', () => {
      const echoed = {
        service,
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        bodyBytes,
        bodySha256: hash.digest('hex'),
      };
      received.push(echoed);
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Upstream': service });
      res.end(JSON.stringify(echoed));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function streamBytes(res: http.ServerResponse, total: number): void {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
  const chunk = Buffer.alloc(64 * 1024, 7);
  let sent = 0;
  const pump = (): void => {
    while (sent < total) {
      const size = Math.min(chunk.length, total - sent);
      sent += size;
      if (!res.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

/** A port that nothing listens on: bound once, then released. */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

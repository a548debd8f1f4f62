import { testkit } from '@cb/proto';
import {
  createGrpcClient,
  createGrpcServer,
  type GrpcClient,
  type GrpcClientOptions,
  type GrpcServer,
  type GrpcServerOptions,
  type ServiceImpl,
} from '../src';

export const { EchoService } = testkit;

/** For tests that move many messages or wait out reconnects on a busy machine (jest's default is 5 s). */
export const SLOW_TEST_MS = 30_000;
export type EchoImpl = ServiceImpl<typeof EchoService>;
export type EchoClient = GrpcClient<typeof EchoService>;

/** A plain implementation of every EchoService method; tests override the ones they exercise. */
export const echoImpl: EchoImpl = {
  echo: async ({ text }) => ({ text }),
  count: async function* ({ count }) {
    for (let number = 1; number <= count; number++) yield { number };
  },
  sum: async (requests) => {
    let total = 0n;
    for await (const { number } of requests) total += number;
    return { total };
  },
  chat: async function* (requests) {
    for await (const { text } of requests) yield { text: `re: ${text}` };
  },
};

/** Starts real servers on loopback and clients to them, and stops them all after each test. */
export function echoHarness() {
  const servers: GrpcServer[] = [];
  const clients: EchoClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await Promise.all(servers.splice(0).map((server) => server.stop(0)));
  });

  return {
    async serve(impl: Partial<EchoImpl> = {}, options: GrpcServerOptions = {}, address = '127.0.0.1:0') {
      const server = createGrpcServer(options).addService(EchoService, { ...echoImpl, ...impl });
      servers.push(server);
      const port = await server.start(address);
      return { server, address: `127.0.0.1:${port}`, port };
    },
    connect(address: string, options: GrpcClientOptions = {}): EchoClient {
      const client = createGrpcClient(EchoService, address, options);
      clients.push(client);
      return client;
    },
  };
}

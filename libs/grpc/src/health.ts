import type { DescService } from '@bufbuild/protobuf';
import * as grpc from '@grpc/grpc-js';
import { HealthImplementation, service as healthService, type ServingStatus } from 'grpc-health-check';
import { fromGrpcError } from './errors';

export type { ServingStatus };

/**
 * The standard grpc.health.v1 service of one server: "" (the whole server) and every added service
 * report SERVING, until the server drains and they all report NOT_SERVING.
 */
export class ServerHealth {
  private readonly health = new HealthImplementation({ '': 'SERVING' });
  private readonly names = new Set(['']);
  private serving = true;

  addToServer(server: grpc.Server): void {
    this.health.addToServer(server);
  }

  add(service: DescService): void {
    this.names.add(service.typeName);
    this.health.setStatus(service.typeName, this.status());
  }

  setServing(serving: boolean): void {
    this.serving = serving;
    for (const name of this.names) this.health.setStatus(name, this.status());
  }

  private status(): ServingStatus {
    return this.serving ? 'SERVING' : 'NOT_SERVING';
  }
}

const HealthClient = grpc.makeGenericClientConstructor(healthService as grpc.ServiceDefinition, 'Health');

/**
 * Asks a server how it is, as load balancers and Kubernetes probes do. `service` "" means the whole
 * server. Throws NotFoundError for a service the server does not know, UnavailableError when unreachable.
 */
export async function checkHealth(
  address: string,
  service = '',
  options: { deadlineMs?: number; credentials?: grpc.ChannelCredentials } = {},
): Promise<ServingStatus> {
  const client = new HealthClient(address, options.credentials ?? grpc.credentials.createInsecure());
  try {
    return await new Promise<ServingStatus>((resolve, reject) => {
      const deadline = Date.now() + (options.deadlineMs ?? 5_000);
      client.check(
        { service },
        { deadline },
        (error: grpc.ServiceError | null, response?: { status: ServingStatus }) =>
          error ? reject(fromGrpcError(error)) : resolve(response?.status ?? 'UNKNOWN'),
      );
    });
  } finally {
    client.close();
  }
}

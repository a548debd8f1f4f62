import type { ConnectionResolving } from '../cim/connection-cache';
import type { DriverCallGateway } from '../calls';
import type { IidStore } from '../../store/resources';
import { ConnectionScope } from './connection-scope';

/** Opens a request's view of a connection: resolves the ConnectionName (upstream's errors) once per request. */
export class ResourceRuntime {
  constructor(
    private readonly resolver: ConnectionResolving,
    private readonly gateway: DriverCallGateway,
    readonly iids: IidStore,
  ) {}

  async scope(connectionName: string | undefined): Promise<ConnectionScope> {
    const target = await this.resolver.resolve(connectionName);
    return new ConnectionScope(target, this.gateway, this.iids);
  }
}

import { type DescFile, type DescService, toBinary } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { fromGrpcError } from './errors';

type ReflectionPackage = ConstructorParameters<typeof ReflectionService>[0];

/**
 * Registers server reflection (so grpcurl and Postman work without .proto files) for the given
 * services. @grpc/reflection expects a proto-loader package, but reads only the encoded file
 * descriptors from it, which protobuf-es descriptors carry: each service's file and its imports.
 */
export function addReflection(server: grpc.Server, services: readonly DescService[]): void {
  const files = new Map<string, Buffer>();
  for (const service of services) collectFiles(service.file, files);
  const pkg = { files: { fileDescriptorProtos: [...files.values()] } } as unknown as ReflectionPackage;
  new ReflectionService(pkg, { services: services.map((service) => service.typeName) }).addToServer(server);
}

function collectFiles(file: DescFile, into: Map<string, Buffer>): void {
  if (into.has(file.name)) return;
  into.set(file.name, Buffer.from(toBinary(FileDescriptorProtoSchema, file.proto)));
  for (const dependency of file.dependencies) collectFiles(dependency, into);
}

interface ReflectionResponse {
  list_services_response?: { service: { name: string }[] };
  error_response?: { error_code: number; error_message: string };
}

let reflectionClient: grpc.ServiceClientConstructor | undefined;

/** The reflection client, built on first use from the .proto that ships with @grpc/reflection. */
function reflectionClientConstructor(): grpc.ServiceClientConstructor {
  if (reflectionClient) return reflectionClient;
  const protoPath = require.resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto');
  const loaded = grpc.loadPackageDefinition(loadSync(protoPath, { keepCase: true, defaults: true, oneofs: true }));
  const v1 = (loaded.grpc as grpc.GrpcObject).reflection as grpc.GrpcObject;
  reflectionClient = (v1.v1 as grpc.GrpcObject).ServerReflection as grpc.ServiceClientConstructor;
  return reflectionClient;
}

/** The services a server lists through reflection (health and reflection themselves are not listed). */
export async function listServicesByReflection(
  address: string,
  options: { deadlineMs?: number; credentials?: grpc.ChannelCredentials } = {},
): Promise<string[]> {
  const Client = reflectionClientConstructor();
  const client = new Client(address, options.credentials ?? grpc.credentials.createInsecure());
  try {
    return await new Promise<string[]>((resolve, reject) => {
      const call: grpc.ClientDuplexStream<object, ReflectionResponse> = client.ServerReflectionInfo({
        deadline: Date.now() + (options.deadlineMs ?? 5_000),
      });
      const names: string[] = [];
      call.on('data', (response: ReflectionResponse) => {
        for (const service of response.list_services_response?.service ?? []) names.push(service.name);
      });
      call.on('error', (error: grpc.ServiceError) => reject(fromGrpcError(error)));
      call.on('end', () => resolve(names.sort()));
      call.write({ list_services: '*' });
      call.end();
    });
  } finally {
    client.close();
  }
}

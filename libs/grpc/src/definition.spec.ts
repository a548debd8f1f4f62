import { create } from '@bufbuild/protobuf';
import { testkit } from '@cb/proto';
import { toGrpcDefinition } from './definition';

describe('toGrpcDefinition', () => {
  const definition = toGrpcDefinition(testkit.EchoService);

  it('describes each method kind with its path and stream flags', () => {
    const shape = Object.fromEntries(
      Object.entries(definition).map(([name, method]) => [
        name,
        [method.path, method.originalName, method.requestStream, method.responseStream],
      ]),
    );
    expect(shape).toEqual({
      echo: ['/cb.testkit.v1.EchoService/Echo', 'Echo', false, false],
      count: ['/cb.testkit.v1.EchoService/Count', 'Count', false, true],
      sum: ['/cb.testkit.v1.EchoService/Sum', 'Sum', true, false],
      chat: ['/cb.testkit.v1.EchoService/Chat', 'Chat', true, true],
    });
  });

  it('serializes messages and plain init objects alike', () => {
    const { requestSerialize, requestDeserialize } = definition.sum;
    const fromMessage = requestSerialize(create(testkit.SumRequestSchema, { number: 42n }));
    const fromInit = requestSerialize({ number: 42n });
    expect(fromInit).toEqual(fromMessage);
    expect(requestDeserialize(fromInit)).toEqual(create(testkit.SumRequestSchema, { number: 42n }));
  });
});

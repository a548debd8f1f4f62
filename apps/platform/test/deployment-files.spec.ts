import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

// docker-compose.yml, deploy/k8s and deploy/kong/kong.yml describe one platform three times; these
// checks keep them telling the same story (the Docker engine and a cluster are not available here).
const root = join(__dirname, '../../..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const kong = parse(readFileSync(join(root, 'deploy/kong/kong.yml'), 'utf8'));
const k8sDir = join(root, 'deploy/k8s');
const kustomization = parse(readFileSync(join(k8sDir, 'kustomization.yaml'), 'utf8'));
const k8sDocs = (kustomization.resources as string[]).flatMap((file) =>
  parseAllDocuments(readFileSync(join(k8sDir, file), 'utf8')).map((doc) => doc.toJSON()),
);

const kongUpstreams = new Map<string, number>(
  (kong.services as Array<{ url: string }>).map((service) => {
    const url = new URL(service.url);
    return [url.hostname, Number(url.port)];
  }),
);
const builtServices = Object.entries(
  compose.services as Record<string, { build?: { args?: { SERVICE?: string; MAIN?: string } } }>,
)
  .filter(([, service]) => service.build)
  .map(([name, service]) => ({
    name,
    app: service.build?.args?.SERVICE,
    main: service.build?.args?.MAIN ?? 'src/main.ts',
  }));

describe('deployment files', () => {
  it('builds every compose service from an app that has a main.ts', () => {
    expect(builtServices.length).toBeGreaterThan(0);
    for (const { app, main } of builtServices) {
      expect(app).toBeDefined();
      expect(existsSync(join(root, 'apps', app as string, main))).toBe(true);
    }
  });

  it('gives every built service the host name and port the gateway routes to', () => {
    for (const { name } of builtServices) expect(kongUpstreams.has(name)).toBe(true);
    const k8sServices = k8sDocs.filter((doc) => doc.kind === 'Service');
    for (const { name } of builtServices) {
      const service = k8sServices.find((doc) => doc.metadata.name === name);
      expect(service).toBeDefined();
      const ports = (service.spec.ports as Array<{ port: number }>).map((p) => p.port);
      expect(ports).toContain(kongUpstreams.get(name));
    }
  });

  it('lists only manifest files that exist, each document named and typed', () => {
    const files = readdirSync(k8sDir).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
    expect(new Set(kustomization.resources)).toEqual(new Set(files));
    for (const doc of k8sDocs) {
      expect(typeof doc.apiVersion).toBe('string');
      expect(typeof doc.kind).toBe('string');
      expect(typeof doc.metadata?.name).toBe('string');
    }
  });

  it('selects pods that some workload labels, for every Kubernetes Service', () => {
    const workloads = k8sDocs.filter((doc) => ['Deployment', 'StatefulSet'].includes(doc.kind));
    for (const service of k8sDocs.filter((doc) => doc.kind === 'Service')) {
      const selector = service.spec.selector as Record<string, string>;
      const match = workloads.find((w) =>
        Object.entries(selector).every(([key, value]) => w.spec.template.metadata.labels[key] === value),
      );
      expect(match).toBeDefined();
      expect(w(match).spec.selector.matchLabels).toEqual(selector);
    }
  });

  it('points generated config maps at files that exist', () => {
    for (const generator of kustomization.configMapGenerator as Array<{ files: string[] }>) {
      for (const entry of generator.files) {
        const path = entry.includes('=') ? entry.split('=')[1] : entry;
        expect(existsSync(join(k8sDir, path))).toBe(true);
      }
    }
  });
});

function w<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing');
  return value;
}

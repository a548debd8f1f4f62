import type { Driver, Manifest, Release, Stats } from './generated/hub';
import type { Request } from './http';

export type { Driver, Manifest, Release };

/** Stats as the hub fills them (its OpenAPI leaves the rows untyped). */
export type DownloadStats = Stats & {
  perVersion?: Array<{ name: string; version: string; downloads: number }>;
  perDay?: Array<{ day: string; downloads: number }>;
};

const base = '/hub';

export function hubApi(request: Request) {
  return {
    drivers: async () => {
      const answer = await request<{ drivers: Driver[] }>('GET', `${base}/drivers`);
      return answer.drivers;
    },
    versions: async (name: string) => {
      const answer = await request<{ versions: Release[] }>(
        'GET',
        `${base}/drivers/${encodeURIComponent(name)}/versions`,
      );
      return answer.versions;
    },
    stats: (name: string) => request<DownloadStats>('GET', `${base}/drivers/${encodeURIComponent(name)}/stats`),
    publish: (manifest: Manifest, artifact: File) => {
      const form = new FormData();
      form.set('manifest', JSON.stringify(manifest));
      form.set('artifact', artifact, artifact.name);
      return request<Release>('POST', `${base}/drivers`, { body: form });
    },
  };
}
export type HubApi = ReturnType<typeof hubApi>;

import { AppError, type ErrorCode } from '@cb/errors';
import { readFile } from 'node:fs/promises';

export interface HubRestTarget {
  /** e.g. http://127.0.0.1:1600/hub */
  baseUrl: string;
  username: string;
  password: string;
}

export interface PublishedRelease {
  name: string;
  version: string;
  sha256: string;
  size: number;
  /** False when hub already had exactly these bytes under this version. */
  created: boolean;
  [key: string]: unknown;
}

/**
 * Publishes a release through hub's REST API (POST /hub/drivers, multipart). `manifest` is the manifest
 * object (or a path to its JSON file), `artifact` the bytes (or a path). Refusals reject with an AppError
 * carrying hub's code and message.
 */
export async function publishDriver(
  target: HubRestTarget,
  manifest: object | string,
  artifact: Uint8Array | string,
): Promise<PublishedRelease> {
  const manifestText = typeof manifest === 'string' ? await readFile(manifest, 'utf8') : JSON.stringify(manifest);
  const bytes = typeof artifact === 'string' ? await readFile(artifact) : artifact;
  const form = new FormData();
  form.append('manifest', manifestText);
  form.append('artifact', new Blob([bytes], { type: 'text/javascript' }), 'driver.mjs');
  const response = await fetch(`${target.baseUrl.replace(/\/$/, '')}/drivers`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${target.username}:${target.password}`).toString('base64')}` },
    body: form,
  });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const code = (typeof body.code === 'string' ? body.code : 'INTERNAL') as ErrorCode;
    throw new AppError(
      code,
      `hub refused the release (${response.status}): ${String(body.message ?? response.statusText)}`,
    );
  }
  return { ...body, created: response.status === 201 } as PublishedRelease;
}

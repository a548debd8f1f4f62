import { createHash } from 'node:crypto';

/**
 * spider's NameId for a VM: the same inputs always give the same name, so a retried or resumed creation
 * looks for the VM it may already have made instead of making another. The MCIS uid is in the hash so
 * that an MCIS deleted and created again under the same name never adopts a leftover of the first.
 */
export function cspVmName(nsId: string, mcisId: string, mcisUid: string, subGroupId: string, index: number): string {
  const digest = createHash('sha256').update(`${nsId}/${mcisId}/${mcisUid}/${subGroupId}/${index}`).digest('hex');
  const readable = `${mcisId}-${subGroupId}-${index}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .slice(0, 40);
  return `${readable}-${digest.slice(0, 10)}`;
}

export const vmIdOf = (subGroupId: string, index: number) => `${subGroupId}-${index}`;

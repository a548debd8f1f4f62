/** Upstream CB-Spider's text in place of every secret it shows (credential values, key pair keys). */
export const HIDDEN_FOR_SECURITY = 'Hidden for security.';

/** What a secret looks like in any response or log line. */
export function maskSecret(_secret?: string): string {
  return HIDDEN_FOR_SECURITY;
}

import type { z } from 'zod';

/** One problem in the declarative file: where it is (`services[0].routes[1].paths[0]`) and what is wrong. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/**
 * Thrown at start-up when kong.yml cannot be served as written. The message lists every problem with
 * its path, so the operator can fix the file without guessing (`kong.yml: plugins[2].name: unsupported plugin "acme"`).
 */
export class KongConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(problems.map((p) => `${file}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n'));
    this.name = 'KongConfigError';
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** A zod issue reduced to a path and a message; an unknown key becomes its own issue named by its full path. */
export function flattenIssues(
  issues: ReadonlyArray<z.core.$ZodIssue>,
): Array<{ path: PropertyKey[]; message: string }> {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...issue.path, key], message: 'unknown or unsupported key' }));
    }
    return [{ path: [...issue.path], message: issue.message }];
  });
}

export function problemsFromIssues(issues: ReadonlyArray<z.core.$ZodIssue>): ConfigProblem[] {
  return flattenIssues(issues).map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

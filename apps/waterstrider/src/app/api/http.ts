/** An answer the console shows in place: what went wrong, in words the user can act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  get unauthorized(): boolean {
    return this.status === 401;
  }
}

export interface Credentials {
  username: string;
  password: string;
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export type Request = <T>(method: string, path: string, options?: RequestOptions) => Promise<T>;

export function basicAuth(credentials: Credentials): string {
  const bytes = new TextEncoder().encode(`${credentials.username}:${credentials.password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function errorOf(response: Response): Promise<ApiError> {
  let message = '';
  let code: string | undefined;
  try {
    const body = (await response.json()) as { message?: unknown; code?: unknown };
    if (typeof body.message === 'string') message = body.message;
    if (typeof body.code === 'string') code = body.code;
  } catch {
    // not JSON: the status says enough
  }
  if (response.status === 401) return new ApiError(401, 'Sign-in rejected: wrong user name or password.', code);
  if (response.status >= 500) {
    const what = message ? `: ${message}` : '';
    return new ApiError(response.status, `The platform failed (HTTP ${response.status})${what}. Try again.`, code);
  }
  return new ApiError(response.status, message || `Request refused (HTTP ${response.status}).`, code);
}

/** A same-origin JSON client for the gateway's APIs, authenticated with the user's Basic credentials. */
export function createRequest(credentials: Credentials, fetchImpl: typeof fetch = fetch): Request {
  const authorization = basicAuth(credentials);
  return async <T>(method: string, path: string, options: RequestOptions = {}): Promise<T> => {
    const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
    const headers: Record<string, string> = { authorization, accept: 'application/json' };
    if (options.body !== undefined && !isForm) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(withQuery(path, options.query), {
        method,
        headers,
        // 'omit' keeps the browser out of HTTP auth: a 401 comes back to us instead of opening its dialog.
        credentials: 'omit',
        body:
          options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(
        0,
        'Cannot reach the platform: the network or the gateway is down. Retrying helps once it is back.',
      );
    }
    if (!response.ok) throw await errorOf(response);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

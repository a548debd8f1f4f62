import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { createRequest, type Credentials, type Request } from '../api/http';
import { hubApi } from '../api/hub';
import { mcMetaApi } from '../api/mcmeta';
import { spiderApi } from '../api/spider';
import { tumblebugApi } from '../api/tumblebug';

// Credentials live in sessionStorage only: gone when the tab closes, never in localStorage.
const CREDENTIALS_KEY = 'cb.session';
const NAMESPACE_KEY = 'cb.namespace';

export interface Apis {
  request: Request;
  spider: ReturnType<typeof spiderApi>;
  tumblebug: ReturnType<typeof tumblebugApi>;
  mcmeta: ReturnType<typeof mcMetaApi>;
  hub: ReturnType<typeof hubApi>;
}

export function createApis(credentials: Credentials, fetchImpl?: typeof fetch): Apis {
  const request = createRequest(credentials, fetchImpl);
  return {
    request,
    spider: spiderApi(request),
    tumblebug: tumblebugApi(request),
    mcmeta: mcMetaApi(request),
    hub: hubApi(request),
  };
}

interface SessionValue {
  credentials?: Credentials;
  /** The fetch every request goes through (tests inject one). */
  fetchImpl?: typeof fetch;
  apis?: Apis;
  namespace: string;
  signIn(credentials: Credentials): void;
  signOut(): void;
  setNamespace(namespace: string): void;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

function storedCredentials(): Credentials | undefined {
  try {
    const text = sessionStorage.getItem(CREDENTIALS_KEY);
    return text ? (JSON.parse(text) as Credentials) : undefined;
  } catch {
    return undefined;
  }
}

export function SessionProvider({ children, fetchImpl }: { children: ReactNode; fetchImpl?: typeof fetch }) {
  const [credentials, setCredentials] = useState<Credentials | undefined>(storedCredentials);
  const [namespace, setNamespaceState] = useState(() => sessionStorage.getItem(NAMESPACE_KEY) ?? 'default');
  const apis = useMemo(() => (credentials ? createApis(credentials, fetchImpl) : undefined), [credentials, fetchImpl]);

  const signIn = useCallback((next: Credentials) => {
    sessionStorage.setItem(CREDENTIALS_KEY, JSON.stringify(next));
    setCredentials(next);
  }, []);
  const signOut = useCallback(() => {
    sessionStorage.removeItem(CREDENTIALS_KEY);
    setCredentials(undefined);
  }, []);
  const setNamespace = useCallback((next: string) => {
    sessionStorage.setItem(NAMESPACE_KEY, next);
    setNamespaceState(next);
  }, []);

  const value = useMemo(
    () => ({ credentials, fetchImpl, apis, namespace, signIn, signOut, setNamespace }),
    [credentials, fetchImpl, apis, namespace, signIn, signOut, setNamespace],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session when inside SessionProvider (shared widgets may render outside one). */
export function useOptionalSession(): SessionValue | undefined {
  return useContext(SessionContext);
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The APIs of a signed-in session (pages render only after sign-in). */
export function useApis(): Apis {
  const { apis } = useSession();
  if (!apis) throw new Error('not signed in');
  return apis;
}

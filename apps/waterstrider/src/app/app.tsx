import { useEffect, useState } from 'react';
import { ConnectionsPage } from './pages/connections';
import { DashboardPage } from './pages/dashboard';
import { DriversPage } from './pages/drivers';
import { McisCreatePage } from './pages/mcis-create';
import { McisDetailPage } from './pages/mcis-detail';
import { McisListPage } from './pages/mcis-list';
import { MetadataPage } from './pages/metadata';
import { NamespacePicker } from './pages/namespace-picker';
import { SignIn } from './pages/sign-in';
import { connectPlatformEvents } from './session/platform-events';
import { SessionProvider, useSession } from './session/session';
import { Link, usePath } from './ui/router';

const NAV = [
  ['/', 'Dashboard'],
  ['/mcis', 'MCIS'],
  ['/connections', 'Connections'],
  ['/metadata', 'Images & specs'],
  ['/drivers', 'Drivers'],
] as const;

function Page({ path }: { path: string }) {
  if (path === '/mcis/new') return <McisCreatePage />;
  if (path.startsWith('/mcis/')) return <McisDetailPage mcisId={decodeURIComponent(path.slice('/mcis/'.length))} />;
  if (path === '/mcis') return <McisListPage />;
  if (path === '/connections') return <ConnectionsPage />;
  if (path === '/metadata') return <MetadataPage />;
  if (path === '/drivers') return <DriversPage />;
  return <DashboardPage />;
}

function Console() {
  const { credentials, namespace, signOut } = useSession();
  const path = usePath();
  const [live, setLive] = useState(false);
  useEffect(() => (credentials ? connectPlatformEvents(credentials, setLive) : undefined), [credentials]);
  if (!credentials) return <SignIn />;
  return (
    <div className="shell">
      <header>
        <strong className="brand">Cloud-Barista</strong>
        <nav aria-label="Main">
          {NAV.map(([to, label]) => (
            <Link key={to} to={to}>
              {label}
            </Link>
          ))}
        </nav>
        <div className="header-tools">
          <NamespacePicker />
          <span className={live ? 'live on' : 'live'} title="Live updates from the platform's event stream">
            {live ? '● live' : '○ offline'}
          </span>
          <button type="button" onClick={signOut}>
            Sign out {credentials.username}
          </button>
        </div>
      </header>
      <main key={namespace}>
        <Page path={path} />
      </main>
    </div>
  );
}

export function App({ fetchImpl }: { fetchImpl?: typeof fetch }) {
  return (
    <SessionProvider fetchImpl={fetchImpl}>
      <Console />
    </SessionProvider>
  );
}

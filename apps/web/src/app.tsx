import { Suspense, useEffect } from 'react';
import { Link, matchPath, useRouter } from './router/router.js';
import { ROUTES } from './routes.js';
import { RequireRole, useSession } from './session/session.js';
import { ErrorNotice, Loading } from './components/data-view.js';
import { ErrorBoundary } from './components/error-boundary.js';

function Nav() {
  const session = useSession();
  const { location } = useRouter();
  const current = (path: string) => (path === '/' ? location.pathname === '/' : location.pathname.startsWith(path)) ? 'page' : undefined;
  return (
    <header className="app-header">
      <Link to="/" className="brand">
        pactwatch
      </Link>
      <nav aria-label="Main">
        <Link to="/" aria-current={current('/')}>Overview</Link>
        <Link to="/agreements" aria-current={current('/agreements')}>Agreements</Link>
        <Link to="/incidents" aria-current={current('/incidents')}>Incidents</Link>
        <RequireRole role="analyst">
          <Link to="/review" aria-current={current('/review')}>Review</Link>
          <Link to="/incidents/new">New incident</Link>
        </RequireRole>
        <RequireRole role="admin">
          <Link to="/imports" aria-current={current('/imports')}>Imports</Link>
        </RequireRole>
      </nav>
      <div className="who">
        {session.status === 'signed-in' && session.principal !== null ? (
          <>
            <span>
              {session.principal.name} <span className="role">{session.principal.role ?? 'anonymous'}</span>
            </span>
            {session.principal.kind === 'user' ? (
              <>
                <Link to="/account/password">Password</Link>
                <button type="button" onClick={() => void session.logout()}>
                  Sign out
                </button>
              </>
            ) : (
              <Link to="/login">Sign in</Link>
            )}
          </>
        ) : (
          <Link to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}>Sign in</Link>
        )}
      </div>
    </header>
  );
}

function CurrentPage() {
  const { location } = useRouter();
  const session = useSession();
  let found: { route: (typeof ROUTES)[number]; params: Readonly<Record<string, string>> } | null = null;
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, location.pathname);
    if (params !== null) {
      found = { route, params };
      break;
    }
  }
  useEffect(() => {
    document.title = found === null ? 'Not found · pactwatch' : `${found.route.title} · pactwatch`;
  }, [found]);
  if (found === null) {
    return (
      <section>
        <h1>Page not found</h1>
        <p>
          Nothing lives at <code>{location.pathname}</code>. <Link to="/">Go to the overview</Link>.
        </p>
      </section>
    );
  }
  if (session.status === 'unknown') return <Loading what="your session" />;
  if (session.status === 'error' && session.error !== null) return <ErrorNotice error={session.error} onRetry={session.refresh} />;
  const isLogin = found.route.pattern === '/login';
  if (!isLogin && session.status === 'signed-out') {
    const LoginPage = ROUTES.find((r) => r.pattern === '/login')?.page;
    return LoginPage === undefined ? null : <LoginPage params={{}} />;
  }
  if (found.route.role !== undefined && !session.can(found.route.role)) {
    return (
      <section>
        <h1>{found.route.title}</h1>
        <p role="alert" className="notice notice-error">
          This page needs the {found.route.role} role; you are {session.principal?.role ?? 'not signed in'}.
        </p>
      </section>
    );
  }
  const Page = found.route.page;
  return (
    <ErrorBoundary key={location.pathname}>
      <Suspense fallback={<Loading what="the page" />}>
        <Page params={found.params} />
      </Suspense>
    </ErrorBoundary>
  );
}

export function App() {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Nav />
      <main id="main" tabIndex={-1}>
        <CurrentPage />
      </main>
    </>
  );
}

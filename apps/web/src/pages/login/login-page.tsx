import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/data-view.js';
import { ApiError } from '../../api/problem.js';
import { useRouter } from '../../router/router.js';
import { useQueryState } from '../../router/use-query-state.js';
import { useSession } from '../../session/session.js';
import type { PageProps } from '../../routes.js';

/** Only same-site paths are followed after sign-in (no open redirect). */
export function safeNext(next: string | undefined): string {
  if (next === undefined || !next.startsWith('/') || next.startsWith('//')) return '/';
  return next;
}

export function LoginPage(_props: PageProps) {
  const session = useSession();
  const { navigate, location } = useRouter();
  const query = useQueryState();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const next = location.pathname === '/login' ? safeNext(query.get('next')) : `${location.pathname}${location.search}`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const { mustChangePassword } = await session.login(username, password);
      navigate(mustChangePassword ? `/account/password?next=${encodeURIComponent(next)}` : next, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
    } finally {
      setPending(false);
    }
  };

  return (
    <section className="login">
      <h1>Sign in</h1>
      {session.status === 'signed-in' && session.principal !== null ? (
        <p>
          You are signed in as <strong>{session.principal.name}</strong> ({session.principal.role ?? 'anonymous'}).
        </p>
      ) : null}
      <form onSubmit={(e) => void submit(e)} className="form narrow">
        <label>
          Username
          <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {error !== null ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

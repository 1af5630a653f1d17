import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { ApiError } from '../../api/problem.js';
import { ErrorNotice } from '../../components/data-view.js';
import { Link, useRouter } from '../../router/router.js';
import { useQueryState } from '../../router/use-query-state.js';
import type { PageProps } from '../../routes.js';
import { useSession } from '../../session/session.js';
import { safeNext } from '../login/login-page.js';

/**
 * Change my own password. Sign-in sends people here when their password was a one-time one (the
 * first admin's, or one an admin reset); other sessions of the account end, this one stays.
 */
export function PasswordPage(_props: PageProps) {
  const session = useSession();
  const { navigate } = useRouter();
  const query = useQueryState();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  if (session.principal?.kind !== 'user') {
    return (
      <section>
        <h1>Change password</h1>
        <p className="notice">Only people signed in with a username and password have one to change.</p>
      </section>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (next !== repeat) {
      setError(new ApiError(0, 'VALIDATION_FAILED', 'the two new passwords differ'));
      return;
    }
    setPending(true);
    try {
      await api.post('/api/v1/auth/password', { currentPassword: current, newPassword: next });
      setDone(true);
      setCurrent('');
      setNext('');
      setRepeat('');
      const to = query.get('next');
      if (to !== undefined) navigate(safeNext(to), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
    } finally {
      setPending(false);
    }
  };

  return (
    <section>
      <h1>Change password</h1>
      {session.mustChangePassword && !done ? (
        <p className="notice" role="status">
          You signed in with a one-time password: choose your own now.
        </p>
      ) : null}
      {done ? (
        <p className="notice notice-ok" role="status">
          Password changed; your other sessions were signed out. <Link to="/">Go to the overview</Link>
        </p>
      ) : null}
      <form className="form narrow" onSubmit={(e) => void submit(e)}>
        <label>
          Current password
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>
          New password
          <input type="password" autoComplete="new-password" required value={next} onChange={(e) => setNext(e.target.value)} />
        </label>
        <label>
          New password again
          <input type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Changing…' : 'Change password'}
        </button>
      </form>
      {error !== null ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

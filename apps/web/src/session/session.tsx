import type { Role } from '@pactwatch/domain';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, csrfStore } from '../api/client.js';
import { ApiError } from '../api/problem.js';

export interface Principal {
  readonly kind: 'user' | 'token' | 'cli' | 'system' | 'anonymous';
  readonly id: string | null;
  readonly name: string;
  readonly role: Role | null;
}

interface LoginAnswer {
  readonly principal: Principal;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly mustChangePassword: boolean;
}

export interface SessionValue {
  /** 'unknown' until /auth/me answers; 'signed-out' when it says 401. */
  readonly status: 'unknown' | 'signed-in' | 'signed-out' | 'error';
  readonly principal: Principal | null;
  readonly error: ApiError | null;
  readonly mustChangePassword: boolean;
  /** Whether the current caller has at least this role (viewers see no edit controls). */
  can(role: Role): boolean;
  /** Signs in; resolves with whether the password was a one-time one that must be changed now. */
  login(username: string, password: string): Promise<{ mustChangePassword: boolean }>;
  logout(): Promise<void>;
  refresh(): void;
}

const RANK: Readonly<Record<Role, number>> = { viewer: 1, analyst: 2, admin: 3 };

export function roleAtLeast(have: Role | null | undefined, need: Role): boolean {
  return have !== null && have !== undefined && RANK[have] >= RANK[need];
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [principal, setPrincipal] = useState<Principal | null>(null);
  const [status, setStatus] = useState<SessionValue['status']>('unknown');
  const [error, setError] = useState<ApiError | null>(null);
  const [mustChangePassword, setMustChange] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .get<Principal>('/api/v1/auth/me')
      .then((r) => {
        if (!live) return;
        setPrincipal(r.data);
        setStatus('signed-in');
        setError(null);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setPrincipal(null);
        if (e instanceof ApiError && e.status === 401) setStatus('signed-out');
        else {
          setStatus('error');
          setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
        }
      });
    return () => {
      live = false;
    };
  }, [tick]);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await api.post<LoginAnswer>('/api/v1/auth/login', { username, password });
    csrfStore.set(answer.data.csrfToken);
    setPrincipal(answer.data.principal);
    setMustChange(answer.data.mustChangePassword);
    setStatus('signed-in');
    setError(null);
    return { mustChangePassword: answer.data.mustChangePassword };
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } finally {
      csrfStore.set(null);
      setPrincipal(null);
      setStatus('signed-out');
      setTick((t) => t + 1);
    }
  }, []);

  const value = useMemo<SessionValue>(
    () => ({
      status,
      principal,
      error,
      mustChangePassword,
      can: (role: Role) => roleAtLeast(principal?.role, role),
      login,
      logout,
      refresh: () => setTick((t) => t + 1),
    }),
    [status, principal, error, mustChangePassword, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Renders its children only for callers with at least `role` (edit controls, admin pages). */
export function RequireRole({ role, children, fallback = null }: { role: Role; children: ReactNode; fallback?: ReactNode }) {
  const session = useSession();
  return <>{session.can(role) ? children : fallback}</>;
}

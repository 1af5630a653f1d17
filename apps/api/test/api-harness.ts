import { defaultDataDir, type Pactwatch } from '@pactwatch/backend';
import type { Role } from '@pactwatch/domain';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type BuildAppOptions } from '../src/build-app.js';
import { workspace } from '../../../packages/backend/test/helpers.js';

export const PASSWORD = 'a long enough test password';
export const ROLE_LIST: readonly Role[] = ['viewer', 'analyst', 'admin'];

export interface ApiWorld {
  readonly core: Pactwatch;
  readonly app: FastifyInstance;
  /** An API token per role (Authorization: Bearer). */
  readonly tokens: Readonly<Record<Role, string>>;
  request(options: InjectOptions & { as?: Role | 'anonymous' }): Promise<LightMyRequestResponse>;
  /** Signs in as `role`'s user: the session cookie and CSRF token for later requests. */
  login(role: Role): Promise<{ cookie: string; csrf: string }>;
  /** The same store opened again, as another process (the CLI, a worker) would. */
  reopen(): Promise<Pactwatch>;
}

export interface WorldOptions {
  /** Load the curated dataset from data/ and evaluate (default true). */
  readonly dataset?: boolean;
  readonly env?: Record<string, string>;
  readonly app?: BuildAppOptions;
  readonly now?: () => Date;
}

/**
 * A fresh store (SQLite file, or a throwaway PostgreSQL database in the postgres project) with
 * the curated dataset, one user and one API token per role, and the app built in-process.
 */
export async function apiWorld(options: WorldOptions = {}): Promise<ApiWorld> {
  const ws = workspace();
  const core = await ws.open({ ...(options.now === undefined ? {} : { now: options.now }), ...(options.env === undefined ? {} : { env: options.env }) });
  if (options.dataset ?? true) {
    await core.dataset.load(defaultDataDir());
    await core.evaluation.evaluate();
  }
  const tokens = {} as Record<Role, string>;
  for (const role of ROLE_LIST) {
    const { user } = await core.accounts.createUser({ username: `${role}-user`, role, password: PASSWORD });
    tokens[role] = (await core.auth.createToken(user.id, `${role} test token`, role)).token;
  }
  const app = await buildApp(core, { validateResponses: true, ...(options.app ?? {}) });
  const world: ApiWorld = {
    core,
    app,
    tokens,
    async request({ as, ...inject }) {
      const headers = { ...(inject.headers ?? {}) };
      if (as !== undefined && as !== 'anonymous') headers['authorization'] = `Bearer ${tokens[as]}`;
      return app.inject({ ...inject, headers });
    },
    reopen: async () => ws.open(),
    async login(role) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `${role}-user`, password: PASSWORD } });
      if (response.statusCode !== 200) throw new Error(`login as ${role} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'pw_session');
      if (cookie === undefined) throw new Error('no session cookie');
      return { cookie: `pw_session=${cookie.value}`, csrf: (response.json() as { csrfToken: string }).csrfToken };
    },
  };
  return world;
}

/** A valid new incident body (the dataset's own schema). */
export function newIncident(id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    title: 'Test intrusion into a US manufacturer',
    summary: 'An intrusion written for the API tests.',
    period: { start: '2017-03' },
    activities: [{ type: 'commercial-espionage' }],
    means: ['cyber'],
    attributions: [{ sponsor: 'CN', relation: 'state-organ', confidence: 80, basis: 'government-attribution', attributedBy: 'Test agency', sources: [] }],
    victims: [{ state: 'US', category: 'private-sector' }],
    sources: [{ publisher: 'Test', title: 'Test report' }],
    provenance: { origin: 'added', note: 'API test' },
    ...overrides,
  };
}

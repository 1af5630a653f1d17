import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/app.js';
import { withQuery } from '../src/api/client.js';
import { matchPath } from '../src/router/router.js';
import { safeNext } from '../src/pages/login/login-page.js';
import { fakeApi, ME, renderAt, type FakeApi } from './render.js';

let fake: FakeApi | null = null;
afterEach(() => {
  cleanup();
  fake?.restore();
  fake = null;
  localStorage.clear();
});

describe('router and client helpers', () => {
  it('matches path patterns with decoded parameters, and nothing else', () => {
    expect(matchPath('/agreements/:id', '/agreements/us-cn-2015')).toEqual({ id: 'us-cn-2015' });
    expect(matchPath('/dyads/:dyad', '/dyads/CN%2DUS')).toEqual({ dyad: 'CN-US' });
    expect(matchPath('/agreements/:id', '/agreements')).toBeNull();
    expect(matchPath('/incidents/new', '/incidents/x')).toBeNull();
    expect(matchPath('/a/:id', '/a/%E0%A4%A')).toBeNull();
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/api/v1/incidents', { sponsor: 'CN', victim: '', limit: 50, cursor: null, activity: ['espionage', 'theft'] })).toBe('/api/v1/incidents?sponsor=CN&limit=50&activity=espionage%2Ctheft');
  });

  it('follows only same-site paths after sign-in', () => {
    expect(safeNext('/incidents?x=1')).toBe('/incidents?x=1');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(undefined)).toBe('/');
  });
});

describe('the app shell', () => {
  it('shows the sign-in form when the API says 401, signs in, keeps the CSRF token and shows the role', async () => {
    let signedIn = false;
    fake = fakeApi({
      'GET /api/v1/auth/me': () => (signedIn ? { body: ME.analyst } : { status: 401, body: { code: 'UNAUTHENTICATED', detail: 'sign in' } }),
      'POST /api/v1/auth/login': (_url, body) => {
        expect(body).toEqual({ username: 'ana', password: 'pw pw pw pw pw' });
        signedIn = true;
        return { body: { principal: ME.analyst, csrfToken: 'csrf-1', expiresAt: '2030-01-01T00:00:00Z', mustChangePassword: false } };
      },
    });
    renderAt('/no-such-page-yet', <App />);
    await screen.findByRole('heading', { name: 'Page not found' });
    window.history.replaceState(null, '', '/');
    fireEvent(window, new PopStateEvent('popstate'));
    const user = await screen.findByLabelText('Username');
    fireEvent.change(user, { target: { value: 'ana' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw pw pw pw pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByText('analyst')).toBeTruthy());
    expect(localStorage.getItem('pactwatch.csrf')).toBe('csrf-1');
    expect(screen.getByRole('link', { name: 'Review' })).toBeTruthy();
  });

  it('hides analyst and admin navigation from viewers and refuses their pages', async () => {
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.viewer } });
    renderAt('/imports', <App />);
    await screen.findByText(/This page needs the admin role; you are viewer/);
    expect(screen.queryByRole('link', { name: 'Review' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Imports' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Incidents' })).toBeTruthy();
  });

  it('shows an API failure of the session check with its message and code, not a blank page', async () => {
    fake = fakeApi({ 'GET /api/v1/auth/me': { status: 503, body: { code: 'STORE_UNAVAILABLE', detail: 'the database is not reachable', requestId: 'r-1' } } });
    renderAt('/', <App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the database is not reachable');
    expect(alert.textContent).toContain('STORE_UNAVAILABLE');
    expect(alert.textContent).toContain('r-1');
  });
});

import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../src/app.js';
import { fakeApi, ME, renderAt, type FakeApi } from './render.js';

let fake: FakeApi | null = null;
afterEach(() => {
  cleanup();
  fake?.restore();
  fake = null;
  localStorage.clear();
});

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('changing my password', () => {
  it('sends a one-time password holder from sign-in to the change form, then on to where they were going', async () => {
    let signedIn = false;
    fake = fakeApi({
      'GET /api/v1/auth/me': () => (signedIn ? { body: ME.admin } : { status: 401, body: { code: 'UNAUTHENTICATED', detail: 'sign in' } }),
      'POST /api/v1/auth/login': () => {
        signedIn = true;
        return { body: { principal: ME.admin, csrfToken: 'csrf-9', expiresAt: '2030-01-01T00:00:00Z', mustChangePassword: true } };
      },
      'POST /api/v1/auth/password': { status: 204, body: null },
    });
    renderAt('/login?next=%2Fimports', <App />);
    await screen.findByLabelText('Username');
    type('Username', 'adam');
    type('Password', 'one-time-pw');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('You signed in with a one-time password: choose your own now.');
    expect(window.location.pathname).toBe('/account/password');
    expect(new URLSearchParams(window.location.search).get('next')).toBe('/imports');

    type('Current password', 'one-time-pw');
    type('New password', 'a much better passphrase');
    type('New password again', 'a much better passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(window.location.pathname).toBe('/imports'));
    const i = fake.calls.indexOf('POST /api/v1/auth/password');
    expect(i).toBeGreaterThan(-1);
    expect(fake.bodies[i]).toEqual({ currentPassword: 'one-time-pw', newPassword: 'a much better passphrase' });
  });

  it('refuses two different new passwords before asking the server, and shows the server refusal', async () => {
    fake = fakeApi({
      'GET /api/v1/auth/me': { body: ME.viewer },
      'POST /api/v1/auth/password': { status: 401, body: { code: 'UNAUTHENTICATED', detail: 'the current password is wrong' } },
    });
    renderAt('/account/password', <App />);
    await screen.findByRole('heading', { name: 'Change password' });
    type('Current password', 'old');
    type('New password', 'first choice of passphrase');
    type('New password again', 'second choice of passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect((await screen.findByRole('alert')).textContent).toContain('the two new passwords differ');
    expect(fake.calls).not.toContain('POST /api/v1/auth/password');

    type('New password again', 'first choice of passphrase');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('the current password is wrong'));
  });
});

import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CountryPicker } from '../src/pages/entry/country-picker.js';
import { searchStates, StatesProvider } from '../src/pages/entry/states-context.js';
import { STATES } from './entry-helpers.js';
import { fakeApi, ME, renderAt, type FakeApi } from './render.js';

let fake: FakeApi | null = null;
afterEach(() => {
  cleanup();
  fake?.restore();
  fake = null;
});

function Harness() {
  const [code, setCode] = useState('');
  return (
    <StatesProvider>
      <CountryPicker label="Victim" value={code} onChange={setCode} />
      <output aria-label="chosen">{code}</output>
    </StatesProvider>
  );
}

describe('the country picker', () => {
  it('finds states by alias and code, best match first', () => {
    expect(searchStates(STATES.items, 'Britain').map((m) => m.state.code)).toEqual(['GB']);
    expect(searchStates(STATES.items, 'uk').map((m) => m.state.code)).toEqual(['GB', 'UA']);
    expect(searchStates(STATES.items, 'us')[0]?.state.code).toBe('US');
    expect(searchStates(STATES.items, '')).toEqual([]);
  });

  it('offers "UK" for Britain with the alias it matched, and chooses the ISO code by keyboard', async () => {
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.analyst }, 'GET /api/v1/states': { body: STATES } });
    renderAt('/incidents/new', <Harness />);
    const box = screen.getByRole('combobox', { name: /^Victim/ });
    await waitFor(() => expect(fake?.calls).toContain('GET /api/v1/states?limit=500&sort=name'));
    fireEvent.change(box, { target: { value: 'Britain' } });
    const option = await screen.findByRole('option', { name: /UK \(GB\)/ });
    expect(option.textContent).toContain('matches “Britain”');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(screen.getByLabelText('chosen').textContent).toBe('GB');
    expect((box as HTMLInputElement).value).toBe('UK (GB)');
  });

  it('chooses an exact alias when focus leaves, and reverts text that matches nothing', async () => {
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.analyst }, 'GET /api/v1/states': { body: STATES } });
    renderAt('/incidents/new', <Harness />);
    const box = screen.getByRole('combobox', { name: /^Victim/ });
    await screen.findByLabelText('chosen');
    await waitFor(() => expect(fake?.calls.length).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 20));
    fireEvent.change(box, { target: { value: 'prc' } });
    fireEvent.blur(box);
    expect(screen.getByLabelText('chosen').textContent).toBe('CN');
    fireEvent.change(box, { target: { value: 'Atlantis' } });
    fireEvent.blur(box);
    expect(screen.getByLabelText('chosen').textContent).toBe('CN');
    expect((box as HTMLInputElement).value).toBe('China (CN)');
  });

  it('says when the states cannot be loaded and still accepts an ISO code', async () => {
    fake = fakeApi({ 'GET /api/v1/auth/me': { body: ME.analyst }, 'GET /api/v1/states': { status: 503, body: { code: 'STORE_UNAVAILABLE', detail: 'down' } } });
    renderAt('/incidents/new', <Harness />);
    expect(await screen.findByText(/states could not be loaded \(down\)/)).toBeTruthy();
    const box = screen.getByRole('combobox', { name: /^Victim/ });
    fireEvent.change(box, { target: { value: 'cn' } });
    fireEvent.blur(box);
    expect(screen.getByLabelText('chosen').textContent).toBe('CN');
  });
});

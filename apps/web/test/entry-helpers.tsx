import { fireEvent, screen } from '@testing-library/react';

/** Wraps the (fake) fetch to keep every request's headers, which fakeApi does not record. */
export function recordHeaders(): Array<{ call: string; headers: Record<string, string> }> {
  const seen: Array<{ call: string; headers: Record<string, string> }> = [];
  const inner = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    seen.push({ call: `${(init?.method ?? 'GET').toUpperCase()} ${url.pathname}${url.search}`, headers: { ...((init?.headers as Record<string, string> | undefined) ?? {}) } });
    return inner(input, init);
  }) as typeof fetch;
  return seen;
}

export const STATES = {
  items: [
    { code: 'CN', alpha3: 'CHN', name: 'China', aliases: ['PRC', "People's Republic of China"] },
    { code: 'GB', alpha3: 'GBR', name: 'UK', aliases: ['United Kingdom', 'UK', 'Great Britain', 'Britain', 'England'] },
    { code: 'UA', alpha3: 'UKR', name: 'Ukraine', aliases: ['Ukraine'] },
    { code: 'US', alpha3: 'USA', name: 'United States', aliases: ['USA', 'U.S.', 'America'] },
  ],
  nextCursor: null,
};

export function type(label: string | RegExp, value: string, index = 0): void {
  const field = screen.getAllByLabelText(label)[index];
  if (field === undefined) throw new Error(`no field ${String(label)}`);
  fireEvent.change(field, { target: { value } });
}

/** Types into a combobox and picks the option whose text starts with `option`. */
export async function pick(label: string, text: string, option: RegExp, index = 0): Promise<void> {
  // <select> is a combobox too: match the whole name so "Party 1 kind" is not taken for "Party 1".
  const box = screen.getAllByRole('combobox', { name: new RegExp(`^${label}\\s*\\*?$`) })[index];
  if (box === undefined) throw new Error(`no combobox ${label}`);
  fireEvent.focus(box);
  fireEvent.change(box, { target: { value: text } });
  const choice = await screen.findByRole('option', { name: option });
  fireEvent.mouseDown(choice);
}

import { createContext, useContext, type ReactNode } from 'react';
import type { Page } from '../../api/client.js';
import { useApi, type Loadable } from '../../api/use-api.js';

export interface StateOption {
  readonly code: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

const StatesContext = createContext<Loadable<Page<StateOption>> | null>(null);

/** Loads the ~250 states once for every country picker of a form (filtered in the browser, so typing is instant). */
export function StatesProvider({ children }: { children: ReactNode }) {
  const states = useApi<Page<StateOption>>('/api/v1/states', { limit: 500, sort: 'name' });
  return <StatesContext.Provider value={states}>{children}</StatesContext.Provider>;
}

export function useStateList(): Loadable<Page<StateOption>> {
  return useContext(StatesContext) ?? { state: 'loading' };
}

interface Match {
  readonly state: StateOption;
  readonly rank: number;
  readonly via?: string;
}

function matchState(state: StateOption, needle: string): Match | undefined {
  if (state.code.toLowerCase() === needle) return { state, rank: 0 };
  const names = [state.name, ...state.aliases];
  const exact = names.find((n) => n.toLowerCase() === needle);
  if (exact !== undefined) return { state, rank: 1, ...(exact === state.name ? {} : { via: exact }) };
  const prefix = names.find((n) => n.toLowerCase().startsWith(needle));
  if (prefix !== undefined) return { state, rank: 2, ...(prefix === state.name ? {} : { via: prefix }) };
  const inner = names.find((n) => n.toLowerCase().includes(needle));
  if (inner !== undefined) return { state, rank: 3, ...(inner === state.name ? {} : { via: inner }) };
  return undefined;
}

/** States matching what was typed by code, name or alias ("UK", "Britain" → GB), best first. */
export function searchStates(states: readonly StateOption[], text: string, limit = 10): Match[] {
  const needle = text.trim().toLowerCase();
  if (needle === '') return [];
  return states
    .map((s) => matchState(s, needle))
    .filter((m): m is Match => m !== undefined)
    .sort((a, b) => a.rank - b.rank || a.state.name.localeCompare(b.state.name))
    .slice(0, limit);
}

export function stateLabel(state: StateOption): string {
  return `${state.name} (${state.code})`;
}

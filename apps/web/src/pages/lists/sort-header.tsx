import type { ReactNode } from 'react';
import { useQueryState } from '../../router/use-query-state.js';
import { ariaSortOf, nextSort } from './list-query.js';

/** A sortable column header: a real button, its state announced through aria-sort. */
export function SortHeader({ field, defaultSort, children }: { field: string; defaultSort: string; children: ReactNode }) {
  const query = useQueryState();
  const state = ariaSortOf(query.get('sort'), field, defaultSort);
  const arrow = state === 'ascending' ? '▲' : state === 'descending' ? '▼' : '↕';
  return (
    <th scope="col" aria-sort={state}>
      {/* A sort belongs to its cursor (keyset pages), so a new sort starts at the first page. */}
      <button type="button" className="sort" onClick={() => query.set({ sort: nextSort(query.get('sort'), field, defaultSort), cursor: null })}>
        {children} <span aria-hidden="true">{arrow}</span>
      </button>
    </th>
  );
}

import type { Page } from '../../api/client.js';
import { useApi } from '../../api/use-api.js';
import { UrlInput } from './url-input.js';

interface StateEntry {
  readonly code: string;
  readonly name: string;
}

/**
 * The states the API knows, as a datalist the country inputs of a page share. If the list cannot
 * load, the inputs still take codes typed by hand (the API validates them).
 */
export function StateDatalist({ id }: { id: string }) {
  const states = useApi<Page<StateEntry>>('/api/v1/states', { limit: 500 });
  if (states.state !== 'ready') return null;
  return (
    <datalist id={id}>
      {states.data.items.map((s) => (
        <option key={s.code} value={s.code}>
          {s.name}
        </option>
      ))}
    </datalist>
  );
}

const STATE_CODE = /^[A-Z]{2}$/;

/** A two-letter state code filter with the shared datalist; committed once it is a whole code. */
export function StateInput({ name, label, listId }: { name: string; label: string; listId: string }) {
  return <UrlInput name={name} label={label} list={listId} size={6} maxLength={2} autoComplete="off" placeholder="e.g. CN" normalise={(v) => v.trim().toUpperCase()} isValid={(v) => STATE_CODE.test(v)} />;
}

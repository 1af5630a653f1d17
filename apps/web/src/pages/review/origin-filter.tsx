import { useEffect, useState, type FormEvent } from 'react';
import { useQueryState } from '../../router/use-query-state.js';

/** Narrows the queue to one origin (`?origin=import:cfr`); the API checks the pattern and says what is wrong. */
export function OriginFilter() {
  const query = useQueryState();
  const origin = query.get('origin') ?? '';
  const [text, setText] = useState(origin);
  // Back/forward changes the URL under the field: follow it.
  useEffect(() => setText(origin), [origin]);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    query.set({ origin: text.trim(), cursor: null });
  };
  return (
    <form className="filters" role="search" aria-label="Drafts by origin" onSubmit={apply}>
      <label>
        Origin
        <input list="review-origins" value={text} onChange={(e) => setText(e.target.value)} placeholder="hand-entered, import:cfr, feed:…" />
      </label>
      <datalist id="review-origins">
        <option value="hand-entered" />
        <option value="import:cfr" />
        <option value="import:eurepoc" />
        <option value="import:dcid" />
      </datalist>
      <button type="submit">Filter</button>
      {origin !== '' ? (
        <button type="button" onClick={() => query.set({ origin: null, cursor: null })}>
          All origins
        </button>
      ) : null}
    </form>
  );
}

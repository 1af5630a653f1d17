import { useEffect, useRef, useState, type InputHTMLAttributes, type KeyboardEvent } from 'react';
import { useQueryState } from '../../router/use-query-state.js';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'name'>;

/**
 * A text filter bound to one query-string key. Typing stays local until the value is committed —
 * after a pause (`debounceMs`, written with replace so every keystroke is not a history entry) or
 * on Enter / leaving the field — so half-typed codes and dates never reach the API. Committing
 * resets the cursor: a filtered list starts at its first page.
 */
export function UrlInput({ name, label, debounceMs, normalise = (v) => v.trim(), isValid = () => true, hint, ...rest }: { name: string; label: string; debounceMs?: number; normalise?: (value: string) => string; isValid?: (value: string) => boolean; hint?: string } & InputProps) {
  const query = useQueryState();
  const fromUrl = query.get(name) ?? '';
  const [text, setText] = useState(fromUrl);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Back/forward or a link changed the URL: show what the URL says.
  useEffect(() => setText(fromUrl), [fromUrl]);
  useEffect(() => () => {
    if (timer.current !== null) clearTimeout(timer.current);
  }, []);

  const commit = (value: string, replace: boolean) => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const next = normalise(value);
    if (next === fromUrl || (next !== '' && !isValid(next))) return;
    query.set({ [name]: next, cursor: null }, { replace });
  };

  const onChange = (value: string) => {
    setText(value);
    if (debounceMs === undefined) return;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(value, true), debounceMs);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit(text, debounceMs !== undefined);
  };
  const invalid = text.trim() !== '' && !isValid(normalise(text));

  return (
    <label>
      {label}
      <input {...rest} value={text} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value)} onBlur={() => commit(text, debounceMs !== undefined)} onKeyDown={onKeyDown} />
      {hint !== undefined ? <span className="hint">{hint}</span> : null}
    </label>
  );
}

/** A select bound to one query-string key: each choice is a history entry and resets the cursor. */
export function UrlSelect({ name, label, options, anyLabel = 'Any' }: { name: string; label: string; options: readonly { readonly value: string; readonly label: string }[]; anyLabel?: string }) {
  const query = useQueryState();
  return (
    <label>
      {label}
      <select value={query.get(name) ?? ''} onChange={(e) => query.set({ [name]: e.target.value, cursor: null })}>
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

import type { Term } from '@pactwatch/domain';
import { FieldError } from './field-errors.js';

/** A vocabulary as checkboxes (activity types, means, target categories): ids stored, labels and descriptions shown. */
export function TermCheckboxes({ legend, terms, selected, onChange, error, errorId }: { legend: string; terms: readonly Term<string>[]; selected: readonly string[]; onChange: (ids: string[]) => void; error?: string | undefined; errorId: string }) {
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));
  return (
    <fieldset className="terms">
      <legend>{legend}</legend>
      {terms.map((term) => (
        <label key={term.id} className="check" title={term.description}>
          <input type="checkbox" checked={selected.includes(term.id)} onChange={(e) => toggle(term.id, e.target.checked)} />
          {term.label}
        </label>
      ))}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

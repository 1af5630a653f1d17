import { useId, useState, type KeyboardEvent } from 'react';
import { FieldError } from './field-errors.js';

export interface ComboOption {
  readonly id: string;
  readonly label: string;
  /** Why it matched, e.g. the alias typed ("matches “Britain”"). */
  readonly hint?: string;
}

interface ComboboxProps {
  readonly label: string;
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly options: readonly ComboOption[];
  readonly onSelect: (option: ComboOption) => void;
  /** Called when focus leaves without a choice from the list. */
  readonly onCommit?: () => void;
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly placeholder?: string;
  /** Shown under the list when it is empty or loading ("no match", "loading states…"). */
  readonly status?: string;
}

/**
 * An editable combobox (WAI-ARIA 1.2 pattern): type to filter, arrows to move, Enter to choose,
 * Escape to close. Options are chosen on mousedown so the input's blur does not close them first.
 */
export function Combobox({ label, text, onText, options, onSelect, onCommit, error, required = false, placeholder, status }: ComboboxProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = `${id}-list`;
  const current = options[Math.min(active, options.length - 1)];
  const choose = (option: ComboOption) => {
    onSelect(option);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter' && open && current !== undefined) {
      event.preventDefault();
      choose(current);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };
  const showList = open && text.trim() !== '';
  return (
    <div className="combobox">
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        role="combobox"
        value={text}
        required={required}
        placeholder={placeholder}
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-invalid={error !== undefined}
        aria-describedby={`${id}-error`}
        {...(showList && current !== undefined ? { 'aria-activedescendant': `${id}-opt-${current.id}` } : {})}
        onChange={(e) => {
          onText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          onCommit?.();
        }}
      />
      <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className="combo-list" hidden={!showList}>
        {options.map((option) => (
          <li
            key={option.id}
            id={`${id}-opt-${option.id}`}
            role="option"
            aria-selected={option === current}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(option);
            }}
          >
            {option.label}
            {option.hint !== undefined ? <span className="muted"> {option.hint}</span> : null}
          </li>
        ))}
        {options.length === 0 && status !== undefined ? <li className="muted" aria-disabled="true">{status}</li> : null}
      </ul>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

import { describeUncertainDate, OPEN_END, OPEN_END_READING, parseUncertainDate } from '@pactwatch/domain';
import { useId } from 'react';
import { FieldError } from './field-errors.js';

/**
 * The plain-language reading of an EDTF string, or why it cannot be read. Empty input is neither.
 * `openEnd`: the field is an incident's end, where ".." alone means "still going on".
 */
export function readEdtf(text: string, openEnd = false): { readonly reading?: string; readonly error?: string } {
  if (text.trim() === '') return {};
  if (openEnd && text.trim() === OPEN_END) return { reading: OPEN_END_READING };
  try {
    return { reading: describeUncertainDate(parseUncertainDate(text)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

interface EdtfInputProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly required?: boolean;
  /** A validation or server error for this field (shown when the input itself parses). */
  readonly error?: string | undefined;
  /** An incident's end: ".." (still going on) is accepted besides a date. */
  readonly openEnd?: boolean;
}

/**
 * An EDTF date field ("2015-09", "2016-01/2016-07", "2015~") with its reading updated as you type
 * ("sometime between Jan and Jul 2016"), so an analyst sees what the engine will understand.
 */
export function EdtfInput({ label, value, onChange, required = false, error, openEnd = false }: EdtfInputProps) {
  const id = useId();
  const { reading, error: parseError } = readEdtf(value, openEnd);
  const shown = parseError ?? error;
  return (
    <div className="edtf-input">
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        value={value}
        required={required}
        placeholder={openEnd ? 'e.g. 2016-07, or .. if still going on' : 'e.g. 2015-09, 2016-01/2016-07, 2015~'}
        aria-invalid={shown !== undefined}
        aria-describedby={`${id}-reading ${id}-error`}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
      <span id={`${id}-reading`} className="edtf-reading muted" aria-live="polite">
        {reading !== undefined ? `Reads as: ${reading}` : ''}
      </span>
      <FieldError id={`${id}-error`} message={shown} />
    </div>
  );
}

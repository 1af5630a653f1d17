import { useId } from 'react';
import { FieldError } from './field-errors.js';

interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly required?: boolean;
  readonly multiline?: boolean;
  readonly type?: 'text' | 'url' | 'number';
  readonly hint?: string;
  readonly min?: number;
  readonly max?: number;
}

/** A labelled text field with its inline error (aria-invalid, described by the message). */
export function TextField({ label, value, onChange, error, required = false, multiline = false, type = 'text', hint, min, max }: TextFieldProps) {
  const id = useId();
  const common = {
    id,
    value,
    required,
    'aria-invalid': error !== undefined,
    'aria-describedby': `${id}-hint ${id}-error`,
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {multiline ? (
        <textarea {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} {...(min === undefined ? {} : { min })} {...(max === undefined ? {} : { max })} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint !== undefined ? (
        <span id={`${id}-hint`} className="muted field-hint">
          {hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A labelled select over a vocabulary (ids stored, labels shown). */
export function SelectField({ label, value, onChange, options, error, placeholder }: { label: string; value: string; onChange: (value: string) => void; options: ReadonlyArray<{ readonly id: string; readonly label: string }>; error?: string | undefined; placeholder?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} aria-invalid={error !== undefined} aria-describedby={`${id}-error`} onChange={(e) => onChange(e.target.value)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

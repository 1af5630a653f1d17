import type { FormEvent, ReactNode } from 'react';
import type { ApiError } from '../../api/problem.js';
import { ErrorNotice } from '../../components/data-view.js';
import { Link } from '../../router/router.js';
import { ErrorSummary, type FieldErrors } from './field-errors.js';
import { TextField } from './text-field.js';

interface FormShellProps {
  /** 'incident' or 'agreement': names the summary and the save button ("Save incident"). */
  readonly what: string;
  readonly errors: FieldErrors;
  readonly failure: ApiError | null;
  readonly pending: boolean;
  readonly onSubmit: () => void;
  /** New incidents only: propose the record for review (the draft queue) instead of saving it. */
  readonly onPropose?: (() => void) | undefined;
  readonly cancelTo: string;
  readonly children: ReactNode;
}

/** A record form: every error listed first, the server's failure, the fields, then Save and Cancel. */
export function FormShell({ what, errors, failure, pending, onSubmit, onPropose, cancelTo, children }: FormShellProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="form entry-form" onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} title={`The ${what} cannot be saved yet:`} />
      {failure !== null ? <ErrorNotice error={failure} /> : null}
      {children}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Saving…' : `Save ${what}`}
        </button>
        {onPropose !== undefined ? (
          <button type="button" disabled={pending} onClick={onPropose} title="Put it in the review queue for another analyst to accept, merge or reject">
            Submit for review
          </button>
        ) : null}
        <Link to={cancelTo}>Cancel</Link>
      </div>
    </form>
  );
}

/** The id: suggested from the title while new (until typed over), fixed once stored. */
export function IdField({ id, editing, hint, error, onChange }: { id: string; editing: boolean; hint: string; error: string | undefined; onChange: (id: string) => void }) {
  if (editing) {
    return (
      <p className="muted">
        Id <code>{id}</code> (ids cannot be changed)
      </p>
    );
  }
  return <TextField label="Id (slug)" hint={hint} value={id} onChange={onChange} error={error} required />;
}

/** Provenance of a record entered here: `added`, with a note saying why (required by the schema). */
export function ProvenanceNoteField({ value, onChange, errors }: { value: string; onChange: (note: string) => void; errors: FieldErrors }) {
  return <TextField label="Provenance note" hint="Why this record was added and from what" value={value} onChange={onChange} error={errors['provenance.note'] ?? errors['provenance']} required />;
}

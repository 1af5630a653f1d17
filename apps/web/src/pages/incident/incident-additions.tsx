import { attributionSchema, sourceSchema } from '@pactwatch/domain';
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api/client.js';
import { ApiError } from '../../api/problem.js';
import { ErrorNotice } from '../../components/data-view.js';
import { AttributionFields } from '../entry/attributions-editor.js';
import { ErrorSummary, problemFieldErrors, zodFieldErrors, type FieldErrors } from '../entry/field-errors.js';
import { attributionRecord, emptyAttribution, type AttributionRow } from '../entry/incident-form-model.js';
import { emptySource, sourceRecord, type SourceRow } from '../entry/source-rows.js';
import { SourceFields } from '../entry/sources-editor.js';
import { StatesProvider } from '../entry/states-context.js';
import { STALE_MESSAGE } from './override-panel.js';

interface AddFormProps<R> {
  readonly what: 'attribution' | 'source';
  readonly incidentId: string;
  readonly etag: string | null;
  readonly empty: () => R;
  readonly toRecord: (row: R) => Record<string, unknown>;
  readonly schema: typeof attributionSchema | typeof sourceSchema;
  readonly fields: (row: R, set: (row: R) => void, errors: FieldErrors) => ReactNode;
  readonly onAdded: () => void;
}

/**
 * Adds one attribution or source to a stored incident (POST /incidents/:id/attributions|sources)
 * with the incident's ETag, so an edit made meanwhile is refused (412) instead of lost.
 */
function AddForm<R>({ what, incidentId, etag, empty, toRecord, schema, fields, onAdded }: AddFormProps<R>) {
  const [row, setRow] = useState<R | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);
  if (row === null) {
    return (
      <button type="button" onClick={() => setRow(empty())}>
        Add {what}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const record = JSON.parse(JSON.stringify(toRecord(row))) as unknown;
    const checked = schema.safeParse(record);
    const found = checked.success ? {} : zodFieldErrors(checked.error.issues);
    setErrors(found);
    if (!checked.success) return;
    setPending(true);
    try {
      await api.post(`/api/v1/incidents/${encodeURIComponent(incidentId)}/${what}s`, record, { ifMatch: etag });
      setRow(null);
      onAdded();
    } catch (error) {
      const failed = error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error));
      setFailure(failed.status === 412 ? new ApiError(412, failed.code, STALE_MESSAGE, [], failed.requestId) : failed);
      setErrors(problemFieldErrors(failed.problems));
    } finally {
      setPending(false);
    }
  };
  return (
    <form className="form entry-form add-form" onSubmit={(e) => void submit(e)} noValidate aria-label={`Add ${what}`}>
      <ErrorSummary errors={errors} title={`The ${what} cannot be added yet:`} />
      {failure !== null ? <ErrorNotice error={failure} /> : null}
      <StatesProvider>{fields(row, setRow, errors)}</StatesProvider>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={pending}>
          Save {what}
        </button>
        <button type="button" onClick={() => setRow(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function IncidentAdditions({ incidentId, etag, onAdded }: { incidentId: string; etag: string | null; onAdded: () => void }) {
  return (
    <div className="additions">
        <AddForm<AttributionRow>
          what="attribution"
          incidentId={incidentId}
          etag={etag}
          empty={emptyAttribution}
          toRecord={attributionRecord}
          schema={attributionSchema}
          fields={(row, set, errors) => <AttributionFields row={row} onChange={set} errors={errors} prefix="" />}
          onAdded={onAdded}
        />
        <AddForm<SourceRow>
          what="source"
          incidentId={incidentId}
          etag={etag}
          empty={emptySource}
          toRecord={sourceRecord}
          schema={sourceSchema}
          fields={(row, set, errors) => <SourceFields row={row} onChange={set} errors={errors} prefix="" />}
          onAdded={onAdded}
        />
    </div>
  );
}

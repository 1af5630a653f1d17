import { VERDICTS, type FindingContract, type Verdict } from '@pactwatch/domain';
import { useId, useState, type FormEvent } from 'react';
import { api, withQuery } from '../../api/client.js';
import { ApiError } from '../../api/problem.js';
import { ErrorNotice } from '../../components/data-view.js';
import { VERDICT_LABELS } from '../../theme/palette.js';

export const STALE_MESSAGE = 'Someone changed this since you opened it; reload to see their version, then reapply your change.';

function asError(error: unknown): ApiError {
  const failed = error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error));
  return failed.status === 412 ? new ApiError(412, failed.code, STALE_MESSAGE, [], failed.requestId) : failed;
}

/** The finding's current override version: its ETag, sent back as If-Match so concurrent overrides are refused. */
async function findingEtag(finding: FindingContract): Promise<string | null> {
  const detail = await api.get<FindingContract>(withQuery('/api/v1/findings/detail', { commitment: finding.commitment, incident: finding.incident }));
  return detail.etag;
}

/**
 * An analyst's override of one finding: the version is read when the form opens, so a change made
 * by someone else in between is reported (412) rather than silently replaced.
 */
export function OverridePanel({ finding, onChanged }: { finding: FindingContract; onChanged: () => void }) {
  const id = useId();
  const [etag, setEtag] = useState<string | null | undefined>(undefined);
  const [verdict, setVerdict] = useState<Verdict>(finding.override?.verdict ?? finding.verdict);
  const [note, setNote] = useState(finding.override?.note ?? '');
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  const attempt = async (work: () => Promise<void>) => {
    setPending(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(asError(error));
    } finally {
      setPending(false);
    }
  };
  const open = () => attempt(async () => setEtag(await findingEtag(finding)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') {
      setNoteError('A note is required: say why the computed verdict is wrong.');
      return;
    }
    setNoteError(undefined);
    void attempt(async () => {
      await api.put('/api/v1/findings/override', { commitment: finding.commitment, incident: finding.incident, verdict, note: note.trim() }, { ifMatch: etag ?? null });
      setEtag(undefined);
      onChanged();
    });
  };
  const remove = () =>
    attempt(async () => {
      const current = etag ?? (await findingEtag(finding));
      await api.delete(withQuery('/api/v1/findings/override', { commitment: finding.commitment, incident: finding.incident }), { ifMatch: current });
      setEtag(undefined);
      onChanged();
    });

  return (
    <div className="override-panel">
      {failure !== null ? <ErrorNotice error={failure} /> : null}
      {etag === undefined ? (
        <div className="form-actions">
          <button type="button" onClick={() => void open()} disabled={pending}>
            Override verdict
          </button>
          {finding.override !== undefined ? (
            <button type="button" className="danger" onClick={() => void remove()} disabled={pending}>
              Remove override
            </button>
          ) : null}
        </div>
      ) : (
        <form className="form override-form" onSubmit={submit} noValidate aria-label={`Override the verdict on ${finding.commitment}`}>
          <label htmlFor={`${id}-verdict`}>Verdict</label>
          <select id={`${id}-verdict`} value={verdict} onChange={(e) => setVerdict(VERDICTS.find((v) => v === e.target.value) ?? verdict)}>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABELS[v]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-note`}>Note</label>
          <textarea id={`${id}-note`} value={note} required aria-invalid={noteError !== undefined} aria-describedby={`${id}-note-error`} onChange={(e) => setNote(e.target.value)} />
          {noteError !== undefined ? (
            <span id={`${id}-note-error`} role="alert" className="field-error">
              {noteError}
            </span>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={pending}>
              Save override
            </button>
            <button type="button" onClick={() => setEtag(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

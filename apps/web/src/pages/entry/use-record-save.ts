import { useState } from 'react';
import { api } from '../../api/client.js';
import { ApiError } from '../../api/problem.js';
import { useRouter } from '../../router/router.js';
import { problemFieldErrors, type FieldErrors } from './field-errors.js';

export interface SaveTarget {
  /** '/api/v1/incidents' or '/api/v1/agreements'. */
  readonly collection: string;
  /** The stored record's id when editing (PUT), undefined when creating (POST). */
  readonly editing?: string | undefined;
  /** The ETag read with the record: sent as If-Match so a concurrent change is refused, not overwritten. */
  readonly etag?: string | null | undefined;
  /** Where to go after saving, given the saved id ('/incidents/ID'). */
  readonly pageOf: (id: string) => string;
}

const STALE = 'Someone changed this record since you opened it, so nothing was saved. Reload the page to see their version, then reapply your change.';

/**
 * Validates in the browser with the API's own schema, then POSTs or PUTs; server field problems
 * (422) land beside their fields, a stale version (412) says so plainly.
 */
export function useRecordSave(target: SaveTarget, validate: (record: Record<string, unknown>) => FieldErrors) {
  const { navigate } = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  const attempt = async (record: Record<string, unknown>, write: () => Promise<string>): Promise<void> => {
    setFailure(null);
    const found = validate(record);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      navigate(await write());
    } catch (error) {
      const failed = error instanceof ApiError ? error : new ApiError(0, 'CLIENT', String(error));
      if (failed.status === 412) setFailure(new ApiError(412, failed.code, STALE, [], failed.requestId));
      else setFailure(failed);
      if (failed.problems.length > 0) setErrors(problemFieldErrors(failed.problems));
    } finally {
      setPending(false);
    }
  };
  const save = (record: Record<string, unknown>): Promise<void> =>
    attempt(record, async () => {
      if (target.editing === undefined) await api.post(target.collection, record);
      else await api.put(`${target.collection}/${encodeURIComponent(target.editing)}`, record, { ifMatch: target.etag ?? null });
      return target.pageOf(String(record['id']));
    });
  /** A new incident proposed for review instead of stored: a hand-entered draft in the review queue. */
  const propose = (record: Record<string, unknown>): Promise<void> =>
    attempt(record, async () => {
      await api.post('/api/v1/drafts', { record, origin: 'hand-entered' });
      return '/review';
    });
  return { errors, failure, pending, save, propose };
}

import type { Provenance } from '@pactwatch/domain';
import type { ReactNode } from 'react';
import { useApi } from '../../api/use-api.js';
import { DataView } from '../../components/data-view.js';
import { Link } from '../../router/router.js';
import { editableOrigin } from './record-origin.js';

/**
 * Loads a stored record for its edit form with the ETag to send back; curated and imported
 * records are read-only through the API, so the form is replaced by where to change them instead.
 */
export function EditableRecordLoader<T extends { readonly provenance: Provenance }>({ api, page, what, children }: { api: string; page: string; what: string; children: (record: T, etag: string | null) => ReactNode }) {
  const loaded = useApi<T>(api);
  return (
    <DataView value={loaded} what={what}>
      {(record, etag, headers) => {
        const origin = editableOrigin(record.provenance, headers);
        if (origin.editable) return children(record, etag);
        return (
          <div className="notice">
            <p>{origin.reason}</p>
            <Link to={page}>Back to the {what.replace(/^the /, '')}</Link>
          </div>
        );
      }}
    </DataView>
  );
}

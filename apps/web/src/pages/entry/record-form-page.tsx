import type { Provenance } from '@pactwatch/domain';
import type { ReactNode } from 'react';
import { Loading } from '../../components/data-view.js';
import { useSession } from '../../session/session.js';
import { EditableRecordLoader } from './record-loader.js';
import { StatesProvider } from './states-context.js';

interface RecordFormPageProps<R, F> {
  /** The record's id when editing; undefined on the "new" route. */
  readonly id: string | undefined;
  /** 'incident' or 'agreement'. */
  readonly what: string;
  /** The API collection and the page a record is shown on ('/api/v1/incidents', '/incidents'). */
  readonly collection: string;
  readonly pageBase: string;
  /** A blank form; the provenance note names its author. */
  readonly blank: (author: string) => F;
  readonly fromRecord: (record: R) => F;
  readonly editor: (initial: F, etag: string | null) => ReactNode;
}

/** The shell both entry forms share: a blank form on /new, the stored record (if editable) on /:id/edit. */
export function RecordFormPage<R extends { readonly provenance: Provenance }, F>({ id, what, collection, pageBase, blank, fromRecord, editor }: RecordFormPageProps<R, F>) {
  const session = useSession();
  if (id === undefined) {
    // The provenance note names the author, so wait for the session to say who that is.
    if (session.status === 'unknown') return <Loading what="your session" />;
    return (
      <section>
        <h1>New {what}</h1>
        <StatesProvider>{editor(blank(session.principal?.name ?? `an ${what === 'agreement' ? 'admin' : 'analyst'}`), null)}</StatesProvider>
      </section>
    );
  }
  return (
    <section>
      <h1>Edit {what}</h1>
      <EditableRecordLoader<R> api={`${collection}/${encodeURIComponent(id)}`} page={`${pageBase}/${encodeURIComponent(id)}`} what={`the ${what}`}>
        {(record, etag) => <StatesProvider>{editor(fromRecord(record), etag)}</StatesProvider>}
      </EditableRecordLoader>
    </section>
  );
}

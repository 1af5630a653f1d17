import { AGREEMENT_KINDS, AGREEMENT_STATUSES, type Agreement } from '@pactwatch/domain';
import { useState } from 'react';
import type { PageProps } from '../../routes.js';
import { agreementForm, agreementRecord, newAgreementForm, validateAgreement, type AgreementForm } from './agreement-form-model.js';
import { CommitmentsEditor } from './commitments-editor.js';
import { EdtfInput } from './edtf-input.js';
import { FormShell, IdField, ProvenanceNoteField } from './form-shell.js';
import { slugify } from './incident-form-model.js';
import { PartiesEditor } from './parties-editor.js';
import { RecordFormPage } from './record-form-page.js';
import { SourcesEditor } from './sources-editor.js';
import { SelectField, TextField } from './text-field.js';
import { useRecordSave } from './use-record-save.js';
import './entry.css';

/** /agreements/new and /agreements/:id/edit (admin): the agreement with its scoped commitments. */
export function AgreementFormPage({ params }: PageProps) {
  return (
    <RecordFormPage<Agreement, AgreementForm>
      id={params['id']}
      what="agreement"
      collection="/api/v1/agreements"
      pageBase="/agreements"
      blank={newAgreementForm}
      fromRecord={agreementForm}
      editor={(initial, etag) => <AgreementEditor initial={initial} etag={etag} />}
    />
  );
}

function AgreementEditor({ initial, etag }: { initial: AgreementForm; etag: string | null }) {
  const [form, setForm] = useState<AgreementForm>(initial);
  const editing = initial.base?.id;
  const { errors, failure, pending, save } = useRecordSave({ collection: '/api/v1/agreements', editing, etag, pageOf: (id) => `/agreements/${encodeURIComponent(id)}` }, validateAgreement);
  const set = (patch: Partial<AgreementForm>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <FormShell what="agreement" errors={errors} failure={failure} pending={pending} onSubmit={() => void save(agreementRecord(form))} cancelTo={editing === undefined ? '/agreements' : `/agreements/${encodeURIComponent(editing)}`}>
      <TextField label="Name" value={form.title} onChange={(title) => set(form.idEdited ? { title } : { title, id: slugify(title) })} error={errors['title']} required />
      <IdField id={form.id} editing={editing !== undefined} hint="Suggested from the name" error={errors['id']} onChange={(id) => set({ id, idEdited: true })} />
      <div className="row-grid">
        <SelectField label="Kind" value={form.kind} onChange={(kind) => set({ kind })} options={AGREEMENT_KINDS.list} error={errors['kind']} />
        <SelectField label="Status" value={form.status} onChange={(status) => set({ status })} options={AGREEMENT_STATUSES.list} error={errors['status']} />
      </div>
      <TextField label="Summary" multiline value={form.summary} onChange={(summary) => set({ summary })} error={errors['summary']} required />
      <PartiesEditor rows={form.parties} onChange={(parties) => set({ parties })} errors={errors} />
      <div className="row-grid">
        <EdtfInput label="Signed (EDTF)" value={form.signed} onChange={(signed) => set({ signed })} error={errors['signed']} required />
        <EdtfInput label="In force (EDTF)" value={form.inForce} onChange={(inForce) => set({ inForce })} error={errors['inForce']} />
        <EdtfInput label="Ended (EDTF)" value={form.ended} onChange={(ended) => set({ ended })} error={errors['ended']} />
      </div>
      <SourcesEditor rows={form.sources} onChange={(sources) => set({ sources })} errors={errors} />
      <CommitmentsEditor rows={form.commitments} onChange={(commitments) => set({ commitments })} errors={errors} />
      {form.base === null || form.base.provenance.origin === 'added' ? (
        <ProvenanceNoteField value={form.provenanceNote} onChange={(provenanceNote) => set({ provenanceNote })} errors={errors} />
      ) : null}
    </FormShell>
  );
}

import { INCIDENT_MEANS, type Incident } from '@pactwatch/domain';
import { useState } from 'react';
import type { PageProps } from '../../routes.js';
import { ActivitiesEditor } from './activities-editor.js';
import { AttributionsEditor } from './attributions-editor.js';
import { EdtfInput } from './edtf-input.js';
import { FormShell, IdField, ProvenanceNoteField } from './form-shell.js';
import { incidentForm, incidentRecord, newIncidentForm, slugify, validateIncident, type IncidentForm } from './incident-form-model.js';
import { RecordFormPage } from './record-form-page.js';
import { SourcesEditor } from './sources-editor.js';
import { TermCheckboxes } from './term-checkboxes.js';
import { TextField } from './text-field.js';
import { useRecordSave } from './use-record-save.js';
import { VictimsEditor } from './victims-editor.js';
import './entry.css';

/** /incidents/new and /incidents/:id/edit: the whole incident record, checked with the API's schema before sending. */
export function IncidentFormPage({ params }: PageProps) {
  return (
    <RecordFormPage<Incident, IncidentForm>
      id={params['id']}
      what="incident"
      collection="/api/v1/incidents"
      pageBase="/incidents"
      blank={newIncidentForm}
      fromRecord={incidentForm}
      editor={(initial, etag) => <IncidentEditor initial={initial} etag={etag} />}
    />
  );
}

function IncidentEditor({ initial, etag }: { initial: IncidentForm; etag: string | null }) {
  const [form, setForm] = useState<IncidentForm>(initial);
  const editing = initial.base?.id;
  const { errors, failure, pending, save, propose } = useRecordSave({ collection: '/api/v1/incidents', editing, etag, pageOf: (id) => `/incidents/${encodeURIComponent(id)}` }, validateIncident);
  const set = (patch: Partial<IncidentForm>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <FormShell what="incident" errors={errors} failure={failure} pending={pending} onSubmit={() => void save(incidentRecord(form))} onPropose={editing === undefined ? () => void propose(incidentRecord(form)) : undefined} cancelTo={editing === undefined ? '/incidents' : `/incidents/${encodeURIComponent(editing)}`}>
      <TextField
        label="Title"
        value={form.title}
        onChange={(title) => set(form.idEdited ? { title } : { title, id: slugify(title) })}
        error={errors['title']}
        required
      />
      <IdField id={form.id} editing={editing !== undefined} hint="Suggested from the title; lower-case letters, digits and hyphens" error={errors['id']} onChange={(id) => set({ id, idEdited: true })} />
      <TextField label="Summary" hint="In our own words, never copied from a source" multiline value={form.summary} onChange={(summary) => set({ summary })} error={errors['summary']} required />
      <div className="row-grid">
        <EdtfInput label="Start date (EDTF)" value={form.start} onChange={(start) => set({ start })} error={errors['period.start'] ?? errors['period']} required />
        <EdtfInput label="End date (EDTF)" value={form.end} onChange={(end) => set({ end })} error={errors['period.end']} openEnd />
        <EdtfInput label="Disclosure date (EDTF)" value={form.disclosed} onChange={(disclosed) => set({ disclosed })} error={errors['disclosed']} />
      </div>
      <ActivitiesEditor value={form.activities} onChange={(activities) => set({ activities })} error={errors['activities']} />
      <TermCheckboxes legend="Means" terms={INCIDENT_MEANS.list} selected={form.means} onChange={(means) => set({ means })} error={errors['means']} errorId="means-error" />
      <AttributionsEditor rows={form.attributions} onChange={(attributions) => set({ attributions })} errors={errors} />
      <VictimsEditor rows={form.victims} onChange={(victims) => set({ victims })} errors={errors} />
      <SourcesEditor rows={form.sources} onChange={(sources) => set({ sources })} errors={errors} />
      {form.base === null || form.base.provenance.origin === 'added' ? (
        <ProvenanceNoteField value={form.provenanceNote} onChange={(provenanceNote) => set({ provenanceNote })} errors={errors} />
      ) : null}
    </FormShell>
  );
}

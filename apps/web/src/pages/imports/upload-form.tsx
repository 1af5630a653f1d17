import type { JobRecord } from '@pactwatch/domain';
import { useCallback, useState, type FormEvent } from 'react';
import { api } from '../../api/client.js';
import { useAction } from '../../api/use-api.js';
import { ErrorNotice } from '../../components/data-view.js';
import { FORMATS, MAPPING_PRESETS, isTabular, suggestFormat, type ImportFormat } from './import-types.js';

/** The multipart body of POST /api/v1/imports; mapping fields only for the tabular formats. */
export function importForm(input: { file: File; format: string; mapping: string; mappingText: string; dataset: string; dryRun: boolean; asDrafts: boolean }): FormData {
  const form = new FormData();
  form.set('format', input.format);
  if (isTabular(input.format)) {
    if (input.mapping !== '') form.set('mapping', input.mapping);
    if (input.mappingText.trim() !== '') form.set('mappingText', input.mappingText);
  }
  if (input.dataset.trim() !== '') form.set('dataset', input.dataset.trim());
  if (input.dryRun) form.set('dryRun', 'true');
  if (input.asDrafts) form.set('asDrafts', 'true');
  // The file goes last: the server reads the fields as they stream in before the file.
  form.set('file', input.file, input.file.name);
  return form;
}

/** Uploads one file to import (admins); the answer is the queued job, which the page then watches. */
export function UploadForm({ onQueued }: { onQueued: (job: JobRecord) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [suggested, setSuggested] = useState<ImportFormat | null>(null);
  const [mapping, setMapping] = useState('');
  const [mappingText, setMappingText] = useState('');
  const [dataset, setDataset] = useState('');
  const [dryRun, setDryRun] = useState(false);
  const [asDrafts, setAsDrafts] = useState(false);
  const upload = useCallback(async (form: FormData) => (await api.post<JobRecord>('/api/v1/imports', form)).data, []);
  const action = useAction(upload);

  const pick = (next: File | null) => {
    setFile(next);
    const guess = next === null ? null : suggestFormat(next.name);
    setSuggested(guess);
    if (guess !== null) setFormat(guess);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (file === null || format === '') return;
    const job = await action.run(importForm({ file, format, mapping, mappingText, dataset, dryRun, asDrafts }));
    if (job !== undefined) onQueued(job);
  };

  return (
    <form className="form imports-form" onSubmit={(e) => void submit(e)}>
      <label>
        File to import
        {/* Not `required`: the submit button stays disabled until a file is chosen, which also covers browsers that cannot validate file inputs. */}
        <input type="file" accept=".csv,.tsv,.xlsx,.json" aria-required="true" onChange={(e) => pick(e.target.files?.[0] ?? null)} />
      </label>
      <label>
        Format
        <select value={format} required onChange={(e) => setFormat(e.target.value as ImportFormat | '')}>
          <option value="">Choose a format…</option>
          {FORMATS.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      {suggested !== null ? <p className="muted">Format suggested from the file name ({suggested}); change it if it is wrong.</p> : null}
      {isTabular(format) ? (
        <fieldset className="imports-mapping">
          <legend>Column mapping</legend>
          <label>
            Mapping preset
            <select value={mapping} onChange={(e) => setMapping(e.target.value)}>
              <option value="">Recognise from the header</option>
              {MAPPING_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label} ({p.id})
                </option>
              ))}
            </select>
          </label>
          <label>
            Mapping YAML for custom columns (optional; overrides the preset)
            <textarea value={mappingText} onChange={(e) => setMappingText(e.target.value)} rows={6} spellCheck={false} className="imports-yaml" />
          </label>
        </fieldset>
      ) : null}
      <label>
        Dataset name (optional, a lower-case slug)
        <input value={dataset} onChange={(e) => setDataset(e.target.value)} pattern="[a-z0-9][a-z0-9._:-]*" placeholder="e.g. cfr" />
      </label>
      <label className="imports-check">
        <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} /> Dry run: check and report, write nothing
      </label>
      <label className="imports-check">
        <input type="checkbox" checked={asDrafts} onChange={(e) => setAsDrafts(e.target.checked)} /> Propose as drafts for review
      </label>
      {asDrafts ? <p className="muted">Incidents go to the review queue as pending drafts instead of the store; actors are stored as usual, and records already proposed are skipped.</p> : null}
      <div>
        <button type="submit" className="primary" disabled={file === null || format === '' || action.pending}>
          {action.pending ? 'Uploading…' : 'Upload and import'}
        </button>
      </div>
      {action.error !== null ? (
        <>
          {action.error.status === 413 ? <p className="muted">The file is larger than the server accepts (PACTWATCH_MAX_UPLOAD_MB); split it or ask the operator to raise the limit.</p> : null}
          <ErrorNotice error={action.error} />
        </>
      ) : null}
    </form>
  );
}

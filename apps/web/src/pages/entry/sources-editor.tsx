import { EdtfInput } from './edtf-input.js';
import { at, FieldError, type FieldErrors } from './field-errors.js';
import { emptySource, removeAt, replaceAt, type SourceRow } from './source-rows.js';
import { TextField } from './text-field.js';

/** One source's fields (publisher, title, date, link, quote); also used alone to add a source to a stored incident. */
export function SourceFields({ row, onChange, errors, prefix }: { row: SourceRow; onChange: (row: SourceRow) => void; errors: FieldErrors; prefix: string }) {
  const set = (patch: Partial<SourceRow>) => onChange({ ...row, ...patch });
  return (
    <div className="row-grid">
      <TextField label="Publisher" value={row.publisher} onChange={(publisher) => set({ publisher })} error={errors[at(prefix, 'publisher')]} required />
      <TextField label="Source title" value={row.title} onChange={(title) => set({ title })} error={errors[at(prefix, 'title')]} required />
      <EdtfInput label="Source date (EDTF)" value={row.date} onChange={(date) => set({ date })} error={errors[at(prefix, 'date')]} />
      <TextField label="Link (URL)" type="url" value={row.url} onChange={(url) => set({ url })} error={errors[at(prefix, 'url')]} />
      <TextField label="Quote" multiline value={row.quote} onChange={(quote) => set({ quote })} error={errors[at(prefix, 'quote')]} />
    </div>
  );
}

/** The list of sources with add/remove; at least one is required by the schema. */
export function SourcesEditor({ rows, onChange, errors, path = 'sources' }: { rows: readonly SourceRow[]; onChange: (rows: SourceRow[]) => void; errors: FieldErrors; path?: string }) {
  return (
    <fieldset className="rows">
      <legend>Sources</legend>
      <FieldError id={`${path}-error`} message={errors[path]} />
      {rows.map((row, index) => (
        <fieldset key={row.key} className="row">
          <legend>Source {index + 1}</legend>
          <SourceFields row={row} prefix={`${path}.${index}`} errors={errors} onChange={(next) => onChange(replaceAt(rows, index, next))} />
          {rows.length > 1 ? (
            <button type="button" className="danger" onClick={() => onChange(removeAt(rows, index))}>
              Remove source {index + 1}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...rows, emptySource()])}>
        Add source
      </button>
    </fieldset>
  );
}

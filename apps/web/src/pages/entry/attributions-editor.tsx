import { ACTOR_RELATIONS, ATTRIBUTION_BASES } from '@pactwatch/domain';
import { ActorPicker } from './actor-picker.js';
import { CountryPicker } from './country-picker.js';
import { at, FieldError, type FieldErrors } from './field-errors.js';
import { emptyAttribution, type AttributionRow } from './incident-form-model.js';
import { removeAt, replaceAt } from './source-rows.js';
import { SelectField, TextField } from './text-field.js';

/** One attribution: who sponsored it, which actor, how sure, on what basis, said by whom. */
export function AttributionFields({ row, onChange, errors, prefix }: { row: AttributionRow; onChange: (row: AttributionRow) => void; errors: FieldErrors; prefix: string }) {
  const set = (patch: Partial<AttributionRow>) => onChange({ ...row, ...patch });
  return (
    <div className="row-grid">
      <CountryPicker label="Sponsor" value={row.sponsor} onChange={(sponsor) => set({ sponsor })} error={errors[at(prefix, 'sponsor')]} required />
      <ActorPicker value={{ actor: row.actor, actorName: row.actorName }} onChange={(v) => set({ actor: v.actor, actorName: v.actorName })} error={errors[at(prefix, 'actor')] ?? errors[at(prefix, 'actorName')]} />
      <SelectField label="Relation to the state" value={row.relation} onChange={(relation) => set({ relation })} options={ACTOR_RELATIONS.list} error={errors[at(prefix, 'relation')]} />
      <TextField label="Confidence" type="number" min={0} max={100} hint="0–100; a breach needs at least the threshold (70 by default)" value={row.confidence} onChange={(confidence) => set({ confidence })} error={errors[at(prefix, 'confidence')]} required />
      <SelectField label="Basis" value={row.basis} onChange={(basis) => set({ basis })} options={ATTRIBUTION_BASES.list} error={errors[at(prefix, 'basis')]} />
      <TextField label="Attributed by" hint="Who made the attribution, e.g. FBI, Mandiant" value={row.attributedBy} onChange={(attributedBy) => set({ attributedBy })} error={errors[at(prefix, 'attributedBy')]} required />
    </div>
  );
}

export function AttributionsEditor({ rows, onChange, errors }: { rows: readonly AttributionRow[]; onChange: (rows: AttributionRow[]) => void; errors: FieldErrors }) {
  return (
    <fieldset className="rows">
      <legend>Attributions</legend>
      <FieldError id="attributions-error" message={errors['attributions']} />
      {rows.map((row, index) => (
        <fieldset key={row.key} className="row">
          <legend>Attribution {index + 1}</legend>
          <AttributionFields row={row} prefix={`attributions.${index}`} errors={errors} onChange={(next) => onChange(replaceAt(rows, index, next))} />
          {rows.length > 1 ? (
            <button type="button" className="danger" onClick={() => onChange(removeAt(rows, index))}>
              Remove attribution {index + 1}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...rows, emptyAttribution()])}>
        Add attribution
      </button>
    </fieldset>
  );
}

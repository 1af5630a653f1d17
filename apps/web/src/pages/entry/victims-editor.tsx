import { TARGET_CATEGORIES } from '@pactwatch/domain';
import { CountryPicker } from './country-picker.js';
import { FieldError, type FieldErrors } from './field-errors.js';
import { emptyVictim, type VictimRow } from './incident-form-model.js';
import { removeAt, replaceAt } from './source-rows.js';
import { SelectField, TextField } from './text-field.js';

/** Victims: the state, the target category the engine checks against a commitment's scope, sector and entity. */
export function VictimsEditor({ rows, onChange, errors }: { rows: readonly VictimRow[]; onChange: (rows: VictimRow[]) => void; errors: FieldErrors }) {
  return (
    <fieldset className="rows">
      <legend>Victims</legend>
      <FieldError id="victims-error" message={errors['victims']} />
      {rows.map((row, index) => {
        const prefix = `victims.${index}`;
        const set = (patch: Partial<VictimRow>) => onChange(replaceAt(rows, index, { ...row, ...patch }));
        return (
          <fieldset key={row.key} className="row">
            <legend>Victim {index + 1}</legend>
            <div className="row-grid">
              <CountryPicker label="Victim" value={row.state} onChange={(state) => set({ state })} error={errors[`${prefix}.state`]} required />
              <SelectField label="Target category" value={row.category} onChange={(category) => set({ category })} options={TARGET_CATEGORIES.list} placeholder="Not recorded" error={errors[`${prefix}.category`]} />
              <TextField label="Sector" value={row.sector} onChange={(sector) => set({ sector })} error={errors[`${prefix}.sector`]} />
              <TextField label="Entity" value={row.entity} onChange={(entity) => set({ entity })} error={errors[`${prefix}.entity`]} />
            </div>
            {rows.length > 1 ? (
              <button type="button" className="danger" onClick={() => onChange(removeAt(rows, index))}>
                Remove victim {index + 1}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, emptyVictim()])}>
        Add victim
      </button>
    </fieldset>
  );
}

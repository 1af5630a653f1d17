import { emptyParty, type PartyRow } from './agreement-form-model.js';
import { CountryPicker } from './country-picker.js';
import { FieldError, type FieldErrors } from './field-errors.js';
import { removeAt, replaceAt } from './source-rows.js';
import { SelectField, TextField } from './text-field.js';

const PARTY_KINDS = [
  { id: 'state', label: 'State' },
  { id: 'group', label: 'Group (e.g. g20, sco)' },
];

/** The parties: states (picked by name or alias) or groups of states (by their id). */
export function PartiesEditor({ rows, onChange, errors }: { rows: readonly PartyRow[]; onChange: (rows: PartyRow[]) => void; errors: FieldErrors }) {
  return (
    <fieldset className="rows">
      <legend>Parties</legend>
      <FieldError id="parties-error" message={errors['parties']} />
      {rows.map((row, index) => {
        const set = (patch: Partial<PartyRow>) => onChange(replaceAt(rows, index, { ...row, ...patch }));
        const error = errors[`parties.${index}.state`] ?? errors[`parties.${index}.group`] ?? errors[`parties.${index}`];
        return (
          <div key={row.key} className="row-grid party-row">
            <SelectField label={`Party ${index + 1} kind`} value={row.kind} onChange={(kind) => set({ kind: kind === 'group' ? 'group' : 'state', value: '' })} options={PARTY_KINDS} />
            {row.kind === 'state' ? (
              <CountryPicker label={`Party ${index + 1}`} value={row.value} onChange={(value) => set({ value })} error={error} required />
            ) : (
              <TextField label={`Party ${index + 1} group id`} value={row.value} onChange={(value) => set({ value })} error={error} required />
            )}
            {rows.length > 1 ? (
              <button type="button" className="danger" onClick={() => onChange(removeAt(rows, index))}>
                Remove party {index + 1}
              </button>
            ) : null}
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, emptyParty()])}>
        Add party
      </button>
    </fieldset>
  );
}

import { ACTIVITY_TYPES } from '@pactwatch/domain';
import { FieldError } from './field-errors.js';
import type { ActivityChoice } from './incident-form-model.js';

/**
 * Activity types shown by the incident, each confirmed or only possible: the engine reads a
 * possible activity as "unknown", so it can make a possible breach but never a breach.
 */
export function ActivitiesEditor({ value, onChange, error }: { value: readonly ActivityChoice[]; onChange: (value: ActivityChoice[]) => void; error?: string | undefined }) {
  const find = (type: string) => value.find((a) => a.type === type);
  const toggle = (type: string, on: boolean) => onChange(on ? [...value, { type, certainty: 'confirmed' }] : value.filter((a) => a.type !== type));
  const setCertainty = (type: string, certainty: ActivityChoice['certainty']) => onChange(value.map((a) => (a.type === type ? { type, certainty } : a)));
  return (
    <fieldset className="terms">
      <legend>Activity types</legend>
      {ACTIVITY_TYPES.list.map((term) => {
        const chosen = find(term.id);
        return (
          <span key={term.id} className="check-row">
            <label className="check" title={term.description}>
              <input type="checkbox" checked={chosen !== undefined} onChange={(e) => toggle(term.id, e.target.checked)} />
              {term.label}
            </label>
            {chosen !== undefined ? (
              <select aria-label={`${term.label}: certainty`} value={chosen.certainty} onChange={(e) => setCertainty(term.id, e.target.value === 'possible' ? 'possible' : 'confirmed')}>
                <option value="confirmed">confirmed</option>
                <option value="possible">possible</option>
              </select>
            ) : null}
          </span>
        );
      })}
      <FieldError id="activities-error" message={error} />
    </fieldset>
  );
}

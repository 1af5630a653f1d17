import { ACTIVITY_TYPES, ACTOR_STANDARDS, COMMITMENT_MEANS, OBLIGATIONS, TARGET_CATEGORIES } from '@pactwatch/domain';
import { emptyCommitment, type CommitmentRow } from './agreement-form-model.js';
import { at, type FieldErrors } from './field-errors.js';
import { removeAt, replaceAt } from './source-rows.js';
import { SourceFields } from './sources-editor.js';
import { TermCheckboxes } from './term-checkboxes.js';
import { SelectField, TextField } from './text-field.js';

const DIRECTIONS = [
  { id: 'mutual', label: 'Mutual (every party toward every other)' },
  { id: 'one-sided', label: 'One-sided (bound states toward protected ones)' },
];

/** One commitment: its quoted text and source, and for a refrain commitment the scope the engine checks. */
function CommitmentFields({ row, onChange, errors, prefix }: { row: CommitmentRow; onChange: (row: CommitmentRow) => void; errors: FieldErrors; prefix: string }) {
  const set = (patch: Partial<CommitmentRow>) => onChange({ ...row, ...patch });
  const scope = at(prefix, 'scope');
  return (
    <>
      <div className="row-grid">
        <TextField label="Commitment id" hint="Local slug, e.g. no-ip-theft" value={row.id} onChange={(id) => set({ id })} error={errors[at(prefix, 'id')]} required />
        <TextField label="Commitment title" value={row.title} onChange={(title) => set({ title })} error={errors[at(prefix, 'title')]} required />
        <SelectField label="Obligation" value={row.obligation} onChange={(obligation) => set({ obligation })} options={OBLIGATIONS.list} error={errors[at(prefix, 'obligation')]} />
      </div>
      <TextField label="Text (quoted)" multiline value={row.text} onChange={(text) => set({ text })} error={errors[at(prefix, 'text')]} required />
      <fieldset className="row">
        <legend>Source of the text</legend>
        <SourceFields row={row.source} onChange={(source) => set({ source })} errors={errors} prefix={at(prefix, 'source')} />
      </fieldset>
      {row.obligation === 'refrain' ? (
        <fieldset className="row">
          <legend>Scope</legend>
          {errors[scope] !== undefined ? <span className="field-error">{errors[scope]}</span> : null}
          <TermCheckboxes legend="Activities covered" terms={ACTIVITY_TYPES.list} selected={row.activities} onChange={(activities) => set({ activities })} error={errors[at(scope, 'activities')]} errorId={`${prefix}-activities-error`} />
          <TermCheckboxes legend="Targets covered" terms={TARGET_CATEGORIES.list} selected={row.targets} onChange={(targets) => set({ targets })} error={errors[at(scope, 'targets')]} errorId={`${prefix}-targets-error`} />
          <div className="row-grid">
            <SelectField label="Means" value={row.means} onChange={(means) => set({ means })} options={COMMITMENT_MEANS.list} error={errors[at(scope, 'means')]} />
            <SelectField label="Actor standard" value={row.actor} onChange={(actor) => set({ actor })} options={ACTOR_STANDARDS.list} error={errors[at(scope, 'actor')]} />
            <SelectField label="Direction" value={row.direction} onChange={(d) => set({ direction: d === 'one-sided' ? 'one-sided' : 'mutual' })} options={DIRECTIONS} />
            {row.direction === 'one-sided' ? (
              <>
                <TextField label="Bound states (ISO codes)" hint="Comma-separated, e.g. CN" value={row.bound} onChange={(bound) => set({ bound })} error={errors[at(scope, 'direction.bound')] ?? errors[at(scope, 'direction')]} required />
                <TextField label="Protected states (ISO codes)" hint="Comma-separated; empty: every other party" value={row.protectedStates} onChange={(protectedStates) => set({ protectedStates })} error={errors[at(scope, 'direction.protected')]} />
              </>
            ) : null}
          </div>
          <TextField label="Rationale" hint="Your reading of the clause, shown beside the verdicts" multiline value={row.rationale} onChange={(rationale) => set({ rationale })} error={errors[at(scope, 'rationale')]} required />
        </fieldset>
      ) : null}
    </>
  );
}

export function CommitmentsEditor({ rows, onChange, errors }: { rows: readonly CommitmentRow[]; onChange: (rows: CommitmentRow[]) => void; errors: FieldErrors }) {
  return (
    <fieldset className="rows">
      <legend>Commitments</legend>
      {rows.length === 0 ? <p className="muted">No commitments yet.</p> : null}
      {rows.map((row, index) => (
        <fieldset key={row.key} className="row">
          <legend>Commitment {index + 1}</legend>
          <CommitmentFields row={row} prefix={`commitments.${index}`} errors={errors} onChange={(next) => onChange(replaceAt(rows, index, next))} />
          <button type="button" className="danger" onClick={() => onChange(removeAt(rows, index))}>
            Remove commitment {index + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...rows, emptyCommitment()])}>
        Add commitment
      </button>
    </fieldset>
  );
}

import { agreementSchema, type Agreement, type CommitmentInput } from '@pactwatch/domain';
import { zodFieldErrors, type FieldErrors } from './field-errors.js';
import { emptySource, rowKey, sourceRecord, sourceRow, type SourceRow } from './source-rows.js';

export interface PartyRow {
  readonly key: number;
  readonly kind: 'state' | 'group';
  readonly value: string;
}

export interface CommitmentRow {
  readonly key: number;
  readonly id: string;
  readonly title: string;
  readonly obligation: string;
  readonly text: string;
  readonly source: SourceRow;
  readonly activities: readonly string[];
  readonly targets: readonly string[];
  readonly means: string;
  readonly actor: string;
  readonly direction: 'mutual' | 'one-sided';
  /** ISO codes, comma-separated, as typed. */
  readonly bound: string;
  readonly protectedStates: string;
  readonly rationale: string;
  /** The stored commitment (expectation, disputes kept through an edit). */
  readonly base: Partial<CommitmentInput>;
}

export interface AgreementForm {
  readonly id: string;
  readonly idEdited: boolean;
  readonly title: string;
  readonly kind: string;
  readonly parties: readonly PartyRow[];
  readonly signed: string;
  readonly inForce: string;
  readonly ended: string;
  readonly status: string;
  readonly summary: string;
  readonly sources: readonly SourceRow[];
  readonly commitments: readonly CommitmentRow[];
  readonly provenanceNote: string;
  readonly base: Agreement | null;
}

export function emptyParty(): PartyRow {
  return { key: rowKey(), kind: 'state', value: '' };
}

export function emptyCommitment(): CommitmentRow {
  return { key: rowKey(), id: '', title: '', obligation: 'refrain', text: '', source: emptySource(), activities: [], targets: [], means: 'cyber-enabled', actor: 'conducted', direction: 'mutual', bound: '', protectedStates: '', rationale: '', base: {} };
}

export function newAgreementForm(author: string): AgreementForm {
  return { id: '', idEdited: false, title: '', kind: 'joint-statement', parties: [emptyParty(), emptyParty()], signed: '', inForce: '', ended: '', status: 'announced', summary: '', sources: [emptySource()], commitments: [], provenanceNote: `Entered through the dashboard by ${author}.`, base: null };
}

function commitmentRow(c: Agreement['commitments'][number]): CommitmentRow {
  const scope = c.scope;
  const direction = scope?.direction ?? 'mutual';
  const { id: _full, localId, agreementId: _a, ...stored } = c;
  return {
    key: rowKey(),
    id: localId,
    title: c.title,
    obligation: c.obligation,
    text: c.text,
    source: sourceRow(c.source),
    activities: scope?.activities ?? [],
    targets: scope?.targets ?? [],
    means: scope?.means ?? 'cyber-enabled',
    actor: scope?.actor ?? 'conducted',
    direction: direction === 'mutual' ? 'mutual' : 'one-sided',
    bound: direction === 'mutual' ? '' : direction.bound.join(', '),
    protectedStates: direction === 'mutual' ? '' : (direction.protected ?? []).join(', '),
    rationale: scope?.rationale ?? '',
    base: { ...stored, id: localId },
  };
}

export function agreementForm(agreement: Agreement): AgreementForm {
  return {
    id: agreement.id,
    idEdited: true,
    title: agreement.title,
    kind: agreement.kind,
    parties: agreement.parties.map((p) => ('state' in p ? { key: rowKey(), kind: 'state', value: p.state } : { key: rowKey(), kind: 'group', value: p.group })),
    signed: agreement.signed,
    inForce: agreement.inForce ?? '',
    ended: agreement.ended ?? '',
    status: agreement.status,
    summary: agreement.summary,
    sources: agreement.sources.map(sourceRow),
    commitments: agreement.commitments.map(commitmentRow),
    provenanceNote: agreement.provenance.origin === 'added' ? agreement.provenance.note : '',
    base: agreement,
  };
}

function codes(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '');
}

function commitmentRecord(row: CommitmentRow): Record<string, unknown> {
  const { scope: _s, ...kept } = row.base;
  const direction = row.direction === 'mutual' ? 'mutual' : { bound: codes(row.bound), ...(codes(row.protectedStates).length > 0 ? { protected: codes(row.protectedStates) } : {}) };
  return {
    ...kept,
    id: row.id.trim(),
    title: row.title.trim(),
    obligation: row.obligation,
    text: row.text.trim(),
    source: sourceRecord(row.source),
    // Only refrain commitments are checked against incidents, so only they carry a scope.
    ...(row.obligation === 'refrain' ? { scope: { activities: row.activities, targets: row.targets, means: row.means, actor: row.actor, direction, rationale: row.rationale.trim() } } : {}),
  };
}

/** The AgreementRecord the API receives: commitments with their local ids, untouched stored fields kept. */
export function agreementRecord(form: AgreementForm): Record<string, unknown> {
  const base = form.base === null ? {} : (({ commitments: _c, ...rest }) => rest)(form.base);
  const provenance = form.base === null || form.base.provenance.origin === 'added' ? { origin: 'added', note: form.provenanceNote.trim() } : form.base.provenance;
  return {
    ...base,
    id: form.id.trim(),
    title: form.title.trim(),
    kind: form.kind,
    parties: form.parties.map((p) => (p.kind === 'state' ? { state: p.value } : { group: p.value.trim() })),
    signed: form.signed.trim(),
    ...(form.inForce.trim() === '' ? { inForce: undefined } : { inForce: form.inForce.trim() }),
    ...(form.ended.trim() === '' ? { ended: undefined } : { ended: form.ended.trim() }),
    status: form.status,
    summary: form.summary.trim(),
    sources: form.sources.map(sourceRecord),
    provenance,
    commitments: form.commitments.map(commitmentRecord),
  };
}

export function validateAgreement(record: Record<string, unknown>): FieldErrors {
  const result = agreementSchema.safeParse(JSON.parse(JSON.stringify(record)));
  return result.success ? {} : zodFieldErrors(result.error.issues);
}

import { resolveCowCode, stateName, type Attribution, type TargetCategory } from '@pactwatch/domain';
import type { ImportedIncident } from '../../../import-types.js';
import { confirmed, describeRule, resolveActivities, type ActivityRule } from '../../records/activity-rules.js';
import { codeBookLookup, readValues } from '../../records/code-book.js';
import type { RowView } from '../../table/table.js';
import { acceptRow, rejectRow, type RowOutcome } from '../../table/unit-builder.js';
import { urlSources } from '../../values/source-links.js';
import { resolveStateNames } from '../../values/state-names.js';
import { edtfEndsBefore, parseTabularDate } from '../../values/tabular-dates.js';
import { clip } from '../../values/text-clip.js';
import { DCID_COLUMNS, DCID_DEFAULTS, DCID_METHODS, DCID_OBJECTIVES, DCID_SECTORS, DCID_TARGET_TYPES } from './dcid-code-books.js';

const targetLookup = [codeBookLookup<TargetCategory>(DCID_TARGET_TYPES, 'targettype')];
const objectiveLookup = [codeBookLookup<ActivityRule>(DCID_OBJECTIVES, 'cyber_objective', describeRule)];

/** "2.0" → "2": DCID codes are numbers, and Excel may write an integer with a decimal point. */
function code(text: string): string {
  return /^\d+\.0+$/.test(text) ? text.replace(/\.0+$/, '') : text;
}

/** One dyad row of sheet 1 → one Incident: initiator → sponsor, the other state of the dyad → victim. */
export function mapDcidRow(view: RowView): RowOutcome {
  const incident = code(view.get(...DCID_COLUMNS.incident));
  const dyad = code(view.get(...DCID_COLUMNS.dyad));
  const recordId = dyad === '' ? incident : `${incident}-${dyad}`;
  const reject = (columns: readonly string[], reason: string): RowOutcome => ({ ok: false, rejected: rejectRow(view, reason, { field: view.columnName(...columns), sourceId: recordId }) });
  if (incident === '') return reject(DCID_COLUMNS.incident, 'Cyberincidentnum is empty: the row cannot be identified across versions');
  const initiatorText = code(view.get(...DCID_COLUMNS.initiator));
  const sponsor = initiatorText === '' ? undefined : resolveCowCode(initiatorText);
  if (sponsor === undefined) return reject(DCID_COLUMNS.initiator, `initiator "${initiatorText}" is not a Correlates-of-War state code`);
  const notes = [`initiator COW ${initiatorText} → ${sponsor}`];
  const dyadStates: string[] = [];
  for (const columns of [DCID_COLUMNS.stateA, DCID_COLUMNS.stateB]) {
    const name = view.get(...columns);
    const resolved = resolveStateNames([name], view.columnName(...columns));
    const state = resolved.codes[0];
    if (state === undefined) return reject(columns, `${view.columnName(...columns)} "${name}" is not a known country`);
    notes.push(...resolved.notes);
    dyadStates.push(state);
  }
  const victim = dyadStates.find((state) => state !== sponsor);
  if (!dyadStates.includes(sponsor) || victim === undefined) return reject(DCID_COLUMNS.initiator, `initiator ${initiatorText} (${sponsor}) is not one side of the dyad ${dyadStates.join('–')}`);
  const start = parseTabularDate(view.get(...DCID_COLUMNS.start), 'excel-serial');
  if (!start.ok) return reject(DCID_COLUMNS.start, `interactionstartdate ${start.reason}: an incident needs a start date`);
  const endText = view.get(...DCID_COLUMNS.end);
  const end = endText === '' ? undefined : parseTabularDate(endText, 'excel-serial');
  if (end !== undefined && !end.ok) return reject(DCID_COLUMNS.end, `interactionenddate ${end.reason}`);
  if (end !== undefined && end.ok && edtfEndsBefore(end.edtf, start.edtf)) return reject(DCID_COLUMNS.end, `interactionenddate ${end.edtf} is before interactionstartdate ${start.edtf}: the row contradicts itself`);
  const categories = readValues<TargetCategory>([code(view.get(...DCID_COLUMNS.targetType))].filter((v) => v !== ''), targetLookup, 'targettype');
  const objectives = readValues<ActivityRule>([code(view.get(...DCID_COLUMNS.objective))].filter((v) => v !== ''), objectiveLookup, 'cyber_objective');
  notes.push(...categories.notes, ...objectives.notes);
  const rules = [...objectives.values];
  if (code(view.get(...DCID_COLUMNS.informationOperation)) === '1') {
    rules.push(confirmed('influence-operation'));
    notes.push('information_operation 1 → influence-operation');
  }
  const method = code(view.get(...DCID_COLUMNS.method));
  const severity = code(view.get(...DCID_COLUMNS.severity));
  const sector = DCID_SECTORS[code(view.get(...DCID_COLUMNS.criticalInfrastructure))];
  for (const [label, columns] of [['method', DCID_COLUMNS.method], ['severity', DCID_COLUMNS.severity], ['damage type', DCID_COLUMNS.damage], ['objective_achievement', DCID_COLUMNS.achieved], ['Concession', DCID_COLUMNS.concession], ['3rdpartyinitiator', DCID_COLUMNS.thirdParty], ['Ransomware', DCID_COLUMNS.ransomware], ['Supply Ch', DCID_COLUMNS.supplyChain]] as const) {
    const value = code(view.get(...columns));
    if (value !== '') notes.push(`${label} ${value}${label === 'method' && DCID_METHODS[value] !== undefined ? ` (${DCID_METHODS[value] ?? ''})` : ''} (kept in the raw row)`);
  }
  const name = clip(view.get(...DCID_COLUMNS.name), 300);
  const cited = urlSources(DCID_COLUMNS.sources.map((c) => view.get(...c)), `Cited by DCID 2.0 for "${name}"`);
  const official = urlSources(DCID_COLUMNS.governmentSources.map((c) => view.get(...c)), `US government source cited by DCID 2.0 for "${name}"`);
  notes.push(...cited.notes, ...official.notes);
  const attribution: Attribution = { sponsor, relation: 'unknown', confidence: DCID_DEFAULTS.confidence, basis: DCID_DEFAULTS.basis, attributedBy: DCID_DEFAULTS.attributedBy, sources: official.sources };
  const category = categories.values[0];
  const summary = `DCID 2.0 codes a cyber incident in the ${stateName(dyadStates[0] ?? '')}–${stateName(dyadStates[1] ?? '')} dyad, initiated by ${stateName(sponsor)} against ${category === undefined ? '' : `${category.replace(/-/g, ' ')} `}targets in ${stateName(victim)}${objectives.values.length === 0 ? '' : `, with the objective coded ${objectives.values.map(describeRule).join(' and ')}`}${DCID_METHODS[method] === undefined ? '' : `, by ${DCID_METHODS[method] ?? ''}`}${severity === '' ? '' : `, severity ${severity} on DCID's scale`}.`;
  const value: ImportedIncident = {
    title: name === '' ? `DCID incident ${incident}` : name,
    summary: clip(summary, 4000),
    period: { start: start.edtf, ...(end !== undefined && end.ok && end.edtf !== start.edtf ? { end: end.edtf } : {}) },
    activities: resolveActivities(rules, categories.values),
    means: ['cyber'],
    attributions: [attribution],
    victims: [{ state: victim, ...(category === undefined ? {} : { category }), ...(sector === undefined ? {} : { sector }) }],
    sources: [{ publisher: DCID_DEFAULTS.publisher, title: clip(`DCID 2.0 incident ${incident}: ${name}`, 500) }, ...cited.sources, ...official.sources].slice(0, 12),
    disputes: [],
  };
  return { ok: true, unit: acceptRow(view, { sourceId: recordId, sourceType: 'dcid-dyad', records: [{ kind: 'incident', recordId, value }], notes }) };
}

import { stateName } from '@pactwatch/domain';
import type { ImportedIncident } from '../../../import-types.js';
import { describeRule, resolveActivities, type ActivityRule } from '../../records/activity-rules.js';
import { codeBookLookup, readValues } from '../../records/code-book.js';
import type { ValueTally } from '../../records/value-tally.js';
import type { RowView } from '../../table/table.js';
import { acceptRow, rejectRow, rowRaw, type RowOutcome } from '../../table/unit-builder.js';
import { eurepocValues } from '../../values/multi-value.js';
import { urlSources } from '../../values/source-links.js';
import { quoteList } from '../../values/state-names.js';
import { edtfEndsBefore, parseTabularDate } from '../../values/tabular-dates.js';
import { clip, joinWords } from '../../values/text-clip.js';
import { readAttributions } from './eurepoc-attributions.js';
import { EUREPOC_INCIDENT_TYPES, EUREPOC_PUBLISHER } from './eurepoc-code-books.js';
import { INCIDENT_COLUMNS } from './eurepoc-layout.js';
import { readReceivers } from './eurepoc-receivers.js';
import { incidentKey, type EurepocJoins } from './eurepoc-tables.js';

const typeLookup = [codeBookLookup<ActivityRule>(EUREPOC_INCIDENT_TYPES, 'incident_type', describeRule)];

/** "Not available" means not coded: the field is left out, as if the cell were empty. */
function coded(text: string): string {
  return /^not available$/i.test(text.trim()) ? '' : text.trim();
}

/** One incident row (with its joined attribution and receiver rows) → one Incident. */
export function mapEurepocRow(view: RowView, joins: EurepocJoins, tally: ValueTally): RowOutcome {
  const id = incidentKey(view.get(...INCIDENT_COLUMNS.id));
  // An incident the joined table has no rows for falls back on the main table's columns (noted).
  const attributionRows = joins.attributions?.get(id);
  const receiverRows = joins.receivers?.get(id);
  const fallbacks = [
    ...(joins.attributions !== undefined && attributionRows === undefined ? ['no rows in the attribution table: initiators from the main table'] : []),
    ...(joins.receivers !== undefined && receiverRows === undefined ? ['no rows in the receiver table: receivers from the main table'] : []),
  ];
  const joined = { ...(attributionRows === undefined ? {} : { 'attribution table': attributionRows }), ...(receiverRows === undefined ? {} : { 'receiver table': receiverRows }) };
  const raw = rowRaw(view, joined);
  const reject = (columns: readonly string[], reason: string): RowOutcome => ({ ok: false, rejected: rejectRow(view, reason, { field: view.columnName(...columns), sourceId: id, raw }) });
  if (id === '') return reject(INCIDENT_COLUMNS.id, 'the incident id is empty: the row cannot be identified across versions');
  const startText = coded(view.get(...INCIDENT_COLUMNS.start));
  const start = parseTabularDate(startText, 'dd.mm.yyyy');
  if (!start.ok) return reject(INCIDENT_COLUMNS.start, startText === '' ? 'start_date is not available: an incident needs a start date' : `start_date ${start.reason}`);
  const endText = coded(view.get(...INCIDENT_COLUMNS.end));
  const end = endText === '' ? undefined : parseTabularDate(endText, 'dd.mm.yyyy');
  if (end !== undefined && !end.ok) return reject(INCIDENT_COLUMNS.end, `end_date ${end.reason}`);
  if (end !== undefined && end.ok && edtfEndsBefore(end.edtf, start.edtf)) return reject(INCIDENT_COLUMNS.end, `end_date ${end.edtf} is before start_date ${start.edtf}: the row contradicts itself`);
  const title = clip(coded(view.get(...INCIDENT_COLUMNS.name)), 300) || `EuRepoC incident ${id}`;
  const cited = urlSources([view.get(...INCIDENT_COLUMNS.sources)], `Cited by EuRepoC for "${title}"`);
  const attributionSources = urlSources([view.get(...INCIDENT_COLUMNS.attributionSources)], `Attribution cited by EuRepoC for "${title}"`);
  const attributions = readAttributions(view, attributionRows, attributionSources.sources);
  tally.add('initiator country', attributions.unresolved);
  const notes = [...fallbacks, ...attributions.notes, ...attributions.nonAnswers.map((a) => `initiator '${a}' (an answer of EuRepoC: no state named)`)];
  if (attributions.attributions.length === 0) {
    const answers = [...attributions.nonAnswers, ...attributions.unresolved];
    return reject(attributionRows === undefined ? INCIDENT_COLUMNS.initiatorCountry : ['attribution table'], `not attributed to a state (${answers.length === 0 ? 'no initiator country coded' : `initiator country ${quoteList(answers)}`})`);
  }
  for (const unknown of attributions.unresolved) notes.push(`initiator '${unknown}' is not a known country: left out, the other initiators kept`);
  const receivers = readReceivers(view, receiverRows);
  tally.add('receiver country', receivers.unresolved);
  tally.add('receiver category', receivers.unmappedCategories);
  notes.push(...receivers.notes, ...receivers.nonAnswers.map((r) => `receiver '${r}' names no state`));
  if (receivers.victims.length === 0) {
    const names = [...receivers.unresolved, ...receivers.nonAnswers];
    return reject(receiverRows === undefined ? INCIDENT_COLUMNS.receiverCountry : ['receiver table'], names.length === 0 ? 'no receiver country coded: an incident needs a victim state' : `receiver country ${quoteList(names)} names no known state`);
  }
  for (const unknown of receivers.unresolved) notes.push(`receiver '${unknown}' is not a known country: left out, the other receivers kept`);
  const types = readValues<ActivityRule>(eurepocValues(view.get(...INCIDENT_COLUMNS.incidentType)), typeLookup, 'incident_type');
  tally.add('incident_type', types.unmapped.filter((t) => !/^not available$/i.test(t)));
  notes.push(...types.notes, ...cited.notes, ...attributionSources.notes);
  const victimStates = [...new Set(receivers.victims.map((v) => v.state))];
  const sponsors = [...new Set(attributions.attributions.map((a) => a.sponsor))];
  const typeWords = eurepocValues(view.get(...INCIDENT_COLUMNS.incidentType)).filter((t) => coded(t) !== '').map((t) => t.toLowerCase());
  const summary = `EuRepoC incident ${id}, coded as ${typeWords.length === 0 ? 'a cyber incident' : joinWords(typeWords)} against receivers in ${joinWords(victimStates.map(stateName))}, attributed to ${joinWords(sponsors.map(stateName))}.`;
  const value: ImportedIncident = {
    title,
    summary: clip(summary, 4000),
    period: { start: start.edtf, ...(end !== undefined && end.ok && end.edtf !== start.edtf ? { end: end.edtf } : {}) },
    activities: resolveActivities(types.values, receivers.categories),
    means: ['cyber'],
    attributions: [...attributions.attributions],
    victims: [...receivers.victims],
    sources: [{ publisher: EUREPOC_PUBLISHER, title: clip(`EuRepoC incident ${id}: ${title}`, 500) }, ...cited.sources],
    disputes: [],
  };
  return { ok: true, unit: acceptRow(view, { sourceId: id, sourceType: 'eurepoc-incident', records: [{ kind: 'incident', recordId: id, value }], notes, raw }) };
}

import { stateName, type Attribution, type TargetCategory } from '@pactwatch/domain';
import type { ImportedIncident } from '../../../import-types.js';
import { describeRule, resolveActivities, type ActivityRule } from '../../records/activity-rules.js';
import { codeBookLookup, readValues, sharedActivityLookup, sharedCategoryLookup } from '../../records/code-book.js';
import { basisFromUrls } from '../../records/source-basis.js';
import type { ValueTally } from '../../records/value-tally.js';
import { victimsFor } from '../../records/victim-builder.js';
import type { RowView } from '../../table/table.js';
import { acceptRow, rejectRow, type RowOutcome } from '../../table/unit-builder.js';
import { splitValues } from '../../values/multi-value.js';
import { extractUrls, urlSources } from '../../values/source-links.js';
import { quoteList, resolveStateNames, splitCountryNames, type StateResolution } from '../../values/state-names.js';
import { parseTabularDate } from '../../values/tabular-dates.js';
import { clip, joinWords } from '../../values/text-clip.js';
import { CFR_COLUMNS, CFR_DEFAULTS, CFR_TYPE_SUPPLEMENT } from './cfr-code-books.js';

const typeLookups = [sharedActivityLookup('type'), codeBookLookup<ActivityRule>(CFR_TYPE_SUPPLEMENT, 'type', describeRule)];
const categoryLookups = [sharedCategoryLookup('category')];

export interface CfrRowContext {
  readonly recordId: string;
  /** Actor profile ids in this file by folded name, to link an incident's Affiliations. */
  readonly actorIds: ReadonlyMap<string, string>;
  readonly tally: ValueTally;
  readonly actorKey: (name: string) => string;
}

function statesOrReject(view: RowView, columns: readonly string[], label: string, recordId: string): { ok: true; states: StateResolution } | { ok: false; outcome: RowOutcome } {
  const field = view.columnName(...columns);
  const text = view.get(...columns);
  const states = resolveStateNames(splitCountryNames(text, ','), label);
  if (states.codes.length > 0) return { ok: true, states };
  const reason = text === '' ? `${field} is empty: CFR names no ${label} state` : `${field} ${quoteList([...states.unresolved, ...states.nonAnswers])} names no known state`;
  return { ok: false, outcome: { ok: false, rejected: rejectRow(view, reason, { field, sourceId: recordId }) } };
}

/** An incident row → an Incident, or a quarantined row naming the field and the value. */
export function mapCfrIncidentRow(view: RowView, context: CfrRowContext): RowOutcome {
  const { recordId, tally } = context;
  const dateField = view.columnName(...CFR_COLUMNS.date);
  const date = parseTabularDate(view.get(...CFR_COLUMNS.date), CFR_DEFAULTS.dateFormat);
  if (!date.ok) return { ok: false, rejected: rejectRow(view, `${dateField} ${date.reason}: an incident needs a date`, { field: dateField, sourceId: recordId }) };
  const sponsors = statesOrReject(view, CFR_COLUMNS.sponsor, 'sponsor', recordId);
  if (!sponsors.ok) return sponsors.outcome;
  const victims = statesOrReject(view, CFR_COLUMNS.victims, 'victim', recordId);
  if (!victims.ok) return victims.outcome;
  const notes = [...sponsors.states.notes, ...victims.states.notes];
  for (const [label, states] of [['sponsor', sponsors.states], ['victim', victims.states]] as const) {
    for (const unknown of states.unresolved) notes.push(`${label} '${unknown}' is not a known country: left out, the other ${label}s kept`);
    tally.add(label === 'sponsor' ? 'Sponsor' : 'Victims', states.unresolved);
  }
  const categories = readValues<TargetCategory>(splitValues(view.get(...CFR_COLUMNS.category), ','), categoryLookups, 'category');
  const types = readValues<ActivityRule>(splitValues(view.get(...CFR_COLUMNS.type), ','), typeLookups, 'type');
  tally.add('Category', categories.unmapped);
  tally.add('Type', types.unmapped);
  notes.push(...categories.notes, ...types.notes);
  const victimList = victimsFor(victims.states.codes, categories.values);
  notes.push(...victimList.notes);
  const title = clip(view.get(...CFR_COLUMNS.title), 300);
  const sourceCells = CFR_COLUMNS.sources.map((c) => view.get(...c));
  const cited = urlSources(sourceCells, `Cited by CFR for "${title}"`);
  notes.push(...cited.notes);
  const basis = basisFromUrls(sourceCells.flatMap(extractUrls));
  notes.push(basis === undefined ? `basis ${CFR_DEFAULTS.basis} (CFR's own coding; no cited source shows more)` : `basis ${basis.basis} [${basis.ruleId}] from the cited sources`);
  const affiliations = view.get(...CFR_COLUMNS.affiliations);
  const actorId = splitValues(affiliations, ',').map((name) => context.actorIds.get(context.actorKey(name))).find((id) => id !== undefined);
  const attributions: Attribution[] = sponsors.states.codes.map((sponsor) => ({
    sponsor,
    relation: 'unknown',
    confidence: CFR_DEFAULTS.confidence,
    basis: basis?.basis ?? CFR_DEFAULTS.basis,
    attributedBy: CFR_DEFAULTS.attributedBy,
    sources: cited.sources,
    ...(affiliations === '' ? {} : { actorName: clip(affiliations, 300) }),
    ...(actorId === undefined ? {} : { actor: actorId }),
  }));
  const typeWords = splitValues(view.get(...CFR_COLUMNS.type), ',').map((t) => t.toLowerCase());
  const categoryWords = categories.values.map((c) => c.replace(/-/g, ' '));
  const summary = `The CFR Cyber Operations Tracker lists ${typeWords.length === 0 ? 'an operation' : joinWords(typeWords)}${categoryWords.length === 0 ? '' : ` against ${joinWords(categoryWords)} targets`} in ${joinWords(victims.states.codes.map(stateName))}, with ${joinWords(sponsors.states.codes.map(stateName))} as the suspected sponsor.`;
  const value: ImportedIncident = {
    title: title === '' ? `CFR incident ${recordId}` : title,
    summary: clip(summary, 4000),
    period: { start: date.edtf },
    activities: resolveActivities(types.values, categories.values),
    means: ['cyber'],
    attributions,
    victims: victimList.victims,
    sources: [{ publisher: CFR_DEFAULTS.publisher, title: clip(`Cyber Operations Tracker: ${title}`, 500) }, ...cited.sources],
    disputes: [],
  };
  return { ok: true, unit: acceptRow(view, { sourceId: recordId, sourceType: 'cfr-incident', records: [{ kind: 'incident', recordId, value }], notes }) };
}

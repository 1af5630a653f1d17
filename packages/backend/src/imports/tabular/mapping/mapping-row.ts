import { spellingKey, stateName, type Attribution, type TargetCategory } from '@pactwatch/domain';
import type { ImportedIncident } from '../../import-types.js';
import { describeRule, resolveActivities, type ActivityRule } from '../records/activity-rules.js';
import { readValues, sharedActivityLookup, sharedCategoryLookup, type Lookup } from '../records/code-book.js';
import type { ValueTally } from '../records/value-tally.js';
import { victimsFor } from '../records/victim-builder.js';
import type { RowView } from '../table/table.js';
import { acceptRow, rejectRow, type RowOutcome } from '../table/unit-builder.js';
import { splitValues } from '../values/multi-value.js';
import { urlSources } from '../values/source-links.js';
import { quoteList, resolveStateNames, splitCountryNames } from '../values/state-names.js';
import { edtfEndsBefore, parseTabularDate } from '../values/tabular-dates.js';
import { clip, joinWords } from '../values/text-clip.js';
import type { MappingSpec } from './mapping-spec.js';

/** A `map:` table of the mapping as a lookup; a null value lists a spelling on purpose with no term. */
function mapLookup<T>(map: ReadonlyMap<string, T | null | readonly T[]>, label: string, show: (v: T) => string): Lookup<T> {
  return (text) => {
    const key = spellingKey(text);
    if (!map.has(key)) return undefined;
    const entry = map.get(key);
    const values: readonly T[] = entry === null || entry === undefined ? [] : Array.isArray(entry) ? (entry as readonly T[]) : [entry as T];
    return { values, note: values.length === 0 ? `${label} '${text}' unmapped (the mapping lists it with no term)` : `${label} '${text}' → ${values.map(show).join(' + ')} (mapping)` };
  };
}

/** One row through a user mapping → an Incident, or a quarantined row naming the column. */
export function mapSpecRow(view: RowView, spec: MappingSpec, tally: ValueTally): RowOutcome {
  const recordParts = spec.recordId.map((column) => view.get(column));
  const recordId = recordParts.join('-');
  const reject = (column: string, reason: string): RowOutcome => ({ ok: false, rejected: rejectRow(view, reason, { field: column, sourceId: recordId }) });
  const emptyId = spec.recordId.find((_, i) => recordParts[i] === '');
  if (emptyId !== undefined) return reject(emptyId, `record id column "${emptyId}" is empty: the row cannot be identified across versions`);
  const title = clip(view.get(spec.title), 300);
  if (title === '') return reject(spec.title, `title column "${spec.title}" is empty`);
  const start = parseTabularDate(view.get(spec.start.column), spec.start.format);
  if (!start.ok) return reject(spec.start.column, `${spec.start.column} ${start.reason}: an incident needs a start date`);
  const endText = spec.end === undefined ? '' : view.get(spec.end.column);
  const end = spec.end === undefined || endText === '' ? undefined : parseTabularDate(endText, spec.end.format);
  if (spec.end !== undefined && end !== undefined && !end.ok) return reject(spec.end.column, `${spec.end.column} ${end.reason}`);
  if (spec.end !== undefined && end !== undefined && end.ok && edtfEndsBefore(end.edtf, start.edtf)) return reject(spec.end.column, `${spec.end.column} ${end.edtf} is before ${spec.start.column} ${start.edtf}`);
  const notes: string[] = [];
  const states = (column: string, separator: string, label: string): { ok: true; codes: string[] } | { ok: false; outcome: RowOutcome } => {
    const text = view.get(column);
    const resolved = resolveStateNames(splitCountryNames(text, separator), label);
    notes.push(...resolved.notes, ...resolved.unresolved.map((u) => `${label} '${u}' is not a known country: left out, the other ${label}s kept`));
    tally.add(column, resolved.unresolved);
    if (resolved.codes.length > 0) return { ok: true, codes: [...resolved.codes] };
    return { ok: false, outcome: reject(column, text === '' ? `${column} is empty: no ${label} state` : `${column} ${quoteList([...resolved.unresolved, ...resolved.nonAnswers])} names no known state`) };
  };
  const sponsorStates = states(spec.sponsors.column, spec.sponsors.separator, 'sponsor');
  if (!sponsorStates.ok) return sponsorStates.outcome;
  const victimResult = states(spec.victims.column, spec.victims.separator, 'victim');
  if (!victimResult.ok) return victimResult.outcome;
  const sponsors = sponsorStates.codes;
  const victimStates = victimResult.codes;
  const categories = spec.categories === undefined ? { values: [] as TargetCategory[], notes: [], unmapped: [] } : readValues<TargetCategory>(splitValues(view.get(spec.categories.column), spec.categories.separator), [mapLookup(spec.categories.map, 'category', String), sharedCategoryLookup('category')], 'category');
  const activities = spec.activities === undefined ? { values: [] as ActivityRule[], notes: [], unmapped: [] } : readValues<ActivityRule>(splitValues(view.get(spec.activities.column), spec.activities.separator), [mapLookup(spec.activities.map, 'activity', describeRule), sharedActivityLookup('activity')], 'activity');
  if (spec.categories !== undefined) tally.add(spec.categories.column, categories.unmapped);
  if (spec.activities !== undefined) tally.add(spec.activities.column, activities.unmapped);
  notes.push(...categories.notes, ...activities.notes);
  const confidenceText = spec.confidence.column === undefined ? '' : view.get(spec.confidence.column);
  const confidence = confidenceText === '' ? spec.confidence.default : Number(confidenceText.replace(/%$/, ''));
  if (spec.confidence.column !== undefined && (!Number.isInteger(confidence) || confidence < 0 || confidence > 100)) return reject(spec.confidence.column, `${spec.confidence.column} "${confidenceText}" is not a whole number from 0 to 100`);
  const basisText = spec.basis.column === undefined ? '' : view.get(spec.basis.column);
  const basis = basisText === '' ? spec.basis.default : spec.basis.map.get(spellingKey(basisText));
  if (basis === undefined && spec.basis.column !== undefined) {
    notes.push(`basis '${basisText}' unmapped: the default ${spec.basis.default} is used`);
    tally.add(spec.basis.column, [basisText]);
  }
  const attributedBy = (spec.attributedBy.column === undefined ? '' : view.get(spec.attributedBy.column)) || spec.attributedBy.default;
  const actorName = spec.actor === undefined ? '' : view.get(spec.actor);
  const cited = urlSources(spec.sources.columns.map((c) => view.get(c)), `Cited by ${spec.dataset} for "${title}"`);
  notes.push(...cited.notes);
  const victimList = victimsFor(victimStates, categories.values);
  notes.push(...victimList.notes);
  const attributions: Attribution[] = sponsors.map((sponsor) => ({
    sponsor,
    relation: spec.relation,
    confidence,
    basis: basis ?? spec.basis.default,
    attributedBy: clip(attributedBy, 300),
    sources: cited.sources,
    ...(actorName === '' ? {} : { actorName: clip(actorName, 300) }),
  }));
  const ownSummary = spec.summary === undefined ? '' : view.get(spec.summary);
  const summary = ownSummary !== '' ? ownSummary : `Recorded in ${spec.dataset} as an operation against ${joinWords(victimStates.map(stateName))}, attributed to ${joinWords(sponsors.map(stateName))}.`;
  const value: ImportedIncident = {
    title,
    summary: clip(summary, 4000),
    period: { start: start.edtf, ...(end !== undefined && end.ok && end.edtf !== start.edtf ? { end: end.edtf } : {}) },
    activities: resolveActivities(activities.values, categories.values),
    means: [...spec.means],
    attributions,
    victims: victimList.victims,
    sources: [{ publisher: clip(spec.sources.publisher, 300), title: clip(`${spec.dataset} record ${recordId}: ${title}`, 500) }, ...cited.sources],
    disputes: [],
  };
  return { ok: true, unit: acceptRow(view, { sourceId: recordId, sourceType: 'row', records: [{ kind: 'incident', recordId, value }], notes }) };
}

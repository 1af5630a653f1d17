import { findStateCode, type Attribution, type Source } from '@pactwatch/domain';
import type { CodeBook, CodeBookEntry } from '../../records/code-book.js';
import type { RowView } from '../../table/table.js';
import { eurepocPositional, eurepocValues } from '../../values/multi-value.js';
import { isNonAnswer, resolveStateNames } from '../../values/state-names.js';
import { clip } from '../../values/text-clip.js';
import { EUREPOC_ATTRIBUTION_TYPES, EUREPOC_BASES, EUREPOC_DEFAULT_BASIS, EUREPOC_INITIATOR_CATEGORIES, type BasisCode } from './eurepoc-code-books.js';
import { INCIDENT_COLUMNS, ATTRIBUTION_COLUMNS } from './eurepoc-layout.js';
import { joinedField } from './eurepoc-tables.js';

/** Looks a value up as written, then without a trailing parenthetical note ("Corporate Targets (…)"). */
export function findStripped<T>(book: CodeBook<T>, text: string): CodeBookEntry<T> | undefined {
  return book.find(text) ?? book.find(text.replace(/\s*\(.*\)\s*$/, ''));
}

/** One attribution as coded: an initiator country and how it was attributed. */
interface Claim {
  readonly country: string;
  readonly alpha2: string;
  readonly category: string;
  readonly name: string;
  readonly basis: string;
  readonly type: string;
  readonly attributedBy: readonly string[];
}

export interface AttributionReading {
  readonly attributions: readonly Attribution[];
  readonly notes: readonly string[];
  /** Country values that are no known state and no listed non-answer. */
  readonly unresolved: readonly string[];
  /** "Unknown", "Not attributed"…: real answers naming no state. */
  readonly nonAnswers: readonly string[];
}

function basisOf(claim: Pick<Claim, 'basis' | 'type'>): BasisCode & { ids: string[] } {
  const entry = findStripped(EUREPOC_BASES, claim.basis);
  const base = entry?.values[0] ?? EUREPOC_DEFAULT_BASIS;
  const override = findStripped(EUREPOC_ATTRIBUTION_TYPES, claim.type);
  const ids = [entry?.id, override?.id].filter((id): id is string => id !== undefined);
  const stronger = override?.values[0];
  return stronger === undefined ? { ...base, ids } : { basis: stronger.basis, confidence: Math.max(base.confidence, stronger.minConfidence), by: base.by, ids };
}

function at(values: readonly string[], index: number, count: number): string {
  return values.length === count ? (values[index] ?? '') : values.length === 1 ? (values[0] ?? '') : '';
}

/** Claims from the main table: initiator countries, with the strongest of the coded attribution bases. */
function mainClaims(view: RowView): Claim[] {
  const countries = eurepocValues(view.get(...INCIDENT_COLUMNS.initiatorCountry));
  const alpha2 = eurepocPositional(view.get(...INCIDENT_COLUMNS.initiatorAlpha2));
  const categories = eurepocPositional(view.get(...INCIDENT_COLUMNS.initiatorCategory));
  const names = eurepocPositional(view.get(...INCIDENT_COLUMNS.initiatorName));
  const bases = eurepocPositional(view.get(...INCIDENT_COLUMNS.attributionBasis));
  const types = eurepocPositional(view.get(...INCIDENT_COLUMNS.attributionType));
  const pairs = bases.length === 0 ? [{ basis: '', type: types[0] ?? '' }] : bases.map((basis, i) => ({ basis, type: at(types, i, bases.length) }));
  const best = pairs.reduce((a, b) => (basisOf(b).confidence > basisOf(a).confidence ? b : a));
  const attributedBy = [INCIDENT_COLUMNS.attributingActor, INCIDENT_COLUMNS.attributingCompany, INCIDENT_COLUMNS.attributingCountry].flatMap((c) => eurepocValues(view.get(...c)));
  return countries.map((country, i) => ({ country, alpha2: at(alpha2, i, countries.length), category: at(categories, i, countries.length), name: at(names, i, countries.length), ...best, attributedBy }));
}

function joinedClaims(rows: ReadonlyArray<Readonly<Record<string, string>>>): Claim[] {
  return rows.map((row) => ({
    country: joinedField(row, ATTRIBUTION_COLUMNS.country),
    alpha2: joinedField(row, ATTRIBUTION_COLUMNS.alpha2),
    category: joinedField(row, ATTRIBUTION_COLUMNS.category),
    name: joinedField(row, ATTRIBUTION_COLUMNS.name),
    basis: joinedField(row, ATTRIBUTION_COLUMNS.basis),
    type: joinedField(row, ATTRIBUTION_COLUMNS.type),
    attributedBy: [ATTRIBUTION_COLUMNS.actor, ATTRIBUTION_COLUMNS.company, ATTRIBUTION_COLUMNS.attributingCountry].map((c) => joinedField(row, c)),
  }));
}

/**
 * Attributions of one incident: from its rows of the attribution table when joined (one per
 * row), else from the main table. Claims naming no state are answers, kept in notes; the caller
 * quarantines an incident left with no attributed state.
 */
export function readAttributions(view: RowView, joined: ReadonlyArray<Readonly<Record<string, string>>> | undefined, sources: readonly Source[]): AttributionReading {
  const claims = joined === undefined ? mainClaims(view) : joinedClaims(joined);
  const notes: string[] = [];
  const unresolved: string[] = [];
  const nonAnswers: string[] = [];
  const byKey = new Map<string, Attribution>();
  for (const claim of claims) {
    if (claim.country === '' || isNonAnswer(claim.country)) {
      if (claim.country !== '' && !nonAnswers.includes(claim.country)) nonAnswers.push(claim.country);
      continue;
    }
    const resolved = resolveStateNames([claim.country], 'initiator');
    const fromAlpha2 = /^[A-Za-z]{2}$/.test(claim.alpha2) ? findStateCode(claim.alpha2) : undefined;
    const sponsor = resolved.codes[0] ?? fromAlpha2;
    notes.push(...resolved.notes);
    if (sponsor === undefined) {
      if (resolved.unresolved.length > 0 && !unresolved.includes(claim.country)) unresolved.push(claim.country);
      else if (!nonAnswers.includes(claim.country)) nonAnswers.push(claim.country);
      continue;
    }
    const relationEntry = claim.category === '' ? undefined : findStripped(EUREPOC_INITIATOR_CATEGORIES, claim.category);
    if (claim.category !== '' && relationEntry === undefined) notes.push(`initiator_category '${claim.category}' unmapped: relation unknown`);
    const basis = basisOf(claim);
    const attributedBy = claim.attributedBy.find((by) => by !== '' && !isNonAnswer(by)) ?? basis.by;
    const attribution: Attribution = {
      sponsor,
      relation: relationEntry?.values[0] ?? 'unknown',
      confidence: basis.confidence,
      basis: basis.basis,
      attributedBy: clip(attributedBy, 300),
      sources: [...sources],
      ...(claim.name === '' || isNonAnswer(claim.name) ? {} : { actorName: clip(claim.name, 300) }),
    };
    const key = JSON.stringify([attribution.sponsor, attribution.relation, attribution.basis, attribution.confidence, attribution.attributedBy, attribution.actorName]);
    if (!byKey.has(key)) {
      byKey.set(key, attribution);
      notes.push(`attribution ${sponsor}: ${attribution.basis} ${attribution.confidence} [${basis.ids.join(', ') || 'eurepoc default basis'}], relation ${attribution.relation}${relationEntry === undefined ? '' : ` [${relationEntry.id}]`}`);
    }
  }
  return { attributions: [...byKey.values()], notes, unresolved, nonAnswers };
}

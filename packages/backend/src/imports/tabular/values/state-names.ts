import { countryNote, normaliseCountry } from '@pactwatch/domain';

/** Answers that say "no state" rather than naming one; kept in notes, never resolved. */
const NON_ANSWERS = new Set(['unknown', 'not attributed', 'not available', 'none', 'n/a', 'na', '-', 'no', 'nan']);

export function isNonAnswer(text: string): boolean {
  return NON_ANSWERS.has(text.trim().toLowerCase());
}

/**
 * Splits a comma-joined list of country names. Names that themselves hold a comma in ISO style
 * ("Korea, Republic of", "Iran, Islamic Republic of") are rejoined when the pair resolves, and
 * the pair is tried first because "Korea" alone would resolve to the wrong Korea.
 */
export function splitCountryNames(text: string, separator: string): string[] {
  const parts = text.split(separator).map((p) => p.trim()).filter((p) => p !== '');
  if (separator !== ',') return parts;
  const names: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    const next = parts[i + 1];
    if (next !== undefined && normaliseCountry(`${part}, ${next}`).outcome === 'state') {
      names.push(`${part}, ${next}`);
      i += 1;
    } else names.push(part);
  }
  return names;
}

export interface StateResolution {
  /** Distinct ISO alpha-2 codes, in first-seen order. */
  readonly codes: readonly string[];
  /** Names that are neither a known country nor in the shared country-spelling table (typos, new spellings). */
  readonly unresolved: readonly string[];
  /** "Unknown", "Not attributed", regions, international bodies: listed answers that name no state. */
  readonly nonAnswers: readonly string[];
  /** One line per name read ("sponsor 'Iran (Islamic Republic of)' → IR"), as the MISP importer writes them. */
  readonly notes: readonly string[];
}

/**
 * Resolves names with the country registry, then the shared spelling table of
 * packages/domain/src/normalise (which also places organisations such as "Bank of America" in
 * their state, and lists regions and bodies that are no state).
 */
export function resolveStateNames(names: readonly string[], label: string): StateResolution {
  const codes: string[] = [];
  const unresolved: string[] = [];
  const nonAnswers: string[] = [];
  const notes: string[] = [];
  for (const name of names) {
    if (isNonAnswer(name)) {
      if (!nonAnswers.includes(name)) nonAnswers.push(name);
      continue;
    }
    const result = normaliseCountry(name);
    if (result.outcome === 'state' && result.code !== undefined) {
      if (name !== result.code) notes.push(countryNote(label, result));
      if (!codes.includes(result.code)) codes.push(result.code);
    } else if (result.outcome === 'unmapped') {
      notes.push(countryNote(label, result));
      if (!nonAnswers.includes(name)) nonAnswers.push(name);
    } else if (!unresolved.includes(name)) unresolved.push(name);
  }
  return { codes, unresolved, nonAnswers, notes };
}

/** A quoted, comma-joined list of values for messages, shortened when long. */
export function quoteList(values: readonly string[]): string {
  const shown = values.slice(0, 5).map((v) => `"${v.length > 80 ? `${v.slice(0, 79)}…` : v}"`);
  return values.length > 5 ? `${shown.join(', ')} and ${values.length - 5} more` : shown.join(', ');
}

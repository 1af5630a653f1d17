import type { CountryNormalisation } from './country-spellings.js';
import type { SpellingResult } from './spelling-table.js';

/**
 * One human-readable line per normalisation ("target 'Private sector' → private-sector"), so a
 * reader can check every mapping an import made; anything not normalised says "unmapped" and keeps
 * the original string.
 */
export function spellingNote(label: string, result: SpellingResult<string>): string {
  const head = `${label} '${result.input}'`;
  const rule = result.ruleId === undefined ? '' : ` [${result.ruleId}]`;
  switch (result.outcome) {
    case 'mapped':
      return `${head} → ${result.to[0] ?? ''}`;
    case 'ambiguous':
      return `${head} → ambiguous: ${result.to.join(' or ')}${rule}: ${result.reason ?? ''}`;
    case 'unmapped':
      return `${head} unmapped${rule}: ${result.reason ?? ''}`;
    case 'unknown':
      return `${head} unmapped: not in the ${label} spelling table`;
  }
}

export function countryNote(label: string, result: CountryNormalisation): string {
  const head = `${label} '${result.input}'`;
  const rule = result.ruleId === undefined ? '' : ` [${result.ruleId}]`;
  if (result.outcome === 'state') return result.via === 'registry' ? `${head} → ${result.code ?? ''}` : `${head} → ${result.code ?? ''} (${result.via ?? ''}${rule})`;
  return `${head} unmapped${rule}: ${result.reason ?? ''}`;
}

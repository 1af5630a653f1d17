import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { PactwatchError } from '../errors/pactwatch-error.js';
import { COUNTRY_ALIASES, COUNTRY_METONYMS } from './aliases.js';
import { COW_TO_ISO } from './cow-codes.js';

countries.registerLocale(english);

/** A state: ISO 3166-1 alpha-2 code, English name and every alias pactwatch resolves to it. */
export interface State {
  readonly code: string;
  readonly alpha3: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly cowCode?: number;
  readonly cowAbbr?: string;
}

/** Lower-case, accents and punctuation removed, a leading "the" dropped, spaces folded. */
export function normaliseCountryName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

// Kosovo has a user-assigned code (XK) that the ISO package lacks; analysts need it.
const EXTRA_STATES: ReadonlyArray<{ code: string; alpha3: string; name: string }> = [{ code: 'XK', alpha3: 'XKX', name: 'Kosovo' }];

function buildRegistry(): { byCode: Map<string, State>; byName: Map<string, string>; byCow: Map<number, string> } {
  const byCode = new Map<string, State>();
  const byName = new Map<string, string>();
  const aliasesByCode = new Map<string, Set<string>>();
  const addAlias = (code: string, alias: string): void => {
    const set = aliasesByCode.get(code) ?? new Set<string>();
    set.add(alias);
    aliasesByCode.set(code, set);
    const key = normaliseCountryName(alias);
    if (key !== '' && !byName.has(key)) byName.set(key, code);
  };
  const cowByIso = new Map<string, { code: number; abbr: string }>();
  const byCow = new Map<number, string>();
  for (const [cow, entry] of Object.entries(COW_TO_ISO)) {
    const cowCode = Number(cow);
    byCow.set(cowCode, entry.iso);
    // Where two COW codes share a successor (GMY/GFR), the current state's code is kept.
    if (!cowByIso.has(entry.iso)) cowByIso.set(entry.iso, { code: cowCode, abbr: entry.abbr });
  }
  const isoCodes = Object.keys(countries.getAlpha2Codes());
  const entries = [
    ...isoCodes.map((code) => ({ code, alpha3: countries.alpha2ToAlpha3(code) ?? code, names: countries.getName(code, 'en', { select: 'all' }) ?? [] })),
    ...EXTRA_STATES.filter((extra) => !isoCodes.includes(extra.code)).map((extra) => ({ code: extra.code, alpha3: extra.alpha3, names: [extra.name] })),
  ];
  for (const entry of entries) {
    for (const name of entry.names) addAlias(entry.code, name);
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) addAlias(code, alias);
  for (const entry of entries) {
    const cow = cowByIso.get(entry.code);
    // The ISO package lists the formal name first ("Russian Federation") and the common short
    // form second ("Russia"); the short form reads better in tables.
    // A short form two states share ("Congo" is CG's and CD's) is not used as either name, nor
    // listed as an alias of the state it does not resolve to: a name must read back to its code.
    const resolvesHere = (name: string): boolean => byName.get(normaliseCountryName(name)) === entry.code;
    const shortName = [entry.names[1], entry.names[0]].find((name) => name !== undefined && resolvesHere(name)) ?? entry.names[0] ?? entry.code;
    byCode.set(entry.code, {
      code: entry.code,
      alpha3: entry.alpha3,
      name: shortName,
      aliases: [...(aliasesByCode.get(entry.code) ?? [])].filter(resolvesHere),
      ...(cow === undefined ? {} : { cowCode: cow.code, cowAbbr: cow.abbr }),
    });
  }
  return { byCode, byName, byCow };
}

const registry = buildRegistry();

export function allStates(): readonly State[] {
  return [...registry.byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export function isStateCode(code: string): boolean {
  return registry.byCode.has(code);
}

export function getState(code: string): State | undefined {
  return registry.byCode.get(code.toUpperCase());
}

export function stateName(code: string): string {
  return registry.byCode.get(code)?.name ?? code;
}

/**
 * Resolves a name, alias, alpha-2 or alpha-3 code to an alpha-2 code, or undefined.
 * COW abbreviations are deliberately not accepted here: "AUS" is Austria in COW but Australia in
 * ISO alpha-3. Use `resolveCowCode` for COW data.
 */
export function findStateCode(input: string): string | undefined {
  const trimmed = input.trim();
  if (trimmed === '') return undefined;
  if (/^[A-Za-z]{2}$/.test(trimmed) && registry.byCode.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  if (/^[A-Z]{3}$/.test(trimmed)) {
    const fromAlpha3 = countries.alpha3ToAlpha2(trimmed);
    if (fromAlpha3 !== undefined) return fromAlpha3;
    if (trimmed === 'XKX') return 'XK';
  }
  return registry.byName.get(normaliseCountryName(trimmed));
}

/** As `findStateCode`, throwing UNKNOWN_COUNTRY with the input quoted. */
export function resolveStateCode(input: string): string {
  const code = findStateCode(input);
  if (code === undefined) throw new PactwatchError('UNKNOWN_COUNTRY', `"${input}" is not a known country name or ISO code`);
  return code;
}

/** Resolves a Correlates-of-War numeric code or abbreviation. */
export function resolveCowCode(input: number | string): string | undefined {
  if (typeof input === 'number' || /^\d+$/.test(input.trim())) return registry.byCow.get(Number(input));
  const abbr = input.trim().toUpperCase();
  for (const state of registry.byCode.values()) if (state.cowAbbr === abbr) return state.code;
  return undefined;
}

/** Resolves a capital used as a metonym ("Beijing"), for text extraction only. */
export function resolveMetonym(word: string): string | undefined {
  return COUNTRY_METONYMS[word.trim()];
}

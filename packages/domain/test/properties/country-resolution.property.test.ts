import { allStates, COUNTRY_SPELLING_RULES, findStateCode, getState, isPactwatchError, isStateCode, normaliseCountry, resolveStateCode, stateName, type State } from '@pactwatch/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_ALIASES } from '../../src/countries/aliases.js';
import { propertyParams, thrownBy } from './property-config.js';

const states = allStates();
const state = fc.constantFrom(...states);
/** A name pactwatch lists for a state: its display name or one of its aliases. */
const stateAndName = state.chain((s) => fc.constantFrom(s.name, ...s.aliases).map((name) => ({ state: s, name })));

const whitespace = fc.array(fc.constantFrom(' ', '\t', '\n', '\u00a0'), { maxLength: 3 }).map((parts) => parts.join(''));
/** Random upper/lower case per character. */
const recased = (text: string): fc.Arbitrary<string> =>
  fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((flags) => [...text].map((c, i) => (flags[i] === true ? c.toUpperCase() : c.toLowerCase())).join(''));
/** Combining accents on letters ("Fráncé"): NFKD folding must strip them again. */
const accented = (text: string): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom('', '', '\u0301', '\u0308', '\u0300'), { minLength: text.length, maxLength: text.length }).map((marks) =>
    [...text].map((c, i) => (/[a-z]/i.test(c) ? c + (marks[i] ?? '') : c)).join(''),
  );

function resolvesTo(input: string, expected: State): void {
  expect(findStateCode(input), `"${input}" should resolve to ${expected.code}`).toBe(expected.code);
}

describe('country resolution: properties', () => {
  it('every alpha-2 and alpha-3 code resolves to itself, whatever the surrounding whitespace', () => {
    fc.assert(
      fc.property(state, whitespace, whitespace, (s, before, after) => {
        resolvesTo(`${before}${s.code}${after}`, s);
        resolvesTo(`${before}${s.code.toLowerCase()}${after}`, s);
        resolvesTo(`${before}${s.alpha3}${after}`, s);
        expect(getState(s.code.toLowerCase())?.code).toBe(s.code);
        expect(isStateCode(s.code)).toBe(true);
      }),
      propertyParams(300),
    );
  });

  it('the display name and every listed alias read back to the state (the registry\'s contract)', () => {
    // Exhaustive, not sampled: there are only a few hundred states.
    for (const s of states) {
      resolvesTo(s.name, s);
      expect(stateName(s.code)).toBe(s.name);
      for (const alias of s.aliases) resolvesTo(alias, s);
    }
  });

  it('case, whitespace and accent variations of a name resolve as the name itself does', () => {
    fc.assert(
      fc.property(
        stateAndName.chain(({ state: s, name }) => fc.tuple(fc.constant(s), fc.constant(name), recased(name), whitespace, whitespace)),
        ([s, name, variant, before, after]) => {
          // A two- or three-letter spelling in capitals is read as a code first; names are not codes.
          const codeLike = /^[A-Za-z]{2}$/.test(variant.trim()) || /^[A-Z]{3}$/.test(variant.trim());
          if (!codeLike) resolvesTo(`${before}${variant}${after}`, s);
          resolvesTo(`${before}${name}${after}`, s);
        },
      ),
      propertyParams(500),
    );
    fc.assert(
      fc.property(
        stateAndName.chain(({ state: s, name }) => fc.tuple(fc.constant(s), fc.constant(name), accented(name))),
        ([s, name, variant]) => {
          const codeLike = /^[A-Za-z]{2}$/.test(variant) || /^[A-Z]{3}$/.test(variant);
          if (!codeLike) resolvesTo(variant, s);
          // A leading "the" is dropped before lookup, so adding one changes nothing.
          if (!/^[A-Za-z]{2,3}$/.test(name)) resolvesTo(`The ${name.replace(/^the /i, '')}`, s);
        },
      ),
      propertyParams(300),
    );
  });

  it('hand-kept aliases are consistent: each resolves to its target, which resolves to itself and lists it', () => {
    for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) {
      expect(findStateCode(alias), alias).toBe(code);
      expect(findStateCode(code)).toBe(code);
      expect(getState(code)?.aliases, alias).toContain(alias);
    }
  });

  it('any string resolves to a known code or to nothing, never throws, and resolution is idempotent', () => {
    const countryish = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      stateAndName.chain(({ name }) => fc.tuple(fc.constant(name), fc.string({ maxLength: 4 })).map(([n, noise]) => n + noise)),
      fc.constantFrom('x'.repeat(10_000), ' '.repeat(5_000), '.'.repeat(5_000), 'Congo', 'Korea', 'Georgia', 'Jersey', 'ZZ', 'ZZZ', 'EU', ''),
    );
    fc.assert(
      fc.property(countryish, (input) => {
        const code = findStateCode(input);
        if (code === undefined) {
          const error = thrownBy(() => resolveStateCode(input));
          expect(isPactwatchError(error) && error.code === 'UNKNOWN_COUNTRY').toBe(true);
        } else {
          expect(isStateCode(code)).toBe(true);
          expect(resolveStateCode(input)).toBe(code);
          expect(findStateCode(code)).toBe(code);
          expect(findStateCode(stateName(code))).toBe(code);
        }
        const normalised = normaliseCountry(input);
        expect(normalised.input).toBe(input);
        if (normalised.outcome === 'state') expect(isStateCode(normalised.code ?? '')).toBe(true);
        else expect(normalised.code).toBeUndefined();
        if (code !== undefined) expect(normalised).toMatchObject({ outcome: 'state', code, via: 'registry' });
        if (normalised.outcome !== 'state') expect(normalised.reason?.length ?? 0).toBeGreaterThan(0);
      }),
      propertyParams(800),
    );
  });

  it('every spelling-table row normalises as the row says (the table is consulted after the registry)', () => {
    for (const rule of COUNTRY_SPELLING_RULES) {
      for (const spelling of rule.spellings) {
        const result = normaliseCountry(spelling);
        expect(result.via, spelling).toBe(rule.kind);
        expect(result.code, spelling).toBe(rule.to[0]);
      }
    }
  });
});

import { ACTIVITY_RULES, AMBIGUOUS_NAMES, ATTACK_CUE_PATTERN, BASIS_RULES, DATE_RULES, FALSE_POSITIVE_GUARDS, ROLE_RULES, TARGET_RULES } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

/**
 * True when a quantified group contains a quantifier ("(a+)+", "(?:\w+ ){0,3}"): the shape that
 * backtracks catastrophically. Character classes and escapes are skipped; a "?" right after a
 * quantifier makes it lazy and is not a second quantifier; "{state}"-style slots are not counts.
 */
function hasNestedQuantifier(pattern: string): boolean {
  const stack: boolean[] = [];
  let lastClosedHadQuantifier = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const c = pattern[i];
    if (c === '\\') {
      i += 1;
      lastClosedHadQuantifier = false;
      continue;
    }
    if (c === '[') {
      for (i += 1; i < pattern.length && pattern[i] !== ']'; i += 1) if (pattern[i] === '\\') i += 1;
      lastClosedHadQuantifier = false;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      lastClosedHadQuantifier = false;
      continue;
    }
    if (c === ')') {
      lastClosedHadQuantifier = stack.pop() ?? false;
      if (lastClosedHadQuantifier && stack.length > 0) stack[stack.length - 1] = true;
      const next = pattern[i + 1];
      const counted = next === '{' && /^\{\d/.test(pattern.slice(i + 1));
      if (lastClosedHadQuantifier && (next === '*' || next === '+' || next === '?' || counted)) return true;
      continue;
    }
    // "{state}", "{gap}": rule slots, not counted repetitions.
    if (c === '{' && !/^\{\d/.test(pattern.slice(i))) continue;
    if (c === '*' || c === '+' || c === '?' || c === '{') {
      const prev = pattern[i - 1];
      // "(?:", "(?!", "(?<" open a group; a "?" after a quantifier is laziness.
      if (c === '?' && (prev === '(' || prev === '*' || prev === '+' || prev === '?' || prev === '}')) continue;
      if (c === '{') i = pattern.indexOf('}', i);
      if (stack.length > 0) stack[stack.length - 1] = true;
      lastClosedHadQuantifier = false;
    }
  }
  return false;
}

describe('ReDoS guard on rule data', () => {
  it('detects the shapes it is meant to refuse', () => {
    expect(hasNestedQuantifier(String.raw`(a+)+`)).toBe(true);
    expect(hasNestedQuantifier(String.raw`(?:\w+ ){0,3}`)).toBe(true);
    expect(hasNestedQuantifier(String.raw`(?:a|b(?:c)?)?`)).toBe(true);
    expect(hasNestedQuantifier(String.raw`(?: (?:a|b)){0,2} [^.;]{0,60}? (?:x|y)?`)).toBe(false);
    expect(hasNestedQuantifier(String.raw`\b(?:hackers?|groups?)\b`)).toBe(false);
  });

  it('finds no nested quantifier in any rule pattern', () => {
    const patterns: Array<[string, string]> = [
      ...ROLE_RULES.map((r): [string, string] => [r.id, r.pattern]),
      ...ACTIVITY_RULES.map((r): [string, string] => [r.id, r.pattern]),
      ...TARGET_RULES.map((r): [string, string] => [r.id, r.pattern]),
      ...BASIS_RULES.map((r): [string, string] => [r.id, r.pattern]),
      ...DATE_RULES.map((r): [string, string] => [r.id, r.pattern]),
      ...FALSE_POSITIVE_GUARDS.map((r): [string, string] => [r.id, r.pattern]),
      ...AMBIGUOUS_NAMES.map((r): [string, string] => [r.id, r.confirmedBy]),
      ['attack-cue', ATTACK_CUE_PATTERN],
    ];
    const nested = patterns.filter(([, p]) => hasNestedQuantifier(p)).map(([id]) => id);
    expect(nested).toEqual([]);
  });
});

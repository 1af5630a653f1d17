import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../src/imports/misp/json-error-position.js';

const GALAXY_DIR = fileURLToPath(new URL('../../../../../shared/data/misp-galaxy/', import.meta.url));
const CLUSTERS = `${GALAXY_DIR}clusters/`;
// The shared MISP data is read-only; these tests skip only when it is absent.
const HAVE_GALAXY = existsSync(GALAXY_DIR);

describe('locating JSON syntax errors (misp-galaxy files)', () => {
  it('finds the first error with line, column and offset, agreeing with JSON.parse on what is valid', () => {
    const cases: Array<[string, { line: number; column: number; problem: string } | undefined]> = [
      ['{"a": [1, 2.5e3, true, null, "x\\u00e9"]}', undefined],
      ['', { line: 1, column: 1, problem: 'the file is empty' }],
      ['{\n  "a": 1,\n  "b": tru\n}', { line: 3, column: 11, problem: 'unexpected "\\n"' }],
      ['{\n  "a": "open', { line: 2, column: 13, problem: 'the file ends inside a string (truncated?)' }],
      ['{"a": 1}\n{"b": 2}', { line: 2, column: 1, problem: 'unexpected text after the end of the JSON value' }],
      ["{'a': 1}", { line: 1, column: 2, problem: 'expected a property name in double quotes' }],
      ['[1, 2', { line: 1, column: 6, problem: 'the file ends too early (truncated?)' }],
      ['{"a": 01}', { line: 1, column: 8, problem: 'expected "," or "}"' }],
      ['"tab\there"', { line: 1, column: 5, problem: 'a control character inside a string' }],
    ];
    for (const [text, expected] of cases) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(valid, text).toBe(expected === undefined);
      const found = locateJsonError(text);
      if (expected === undefined) expect(found, text).toBeUndefined();
      else expect(found, text).toMatchObject(expected);
    }
  });

  it.skipIf(!HAVE_GALAXY)('finds no error in the real galaxy files', () => {
    for (const name of ['threat-actor.json', 'mitre-intrusion-set.json', 'tidal-groups.json']) expect(locateJsonError(readFileSync(`${CLUSTERS}${name}`, 'utf8')), name).toBeUndefined();
  });
});

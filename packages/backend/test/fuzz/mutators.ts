import type { Rng } from './prng.js';

/**
 * Mutations of a seed input. Byte mutators ignore the format (truncation, bit flips, bad
 * encodings); token mutators splice hostile text where the format's parser will meet it
 * (ReDoS-shaped runs, deep nesting, quotes, NUL). Sizes here stay bounded so a CI run is cheap;
 * the giant cases (10 MB fields, 1M columns, zip bombs) are fixed inputs in hostile-inputs.ts.
 */
export type Mutator = (input: Buffer, rng: Rng) => Buffer;

/** Strings that make backtracking regexes or naive scanners slow. */
export const REDOS_STRINGS: readonly string[] = [
  `${'a'.repeat(50_000)}!`,
  `${'('.repeat(5_000)}a${')'.repeat(4_999)}`,
  `${' '.repeat(50_000)}x`,
  `${'.'.repeat(50_000)}`,
  `${'a-'.repeat(20_000)}_`,
  `${'1'.repeat(30_000)}-${'9'.repeat(30_000)}`,
  `${'\t'.repeat(20_000)}\n`,
  `${'ab'.repeat(25)}-A`,
  `${'x@'.repeat(10_000)}`,
  `http://${'a.'.repeat(20_000)}`,
  `${'/'.repeat(30_000)}`,
];

const HOSTILE_TOKENS: readonly Buffer[] = [
  Buffer.from([0]),
  Buffer.from([0xc3, 0x28]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xe9]),
  Buffer.from('"'),
  Buffer.from(','),
  Buffer.from('\n'),
  Buffer.from('\r'),
  Buffer.from('{'),
  Buffer.from('['),
  Buffer.from('}'),
  Buffer.from(']'),
  Buffer.from(':'),
  Buffer.from('\\'),
  Buffer.from('\\u0000'),
  Buffer.from('\\ud800'),
  Buffer.from('<'),
  Buffer.from('&'),
  Buffer.from('\u2028'),
  Buffer.from('\u202e'),
  Buffer.from('-1e999'),
  Buffer.from('NaN'),
  Buffer.from('9007199254740993'),
  Buffer.from('*'),
  Buffer.from('&a'),
  Buffer.from('!!binary'),
  Buffer.from('__proto__'),
  Buffer.from('constructor'),
];

const at = (input: Buffer, rng: Rng): number => rng.int(input.length + 1);

export const truncate: Mutator = (input, rng) => input.subarray(0, rng.int(Math.max(1, input.length)));

export const flipBits: Mutator = (input, rng) => {
  const out = Buffer.from(input);
  if (out.length === 0) return out;
  for (let n = 1 + rng.int(8); n > 0; n -= 1) {
    const i = rng.int(out.length);
    out[i] = (out[i] ?? 0) ^ (1 << rng.int(8));
  }
  return out;
};

export const insertBytes: Mutator = (input, rng) => {
  const i = at(input, rng);
  const noise = Buffer.alloc(1 + rng.int(16));
  for (let k = 0; k < noise.length; k += 1) noise[k] = rng.int(256);
  return Buffer.concat([input.subarray(0, i), noise, input.subarray(i)]);
};

export const deleteRange: Mutator = (input, rng) => {
  const i = at(input, rng);
  return Buffer.concat([input.subarray(0, i), input.subarray(Math.min(input.length, i + 1 + rng.int(64)))]);
};

export const duplicateRange: Mutator = (input, rng) => {
  const i = at(input, rng);
  const j = Math.min(input.length, i + 1 + rng.int(200));
  const copies = 1 + rng.int(20);
  return Buffer.concat([input.subarray(0, j), ...Array.from({ length: copies }, () => input.subarray(i, j)), input.subarray(j)]);
};

export const insertToken: Mutator = (input, rng) => {
  const i = at(input, rng);
  return Buffer.concat([input.subarray(0, i), rng.pick(HOSTILE_TOKENS), input.subarray(i)]);
};

/** Re-encodes the text: Latin-1, UTF-16 with a BOM, a UTF-8 BOM, or stray invalid UTF-8. */
export const reencode: Mutator = (input, rng) => {
  const text = input.toString('utf8');
  switch (rng.int(4)) {
    case 0:
      return Buffer.from(text.replace(/e/g, 'é'), 'latin1');
    case 1:
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 2:
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), input]);
    default:
      return Buffer.concat([input.subarray(0, at(input, rng)), Buffer.from([0xc0, 0xaf, 0xf8, 0x80]), input.subarray(at(input, rng))]);
  }
};

/** Replaces the value of a quoted string with a ReDoS-shaped or large string. */
export const hostileString: Mutator = (input, rng) => {
  const text = input.toString('utf8');
  const quotes = [...text.matchAll(/"([^"\\\n]{1,200})"/g)];
  const replacement = rng.chance(0.2) ? 'z'.repeat(100_000 + rng.int(200_000)) : rng.pick(REDOS_STRINGS);
  if (quotes.length === 0) {
    const i = rng.int(text.length + 1);
    return Buffer.from(text.slice(0, i) + replacement + text.slice(i));
  }
  const match = rng.pick(quotes);
  const start = (match.index ?? 0) + 1;
  return Buffer.from(text.slice(0, start) + JSON.stringify(replacement).slice(1, -1) + text.slice(start + (match[1]?.length ?? 0)));
};

/** Replaces a JSON/YAML value with deep nesting of brackets or braces. */
export const deepNesting: Mutator = (input, rng) => {
  const text = input.toString('utf8');
  const depth = rng.pick([100, 1_000, 5_000, 10_000]);
  const nest = rng.chance(0.5) ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  const values = [...text.matchAll(/: ?("[^"\n]*"|\d+|true|false|null)/g)];
  if (values.length === 0) return Buffer.from(nest + text);
  const match = rng.pick(values);
  const start = (match.index ?? 0) + match[0].length - (match[1]?.length ?? 0);
  return Buffer.from(text.slice(0, start) + nest + text.slice(start + (match[1]?.length ?? 0)));
};

/** Replaces a JSON value with one of the wrong type. */
export const wrongType: Mutator = (input, rng) => {
  const text = input.toString('utf8');
  const values = [...text.matchAll(/: ?("[^"\n]*"|-?\d+(?:\.\d+)?|true|false|null|\[\]|\{\})/g)];
  if (values.length === 0) return input;
  const match = rng.pick(values);
  const start = (match.index ?? 0) + match[0].length - (match[1]?.length ?? 0);
  const replacement = rng.pick(['0', '-1', '1e308', 'true', 'null', '[]', '{}', '""', '"x"', '[1,2]', '{"a":1}', '[null]', '"2020-13-45"', '"\\u0000"']);
  return Buffer.from(text.slice(0, start) + replacement + text.slice(start + (match[1]?.length ?? 0)));
};

/** Duplicates a JSON key inside its object (the last one wins in JSON.parse). */
export const duplicateKey: Mutator = (input, rng) => {
  const text = input.toString('utf8');
  const pairs = [...text.matchAll(/"([a-z_A-Z]+)" ?: ?("[^"\n]*"|\d+|true|false|null)/g)];
  if (pairs.length === 0) return input;
  const match = rng.pick(pairs);
  const i = match.index ?? 0;
  const twin = `"${match[1] ?? 'id'}": ${rng.pick(['"dup"', '1', 'null', '[]', '{"x":1}'])}, `;
  return Buffer.from(text.slice(0, i) + twin + text.slice(i));
};

/** Adds an unknown field next to a known one. */
export const unknownField: Mutator = (input, rng) => {
  const text = input.toString('utf8');
  const braces = [...text.matchAll(/\{/g)];
  if (braces.length === 0) return input;
  const i = (rng.pick(braces).index ?? 0) + 1;
  const name = rng.pick(['__proto__', 'constructor', 'x_unknown', '', 'prototype', 'toString']);
  return Buffer.from(`${text.slice(0, i)}"${name}": ${rng.pick(['{"polluted": true}', '1', '"x"', 'null'])}, ${text.slice(i)}`);
};

/** CSV damage: an unbalanced quote, extra or missing cells, another delimiter, other line ends. */
export const csvDamage: Mutator = (input, rng) => {
  const text = input.toString('utf8');
  const lines = text.split('\n');
  const row = rng.int(lines.length);
  const line = lines[row] ?? '';
  switch (rng.int(7)) {
    case 0:
      lines[row] = `"${line}`;
      break;
    case 1:
      lines[row] = `${line}${',x'.repeat(1 + rng.int(2_000))}`;
      break;
    case 2:
      lines[row] = line.split(',').slice(0, rng.int(4)).join(',');
      break;
    case 3:
      return Buffer.from(text.replace(/,/g, rng.pick([';', '\t', '|'])));
    case 4:
      return Buffer.from(text.replace(/\n/g, rng.pick(['\r\n', '\r', '\n\n'])));
    case 5:
      lines[row] = line.replace(/[^,]*/, `"${rng.pick(REDOS_STRINGS).slice(0, 60_000).replace(/"/g, '""')}"`);
      break;
    default:
      lines.splice(row, 0, ...Array.from({ length: 1 + rng.int(50) }, () => line));
  }
  return Buffer.from(lines.join('\n'));
};

export const BYTE_MUTATORS: readonly Mutator[] = [truncate, flipBits, insertBytes, deleteRange, duplicateRange, insertToken, reencode, hostileString];
export const JSON_MUTATORS: readonly Mutator[] = [...BYTE_MUTATORS, deepNesting, wrongType, wrongType, duplicateKey, unknownField, hostileString];
export const CSV_MUTATORS: readonly Mutator[] = [...BYTE_MUTATORS, csvDamage, csvDamage, csvDamage];
export const TEXT_MUTATORS: readonly Mutator[] = [...BYTE_MUTATORS, deepNesting];

/** Applies 1–3 mutators in a row. */
export function mutate(seed: Buffer, mutators: readonly Mutator[], rng: Rng): Buffer {
  let out = seed;
  for (let n = 1 + rng.int(3); n > 0; n -= 1) out = rng.pick(mutators)(out, rng);
  return out;
}

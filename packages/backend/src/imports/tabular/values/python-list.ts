/** A value of a Python list literal as EuRepoC 1.1 writes it: strings, nested lists, None. */
export type PythonValue = string | null | readonly PythonValue[];

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
const MAX_DEPTH = 8;

/**
 * Parses a Python list literal such as `['Espionage', "Korea, Democratic People's Republic of"]`
 * or `[['ASIA', 'SCS'], []]`. Returns undefined for anything else: the caller then treats the text
 * as a plain value, so a cell that merely starts with "[" is never lost.
 */
export function parsePythonList(text: string): readonly PythonValue[] | undefined {
  let at = 0;
  const skipSpace = (): void => {
    while (at < text.length && /\s/.test(text[at] ?? '')) at += 1;
  };
  const parseString = (): string | undefined => {
    const quote = text[at];
    at += 1;
    let out = '';
    while (at < text.length) {
      const char = text[at] ?? '';
      if (char === quote) {
        at += 1;
        return out;
      }
      if (char === '\\') {
        const next = text[at + 1] ?? '';
        const hex = next === 'x' ? text.slice(at + 2, at + 4) : next === 'u' ? text.slice(at + 2, at + 6) : '';
        if (hex !== '' && /^[0-9a-fA-F]+$/.test(hex) && hex.length === (next === 'x' ? 2 : 4)) {
          out += String.fromCharCode(parseInt(hex, 16));
          at += 2 + hex.length;
          continue;
        }
        out += ESCAPES[next] ?? `\\${next}`;
        at += 2;
        continue;
      }
      out += char;
      at += 1;
    }
    return undefined;
  };
  const parseValue = (depth: number): PythonValue | undefined => {
    skipSpace();
    const char = text[at];
    if (char === '[') return depth >= MAX_DEPTH ? undefined : parseList(depth + 1);
    if (char === "'" || char === '"') return parseString();
    if (text.startsWith('None', at)) {
      at += 4;
      return null;
    }
    const number = /^-?\d+(?:\.\d+)?/.exec(text.slice(at));
    if (number !== null) {
      at += number[0].length;
      return number[0];
    }
    return undefined;
  };
  const parseList = (depth: number): PythonValue[] | undefined => {
    at += 1;
    const items: PythonValue[] = [];
    skipSpace();
    if (text[at] === ']') {
      at += 1;
      return items;
    }
    for (;;) {
      const value = parseValue(depth);
      if (value === undefined) return undefined;
      items.push(value);
      skipSpace();
      if (text[at] === ',') {
        at += 1;
        skipSpace();
        if (text[at] === ']') {
          at += 1;
          return items;
        }
        continue;
      }
      if (text[at] === ']') {
        at += 1;
        return items;
      }
      return undefined;
    }
  };
  skipSpace();
  if (text[at] !== '[') return undefined;
  const list = parseList(1);
  skipSpace();
  return list !== undefined && at === text.length ? list : undefined;
}

/** All strings of a (nested) list, in order. */
export function flattenPython(values: readonly PythonValue[]): string[] {
  return values.flatMap((value) => (value === null ? [] : typeof value === 'string' ? [value] : flattenPython(value)));
}

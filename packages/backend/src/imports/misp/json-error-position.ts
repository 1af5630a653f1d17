/** Where a JSON text first breaks: 0-based offset, 1-based line and column, and what was found. */
export interface JsonErrorPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly problem: string;
}

class Stop {
  constructor(readonly offset: number, readonly problem: string) {}
}

/**
 * Finds the first syntax error in a JSON text. Node's JSON.parse messages give a position only for
 * some errors (not for "Unexpected token … is not valid JSON" or a truncated file), and the wording
 * changes between Node versions, so the offset is found by a small scanner of our own instead.
 * Returns undefined when the text is valid JSON.
 */
export function locateJsonError(text: string): JsonErrorPosition | undefined {
  let i = 0;
  const fail = (problem?: string): never => {
    throw new Stop(i, problem ?? (i >= text.length ? 'the file ends too early (truncated?)' : `unexpected ${JSON.stringify(text[i])}`));
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i += 1;
  };
  const literal = (word: string): void => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i += 1;
    }
  };
  const string = (): void => {
    i += 1;
    for (;;) {
      const ch = text[i];
      if (ch === undefined) return fail('the file ends inside a string (truncated?)');
      if (ch === '"') {
        i += 1;
        return;
      }
      if (ch === '\\') {
        i += 1;
        const esc = text[i] ?? '';
        if (esc === 'u') {
          for (let k = 1; k <= 4; k += 1) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail('a \\u escape needs four hex digits');
          i += 5;
        } else if ('"\\/bfnrt'.includes(esc) && esc !== '') i += 1;
        else fail('an invalid escape in a string');
      } else if (ch < ' ') fail('a control character inside a string');
      else i += 1;
    }
  };
  const number = (): void => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (match === null) return fail();
    i += match[0].length;
  };
  /** After an object member or array item: true when a "," says another one follows. */
  const more = (close: '}' | ']'): boolean => {
    ws();
    if (text[i] === ',') {
      i += 1;
      return true;
    }
    if (text[i] === close) {
      i += 1;
      return false;
    }
    return fail(i >= text.length ? undefined : `expected "," or "${close}"`);
  };
  const value = (depth: number): void => {
    if (depth > 500) fail('nesting is too deep');
    ws();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i += 1;
      ws();
      if (text[i] === close) {
        i += 1;
        return;
      }
      do {
        if (close === '}') {
          ws();
          if (text[i] !== '"') fail(i >= text.length ? undefined : 'expected a property name in double quotes');
          string();
          ws();
          if (text[i] !== ':') fail(i >= text.length ? undefined : 'expected ":" after a property name');
          i += 1;
        }
        value(depth + 1);
      } while (more(close));
      return;
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    fail(i >= text.length ? (text.trim() === '' ? 'the file is empty' : undefined) : undefined);
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('unexpected text after the end of the JSON value');
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    return { offset: error.offset, line, column, problem: error.problem };
  }
}

/**
 * Where JSON text first breaks the grammar (RFC 8259), for error messages only: V8's JSON.parse
 * does not always say where ("Unexpected end of JSON input", "Unexpected token … is not valid
 * JSON"). Iterative (an explicit stack), linear, and run only after JSON.parse has failed.
 */
export interface JsonSyntaxError {
  /** UTF-16 index into the text. */
  readonly offset: number;
  readonly reason: string;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /["\\/bfnrt]|u[0-9a-fA-F]{4}/y;

export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const n = text.length;
  const skip = (): void => {
    while (i < n && WHITESPACE.has(text.charCodeAt(i))) i += 1;
  };
  const fail = (reason: string): JsonSyntaxError => ({ offset: Math.min(i, n), reason: i >= n ? `unexpected end of input (${reason})` : reason });
  const readString = (): JsonSyntaxError | undefined => {
    i += 1;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i += 1;
        return undefined;
      }
      if (c < 0x20) return fail('control character in a string');
      if (c === 0x5c) {
        ESCAPE.lastIndex = i + 1;
        const m = ESCAPE.exec(text);
        if (m === null) {
          i += 1;
          return fail('bad escape in a string');
        }
        i += 1 + m[0].length;
      } else i += 1;
    }
    return fail('unterminated string');
  };
  /** Reads one scalar, or opens a container (pushed on the stack). */
  const stack: Array<'object' | 'array'> = [];
  const readValue = (): JsonSyntaxError | undefined => {
    skip();
    if (i >= n) return fail('a value was expected');
    const c = text[i];
    if (c === '{' || c === '[') {
      stack.push(c === '{' ? 'object' : 'array');
      i += 1;
      return undefined;
    }
    if (c === '"') return readString();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return undefined;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m !== null && m[0] !== '' && m[0] !== '-') {
      i += m[0].length;
      return undefined;
    }
    return fail(`unexpected character ${JSON.stringify(c)} where a value was expected`);
  };

  // After opening a container the first element (or its end) comes next; after a value, a
  // separator or the container's end.
  let afterOpen = false;
  const first = readValue();
  if (first !== undefined) return first;
  afterOpen = stack.length > 0;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    skip();
    if (i >= n) return fail(`the ${top} opened earlier is not closed`);
    const c = text[i];
    const close = top === 'object' ? '}' : ']';
    if (c === close) {
      stack.pop();
      i += 1;
      afterOpen = false;
      continue;
    }
    if (!afterOpen) {
      if (c !== ',') return fail(`expected "," or "${close}" in an ${top}`);
      i += 1;
      skip();
    }
    if (top === 'object') {
      if (text[i] !== '"') return fail('expected a double-quoted property name');
      const keyError = readString();
      if (keyError !== undefined) return keyError;
      skip();
      if (text[i] !== ':') return fail('expected ":" after a property name');
      i += 1;
    }
    const depth = stack.length;
    const error = readValue();
    if (error !== undefined) return error;
    afterOpen = stack.length > depth;
  }
  skip();
  if (i < n) return fail('unexpected text after the JSON value');
  return undefined;
}

/** 1-based line and column (in characters) of a UTF-16 offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

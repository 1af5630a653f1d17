import { isAlias, isCollection, isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';

export interface ParsedYaml {
  readonly value: unknown;
  /** 1-based line of the node at a path, or of the nearest existing parent. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * A mapping key that is itself a map, a list or an alias (`? {a: 1}: x`). JavaScript objects have
 * only text keys, so the yaml library would stringify it and print a process warning on stderr:
 * the record would change silently. No pactwatch file has such keys, so it is refused, located.
 */
function collectionKey(doc: Document, lineCounter: LineCounter): { ok: false; line: number | undefined; reason: string } | undefined {
  let found: Node | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key) || isAlias(pair.key)) {
        found = pair.key;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (found === undefined) return undefined;
  const start = found.range?.[0];
  return { ok: false, line: start === undefined ? undefined : lineCounter.linePos(start).line, reason: 'YAML mapping key is a map, a list or an alias; keys must be plain text' };
}

/** Parses YAML 1.2 (core schema: no implicit dates) keeping positions for error messages. */
export function parseYamlWithLines(text: string): { ok: true; parsed: ParsedYaml } | { ok: false; line: number | undefined; reason: string } {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    const line = lineCounter.linePos(first.pos[0]).line;
    return { ok: false, line, reason: `YAML syntax: ${first.message.split('\n')[0] ?? 'unreadable'}` };
  }
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    let node: unknown = doc.contents;
    let best: number | undefined = (doc.contents as Node | null)?.range?.[0];
    for (const key of path) {
      if (isMap(node)) node = node.get(key, true);
      else if (isSeq(node) && typeof key === 'number') node = node.get(key, true);
      else break;
      const range = (node as Node | undefined)?.range;
      if (range === undefined || range === null) break;
      best = range[0];
    }
    return best === undefined ? undefined : lineCounter.linePos(best).line;
  };
  let value: unknown;
  try {
    const keyProblem = collectionKey(doc, lineCounter);
    if (keyProblem !== undefined) return keyProblem;
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // The yaml library refuses alias bombs ("billion laughs") with a ReferenceError, and very deep
    // nesting can overflow the stack: both are bad input, reported like a syntax error.
    if (!(error instanceof Error)) throw error;
    const reason = error instanceof ReferenceError ? 'YAML aliases expand too much (over 100 alias uses: a "billion laughs" document?)' : error instanceof RangeError ? 'YAML nested too deeply to read' : `YAML unreadable: ${error.message}`;
    return { ok: false, line: undefined, reason };
  }
  return { ok: true, parsed: { value, lineOf } };
}

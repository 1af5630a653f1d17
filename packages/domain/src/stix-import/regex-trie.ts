/**
 * A regex alternation of literal strings written as a trie ("Chin(?:a|ese)"), so a pattern with
 * hundreds of country names costs one character test per position instead of one per name.
 * Longer strings win over their prefixes ("North Korea" before "North"), as in a sorted alternation.
 */
export function literalAlternation(words: Iterable<string>): string {
  interface Node {
    end: boolean;
    children: Map<string, Node>;
  }
  const root: Node = { end: false, children: new Map() };
  for (const word of words) {
    if (word === '') continue;
    let node = root;
    for (const char of word) {
      let next = node.children.get(char);
      if (next === undefined) {
        next = { end: false, children: new Map() };
        node.children.set(char, next);
      }
      node = next;
    }
    node.end = true;
  }
  const escape = (char: string): string => char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
  const emit = (node: Node): string => {
    const branches = [...node.children.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([char, child]) => escape(char) + emit(child));
    if (branches.length === 0) return '';
    const body = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
    // An optional tail keeps the greedy "longest first" order: try the longer name, then stop here.
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

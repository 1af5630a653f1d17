import { flattenPython, parsePythonList, type PythonValue } from './python-list.js';

/** Splits a multi-value cell on a separator, trimming and dropping empty parts. */
export function splitValues(text: string, separator: string): string[] {
  if (separator === '') return text.trim() === '' ? [] : [text.trim()];
  return text.split(separator).map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * EuRepoC multi-values: a Python list literal (release 1.1 writes `['a', 'b']`) or a
 * semicolon-joined string (release 1.3, and some 1.1 columns). Both are read, whatever the release.
 */
export function eurepocValues(text: string): string[] {
  const list = parsePythonList(text);
  if (list !== undefined) return flattenPython(list).map((v) => v.trim()).filter((v) => v !== '');
  return splitValues(text, ';');
}

/**
 * As `eurepocValues`, but keeping empty positions, for columns read in parallel (a receiver's
 * category and subcategory, an initiator's country and category): "a;;c" has three positions.
 */
export function eurepocPositional(text: string): string[] {
  if (text.trim() === '') return [];
  const list = parsePythonList(text);
  if (list !== undefined) return flattenPython(list).map((v) => v.trim());
  return text.split(';').map((part) => part.trim());
}

/**
 * A per-receiver nested list (`[['a', 'b'], ['c']]`, one inner list per receiver country), or
 * undefined when the cell is not nested (then the values cannot be aligned to receivers).
 */
export function eurepocNested(text: string): string[][] | undefined {
  const list = parsePythonList(text);
  if (list === undefined || list.length === 0 || !list.every((item) => Array.isArray(item))) return undefined;
  // Empty strings are kept: they hold the place of a missing subcategory beside its category.
  // Array.isArray does not narrow a readonly array type; every item was checked above.
  return list.map((item) => flattenPython(item as readonly PythonValue[]).map((v) => v.trim()));
}

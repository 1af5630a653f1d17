/** "1 object", "2 objects". */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "relationship 40, location 5, …": the most frequent types first, at most eight named. */
function typeSummary(counts: ReadonlyMap<string, number>): string {
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return top.slice(0, 8).map(([type, n]) => `${type} ${n}`).join(', ') + (top.length > 8 ? ', …' : '');
}

/** The warning every STIX import gives for units that map to no record (empty when there are none). */
export function rawOnlyWarning(counts: ReadonlyMap<string, number>): string[] {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return total === 0 ? [] : [`${plural(total, 'object')} kept raw only, with no record in the model (${typeSummary(counts)})`];
}

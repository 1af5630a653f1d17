/**
 * Counts, per field, values a file used that have no model term or state (unknown country
 * names, unmapped types), so the import's warnings list each distinct one once with its count.
 */
export class ValueTally {
  private readonly counts = new Map<string, Map<string, number>>();

  add(field: string, values: readonly string[]): void {
    const byValue = this.counts.get(field) ?? new Map<string, number>();
    for (const value of values) byValue.set(value, (byValue.get(value) ?? 0) + 1);
    if (values.length > 0) this.counts.set(field, byValue);
  }

  warnings(what: string): string[] {
    return [...this.counts.entries()].map(([field, byValue]) => {
      const listed = [...byValue.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([value, count]) => `'${value.length > 60 ? `${value.slice(0, 59)}…` : value}' (${count})`);
      const more = byValue.size > 20 ? ` and ${byValue.size - 20} more` : '';
      return `${field}: ${what}: ${listed.join(', ')}${more}`;
    });
  }
}

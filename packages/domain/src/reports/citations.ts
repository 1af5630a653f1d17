import type { Source } from '../model/common-schemas.js';
import type { ReportCitation } from './report-model.js';

/**
 * Numbers sources in the order a report first cites them; a source cited again gets its first
 * number. Two records citing the same publication (same publisher, title, date and URL) share one
 * entry, whatever notes or quotes each record keeps beside it.
 */
export class CitationRegistry {
  private readonly byKey = new Map<string, ReportCitation>();

  cite(source: Source): number {
    const key = JSON.stringify([source.publisher, source.title, source.date ?? null, source.url ?? null]);
    const known = this.byKey.get(key);
    if (known !== undefined) return known.number;
    const citation: ReportCitation = { number: this.byKey.size + 1, publisher: source.publisher, title: source.title, date: source.date ?? null, url: source.url ?? null };
    this.byKey.set(key, citation);
    return citation.number;
  }

  /** Each source once, in order, without repeats within the list. */
  citeAll(sources: readonly Source[]): number[] {
    return [...new Set(sources.map((s) => this.cite(s)))];
  }

  list(): ReportCitation[] {
    return [...this.byKey.values()];
  }
}

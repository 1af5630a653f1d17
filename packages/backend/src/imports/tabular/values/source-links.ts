import { sourceSchema, type Source } from '@pactwatch/domain';
import { TABULAR_LIMITS } from '../tabular-limits.js';
import { clip } from './text-clip.js';

/** Every http(s) URL in a cell: plain, semicolon- or space-joined, or inside a Python list. */
export function extractUrls(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s'",;<>\]\\]+/gi) ?? [];
  // Trailing punctuation is sentence text, not part of the address.
  return [...new Set(found.map((url) => url.replace(/[.)]+$/, '')))];
}

export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** A source for a cited URL, or undefined when the URL would not pass the model's schema. */
export function urlSource(url: string, title: string): Source | undefined {
  const host = hostOf(url);
  if (host === undefined || !host.includes('.')) return undefined;
  const source = { publisher: host, title: clip(title, 500), url };
  return sourceSchema.safeParse(source).success ? source : undefined;
}

/** Sources for the URLs of some cells, deduplicated and capped; unusable URLs are counted in a note. */
export function urlSources(cells: readonly string[], title: string): { sources: Source[]; notes: string[] } {
  const urls = [...new Set(cells.flatMap(extractUrls))];
  const sources: Source[] = [];
  let unusable = 0;
  for (const url of urls) {
    const source = urlSource(url, title);
    if (source === undefined) unusable += 1;
    else if (sources.length < TABULAR_LIMITS.maxSourcesPerRecord) sources.push(source);
  }
  const notes: string[] = [];
  if (unusable > 0) notes.push(`${unusable} source URL(s) could not be read and were left out`);
  if (urls.length - unusable > sources.length) notes.push(`${urls.length - unusable - sources.length} further source URL(s) left out (at most ${TABULAR_LIMITS.maxSourcesPerRecord} per record)`);
  return { sources, notes };
}

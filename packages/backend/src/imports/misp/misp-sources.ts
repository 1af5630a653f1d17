import { sourceSchema, type Source } from '@pactwatch/domain';

const MAX_TITLE = 500;

export interface SourceReading {
  readonly sources: Source[];
  readonly notes: readonly string[];
}

function publisherOf(url: URL): string {
  return url.hostname.replace(/^www\d?\./, '');
}

/**
 * `meta.refs` → sources: the publisher is the URL's host (without "www."), the title the URL itself
 * (galaxies give no titles). A ref that is not a web address is kept as a title without a URL.
 */
export function readSources(refs: readonly string[]): SourceReading {
  const sources: Source[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const original of refs) {
    const ref = original.trim();
    if (ref === '') {
      notes.push('ref \'\' unmapped: empty');
      continue;
    }
    if (seen.has(ref)) continue;
    seen.add(ref);
    if (ref !== original) notes.push(`ref '${original}' trimmed of spaces`);
    const title = ref.length > MAX_TITLE ? `${ref.slice(0, MAX_TITLE - 1)}…` : ref;
    let url: URL | undefined;
    try {
      url = new URL(ref);
    } catch {
      url = undefined;
    }
    const candidate: Source | undefined = url === undefined || !['http:', 'https:'].includes(url.protocol) ? undefined : { publisher: publisherOf(url), title, url: ref };
    // Checked against the model's own schema, so a ref the store would refuse degrades here instead of quarantining the actor.
    if (candidate !== undefined && sourceSchema.safeParse(candidate).success) {
      sources.push(candidate);
      continue;
    }
    notes.push(`ref '${ref}' unmapped as a URL: kept as a source title without a url`);
    sources.push({ publisher: 'unknown (MISP galaxy ref)', title });
  }
  return { sources, notes };
}

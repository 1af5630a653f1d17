import { sha1, utf8Bytes } from '../stix-export/sha1.js';

const hex = (bytes: Uint8Array): string => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The candidate key: a SHA-1 (used as a stable digest, not for security) of the article id,
 * sponsor, sorted victims and sorted actor ids. Same article and same reading → same key, so a
 * feed item read twice does not queue twice.
 */
export function candidateKey(articleId: string, sponsor: string | undefined, victims: readonly string[], actorIds: readonly string[]): string {
  const parts = [articleId, sponsor ?? '', [...victims].sort().join(','), [...actorIds].sort().join(',')];
  return `xc-${hex(sha1(utf8Bytes(parts.join('\u0000')))).slice(0, 24)}`;
}

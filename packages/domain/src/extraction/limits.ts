/**
 * Bounds on what one article may cost. Feed items are short (a news item is 300–1,500 words);
 * a longer text is cut, never rejected, and the candidate says so in its notes. Every rule regex
 * is bounded (no nested quantifiers, gaps written as `[^.;]{0,N}`), so the work per article is
 * linear in these caps. See docs/EXTRACTION.md, "Limits".
 */

/** Characters of title + text read; the rest is ignored (a note on each candidate says so). */
export const MAX_ARTICLE_CHARS = 20_000;
/** A sentence longer than this is read in chunks of this size (rules never span two chunks). */
export const MAX_SENTENCE_CHARS = 1_000;
/** Characters of a supporting sentence quoted in a candidate. */
export const MAX_QUOTED_SENTENCE_CHARS = 500;
/** Aliases shorter than this are not searched for: "Zn", "AP" would match too much. */
export const MIN_ACTOR_ALIAS_CHARS = 3;

import type { IncidentCandidate } from '@pactwatch/domain';
import type { FeedSource, SourceItem } from './feed-types.js';

const MAX_NOTES = 8_000;

/**
 * The reviewer's notes on a feed draft: where it came from, why the extractor proposed it and
 * the sentences that support each part, so it can be judged without opening the article.
 */
export function draftNotes(feed: Pick<FeedSource, 'id' | 'name'>, item: SourceItem, candidate: IncidentCandidate): string {
  const lines = [
    `Proposed by the feed watcher from "${feed.name}" (feed:${feed.id}).`,
    `Article: ${item.title}`,
    ...(item.link === undefined ? [`Item: ${item.key}`] : [`URL: ${item.link}`]),
    ...(item.published === undefined ? [] : [`Published: ${item.published}`]),
    `Extractor confidence: ${candidate.confidence}/100${candidate.confidenceReasons === undefined || candidate.confidenceReasons.length === 0 ? '' : ` (${candidate.confidenceReasons.join(', ')})`}`,
    'Supporting sentences:',
    ...candidate.sentences.map((s) => `  [${s.index}] ${s.text}${s.supports.length === 0 ? '' : ` (supports: ${s.supports.join(', ')})`}`),
    ...(candidate.notes === undefined || candidate.notes.length === 0 ? [] : ['Notes:', ...candidate.notes.map((n) => `  - ${n}`)]),
  ];
  const text = lines.join('\n');
  return text.length <= MAX_NOTES ? text : `${text.slice(0, MAX_NOTES - 20)}\n… (notes shortened)`;
}

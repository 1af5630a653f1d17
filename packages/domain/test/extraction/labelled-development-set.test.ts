import { extractCandidates, scoreExtraction } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { fixtureContext, labelledSet, labelsOf } from './labelled-set.js';

/**
 * Regression floor on the labelled DEVELOPMENT set (the held-out set is measured by
 * scripts/bench-extract.js only, so no test tempts anyone to tune on it). Measured on 2026-12-05:
 * candidates P 1.00 / R 1.00; victims 1.00 / 1.00; actors 1.00 / 1.00; activity types
 * 1.00 / 0.95; target categories 0.86 / 1.00 (docs/EXTRACTION.md). Floors are those minus a margin
 * of about one article's worth, so a rule change that loses a whole candidate fails here.
 */
const FLOORS = {
  candidates: { precision: 0.9, recall: 0.9 },
  victims: { precision: 0.9, recall: 0.9 },
  actorIds: { precision: 0.9, recall: 0.9 },
  activityTypes: { precision: 0.85, recall: 0.85 },
  targetCategories: { precision: 0.75, recall: 0.9 },
} as const;

describe('labelled development set', () => {
  const articles = labelledSet('development');
  const context = fixtureContext();
  const predicted = articles.flatMap(({ article }) => extractCandidates(article, context));
  const score = scoreExtraction(predicted, labelsOf(articles));

  it('has the shape the docs describe: 30 articles, negatives and multi-incident ones', () => {
    expect(articles).toHaveLength(30);
    expect(articles.filter((a) => a.expected.length === 0).length).toBeGreaterThanOrEqual(9);
    expect(articles.filter((a) => a.expected.length > 1).length).toBeGreaterThanOrEqual(2);
    expect(new Set(articles.map((a) => a.article.id)).size).toBe(articles.length);
  });

  it('stays above the precision and recall floors', () => {
    expect(score.precision).toBeGreaterThanOrEqual(FLOORS.candidates.precision);
    expect(score.recall).toBeGreaterThanOrEqual(FLOORS.candidates.recall);
    for (const facet of ['victims', 'actorIds', 'activityTypes', 'targetCategories'] as const) {
      expect(score.facets[facet].precision, facet).toBeGreaterThanOrEqual(FLOORS[facet].precision);
      expect(score.facets[facet].recall, facet).toBeGreaterThanOrEqual(FLOORS[facet].recall);
    }
  });

  it('gives no candidate for any hard negative', () => {
    const negatives = articles.filter((a) => a.expected.length === 0).map((a) => a.article.id);
    expect(predicted.filter((c) => negatives.includes(c.articleId)).map((c) => c.articleId)).toEqual([]);
  });

  it('is deterministic: the same input gives the same candidates and keys', () => {
    const again = articles.flatMap(({ article }) => extractCandidates(article, fixtureContext()));
    expect(again.map((c) => c.key)).toEqual(predicted.map((c) => c.key));
    expect(JSON.stringify(again)).toBe(JSON.stringify(predicted));
    expect(new Set(predicted.map((c) => c.key)).size).toBe(predicted.length);
  });

  it('keys depend on the article id, sponsor, victims and actors only', () => {
    const first = articles[0];
    if (first === undefined) throw new Error('no articles');
    const [a] = extractCandidates(first.article, context);
    const [b] = extractCandidates({ ...first.article, title: `${first.article.title} (updated)` }, context);
    const [c] = extractCandidates({ ...first.article, id: `${first.article.id}-copy` }, context);
    expect(b?.key).toBe(a?.key);
    expect(c?.key).not.toBe(a?.key);
    expect(a?.record.id).toMatch(/^extracted-cn-gb-[0-9a-f]{16}$/);
  });
});

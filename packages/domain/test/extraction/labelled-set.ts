import { readFileSync } from 'node:fs';
import type { ActorAlias, ArticleInput, ExtractionContext, ExtractionLabel } from '@pactwatch/domain';

/** The labelled fixture articles (docs/EXTRACTION.md, "The labelled set"). */
export interface LabelledArticle {
  readonly article: ArticleInput;
  readonly expected: ReadonlyArray<Omit<ExtractionLabel, 'articleId'>>;
}

const dir = new URL('../fixtures/extraction/', import.meta.url);

// Fixture files are written by us next to the tests; their shape is checked by the tests that use them.
const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(name, dir), 'utf8')) as T;

export function fixtureContext(): ExtractionContext {
  return { actors: read<{ actors: ActorAlias[] }>('actors.json').actors };
}

export function labelledSet(set: 'development' | 'held-out'): readonly LabelledArticle[] {
  return read<{ articles: LabelledArticle[] }>(`${set}.json`).articles;
}

export function labelsOf(articles: readonly LabelledArticle[]): ExtractionLabel[] {
  return articles.flatMap(({ article, expected }) => expected.map((e) => ({ ...e, articleId: article.id })));
}

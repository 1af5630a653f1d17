import { extractCandidates, incidentSchema, MAX_ARTICLE_CHARS, type ArticleInput } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';
import { fixtureContext, labelledSet } from './labelled-set.js';

const text = 'Chinese state-sponsored hackers stole trade secrets from US companies in March 2017, researchers said.';

describe('candidate records', () => {
  it('every candidate of the labelled development set is a complete incident', () => {
    const context = fixtureContext();
    const candidates = labelledSet('development').flatMap(({ article }) => extractCandidates(article, context));
    expect(candidates.length).toBeGreaterThan(20);
    for (const c of candidates) {
      const parsed = incidentSchema.safeParse(c.record);
      expect(parsed.success, `${c.key}: ${parsed.success ? '' : parsed.error.message}`).toBe(true);
      expect(c.record.attributions[0]?.sponsor).toBe(c.sponsor);
      expect(c.record.attributions[0]?.sources[0]?.title).toBe(labelledSet('development').find((a) => a.article.id === c.articleId)?.article.title);
      expect([...new Set(c.record.victims.map((v) => v.state))]).toEqual(c.victims);
      expect(Number.isInteger(c.confidence) && c.confidence >= 0 && c.confidence <= 100).toBe(true);
      expect(c.record.attributions[0]?.confidence).toBe(c.confidence);
    }
  });

  it('builds a valid record from a bare article: no date, no source name, a bad link', () => {
    const article: ArticleInput = { id: 'bare', title: '', text, url: 'not a url' };
    const [c] = extractCandidates(article, { actors: [] });
    expect(c).toBeDefined();
    const parsed = incidentSchema.safeParse(c?.record);
    expect(parsed.success).toBe(true);
    expect(c?.record.sources[0]?.publisher).toBe('unknown publisher');
    expect(c?.record.sources[0]?.note).toContain('not a url');
    expect(c?.period?.edtf).toBe('2017-03');
  });

  it('uses the link host as publisher and keeps a valid link', () => {
    const [c] = extractCandidates({ id: 'x', title: 'Hack', text, url: 'https://news.example.org/a/1', publishedAt: '2017-04-01T00:00:00Z' }, { actors: [] });
    expect(c?.record.sources[0]).toMatchObject({ publisher: 'news.example.org', url: 'https://news.example.org/a/1', date: '2017-04-01' });
    expect(c?.record.disclosed).toBe('2017-04-01');
    expect(c?.record.activities).toEqual([{ type: 'commercial-espionage', certainty: 'possible' }]);
  });

  it('gives an open period when neither a date nor a publication date is known', () => {
    const [c] = extractCandidates({ id: 'y', title: '', text: 'Chinese state-sponsored hackers breached US companies.' }, { actors: [] });
    expect(c?.period).toBeUndefined();
    expect(c?.record.period).toEqual({ start: '../..' });
    expect(incidentSchema.safeParse(c?.record).success).toBe(true);
  });

  it('reads only the first MAX_ARTICLE_CHARS characters of a long article, and says so', () => {
    const filler = 'The weather was mild and markets were calm. '.repeat(Math.ceil(MAX_ARTICLE_CHARS / 40));
    const [early] = extractCandidates({ id: 'long', title: '', text: `${text} ${filler}` }, { actors: [] });
    expect(early?.notes?.some((n) => n.includes('only its beginning'))).toBe(true);
    expect(extractCandidates({ id: 'late', title: '', text: `${filler} ${text}` }, { actors: [] })).toEqual([]);
  });

  it('survives pathological input without a candidate', () => {
    const inputs = ['a'.repeat(200_000), `${'Chinese '.repeat(5_000)}hackers`, `attributed ${'to the '.repeat(3_000)}`, '⟦C0⟧ '.repeat(2_000), ''];
    for (const input of inputs) expect(Array.isArray(extractCandidates({ id: 'p', title: input.slice(0, 100), text: input }, { actors: [] }))).toBe(true);
  });
});

import { precisionRecall, scoreExtraction, type ExtractionLabel } from '@pactwatch/domain';
import { describe, expect, it } from 'vitest';

const label = (articleId: string, sponsor: string | undefined, victims: string[], extra: Partial<ExtractionLabel> = {}): ExtractionLabel => ({
  articleId, sponsor, victims, actorIds: [], activityTypes: [], targetCategories: [], ...extra,
});

describe('scoreExtraction', () => {
  it('scores a perfect reading as 1 everywhere', () => {
    const items = [label('a', 'CN', ['US'], { actorIds: ['apt10'], activityTypes: ['commercial-espionage'] })];
    const s = scoreExtraction(items, items);
    expect([s.precision, s.recall, s.f1]).toEqual([1, 1, 1]);
    expect(s.facets.actorIds).toMatchObject({ precision: 1, recall: 1, truePositives: 1 });
  });

  it('matches on sponsor and at least one shared victim, within the same article', () => {
    const labelled = [label('a', 'CN', ['US', 'GB']), label('b', 'RU', ['UA'])];
    const predicted = [label('a', 'CN', ['GB']), label('a', 'RU', ['UA']), label('b', 'RU', ['PL'])];
    const s = scoreExtraction(predicted, labelled);
    expect(s.matches).toEqual([{ predicted: 0, labelled: 0 }]);
    expect([s.truePositives, s.falsePositives, s.falseNegatives]).toEqual([1, 2, 1]);
    expect(s.precision).toBeCloseTo(1 / 3, 10);
    expect(s.recall).toBe(0.5);
    expect(s.f1).toBeCloseTo(0.4, 10);
    // Facets are scored over the matched pair only: GB found, US missed.
    expect(s.facets.victims).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 1, precision: 1, recall: 0.5 });
  });

  it('matches each labelled candidate once, to the prediction sharing most victims', () => {
    const labelled = [label('a', 'CN', ['US', 'JP'])];
    const predicted = [label('a', 'CN', ['US']), label('a', 'CN', ['US', 'JP'])];
    const s = scoreExtraction(predicted, labelled);
    expect(s.matches).toEqual([{ predicted: 1, labelled: 0 }]);
    expect([s.truePositives, s.falsePositives, s.falseNegatives]).toEqual([1, 1, 0]);
  });

  it('never matches a prediction without a sponsor', () => {
    const s = scoreExtraction([label('a', undefined, ['US'])], [label('a', undefined, ['US'])]);
    expect(s.truePositives).toBe(0);
  });

  it('scores facets micro-averaged over items', () => {
    const labelled = [label('a', 'CN', ['US'], { activityTypes: ['commercial-espionage', 'personal-data-theft'], targetCategories: ['private-sector'] }), label('b', 'IR', ['SA'], { activityTypes: ['sabotage'] })];
    const predicted = [label('a', 'CN', ['US'], { activityTypes: ['commercial-espionage'], targetCategories: ['government'] }), label('b', 'IR', ['SA'], { activityTypes: ['sabotage', 'disruption'] })];
    const s = scoreExtraction(predicted, labelled);
    expect(s.facets.activityTypes).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 1 });
    expect(s.facets.targetCategories).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1, precision: 0, recall: 0, f1: 0 });
  });

  it('treats 0/0 as 1 (nothing claimed, nothing missed) for hard negatives', () => {
    expect(precisionRecall(0, 0, 0)).toEqual({ truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1, f1: 1 });
    expect(scoreExtraction([], [label('a', 'CN', ['US'])])).toMatchObject({ precision: 1, recall: 0, f1: 0 });
  });
});

/**
 * Precision and recall of extracted candidates against labelled ones (docs/EXTRACTION.md,
 * "Measuring"). A predicted candidate matches a labelled one of the same article when the sponsor
 * is the same and at least one victim is shared; each labelled candidate is matched at most once,
 * to the prediction sharing most victims (ties: the first). Facets (victims, actors, activity
 * types, target categories) are scored over matched pairs only, micro-averaged over their items.
 */
export interface ExtractionLabel {
  readonly articleId: string;
  readonly sponsor: string | undefined;
  readonly victims: readonly string[];
  readonly actorIds: readonly string[];
  readonly activityTypes: readonly string[];
  readonly targetCategories: readonly string[];
}

export interface PrecisionRecall {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** 0/0 counts as 1: nothing claimed, nothing wrong. */
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export type ScoredFacet = 'victims' | 'actorIds' | 'activityTypes' | 'targetCategories';

export interface ExtractionScore extends PrecisionRecall {
  readonly facets: Readonly<Record<ScoredFacet, PrecisionRecall>>;
  /** Matched pairs as indexes into the two lists. */
  readonly matches: ReadonlyArray<{ readonly predicted: number; readonly labelled: number }>;
}

export function precisionRecall(tp: number, fp: number, fn: number): PrecisionRecall {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

const shared = (a: readonly string[], b: readonly string[]): number => a.filter((x) => b.includes(x)).length;

export function scoreExtraction(predicted: readonly ExtractionLabel[], labelled: readonly ExtractionLabel[]): ExtractionScore {
  const used = new Set<number>();
  const matches: Array<{ predicted: number; labelled: number }> = [];
  labelled.forEach((label, li) => {
    let best = -1;
    let bestShared = 0;
    predicted.forEach((p, pi) => {
      if (used.has(pi) || p.articleId !== label.articleId || p.sponsor === undefined || p.sponsor !== label.sponsor) return;
      const n = shared(p.victims, label.victims);
      if (n > bestShared) {
        best = pi;
        bestShared = n;
      }
    });
    if (best >= 0) {
      used.add(best);
      matches.push({ predicted: best, labelled: li });
    }
  });
  const facetNames: readonly ScoredFacet[] = ['victims', 'actorIds', 'activityTypes', 'targetCategories'];
  const facets = Object.fromEntries(
    facetNames.map((facet) => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const m of matches) {
        const p = predicted[m.predicted]?.[facet] ?? [];
        const l = labelled[m.labelled]?.[facet] ?? [];
        const n = shared(uniq(p), uniq(l));
        tp += n;
        fp += uniq(p).length - n;
        fn += uniq(l).length - n;
      }
      return [facet, precisionRecall(tp, fp, fn)];
    }),
  ) as Record<ScoredFacet, PrecisionRecall>;
  const tp = matches.length;
  return { ...precisionRecall(tp, predicted.length - tp, labelled.length - tp), facets, matches };
}

const uniq = (items: readonly string[]): string[] => [...new Set(items)];

import { stateName } from '../countries/country-registry.js';
import { slugSchema, sourceSchema, type Source } from '../model/common-schemas.js';
import type { Attribution, Incident, Victim } from '../model/incident.js';
import type { ActivityType, ActorRelation, AttributionBasis, TargetCategory } from '../model/taxonomy.js';
import type { ActorAlias, ArticleInput, CandidatePeriod } from './types.js';

export interface RecordInput {
  readonly key: string;
  readonly article: ArticleInput;
  readonly publishedDay: string | undefined;
  readonly sponsor: string;
  readonly victims: readonly string[];
  readonly actors: readonly ActorAlias[];
  readonly activities: readonly ActivityType[];
  readonly targets: readonly TargetCategory[];
  readonly period: CandidatePeriod | undefined;
  readonly periodFromPublication: boolean;
  readonly confidence: number;
  readonly basis: AttributionBasis;
  readonly relation: ActorRelation;
}

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const names = (codes: readonly string[]): string => codes.map(stateName).join(', ');

function articleSource(article: ArticleInput, publishedDay: string | undefined): Source {
  const publisher = clip(article.sourceName?.trim() || hostOf(article.url) || 'unknown publisher', 300);
  const base = { publisher, title: clip(article.title.trim() || `article ${article.id}`, 500), ...(publishedDay === undefined ? {} : { date: publishedDay }) };
  // A feed may carry a relative or malformed link; the source keeps it only when it is a URL.
  const withUrl = article.url === undefined ? base : { ...base, url: article.url };
  const parsed = sourceSchema.safeParse(withUrl);
  return parsed.success ? parsed.data : { ...base, note: clip(`Link as given by the feed (not a valid URL): ${article.url ?? ''}`, 2000) };
}

function hostOf(url: string | undefined): string | undefined {
  const match = url === undefined ? null : /^[a-z][a-z0-9+.-]{0,20}:\/\/([^/?#:]{1,253})/i.exec(url);
  return match?.[1];
}

/** "2014/2017" → { start: "2014", end: "2017" }; no period → open on both ends. */
function recordPeriod(period: CandidatePeriod | undefined): Incident['period'] {
  if (period === undefined) return { start: '../..' };
  const slash = period.edtf.indexOf('/');
  return slash < 0 ? { start: period.edtf } : { start: period.edtf.slice(0, slash), end: period.edtf.slice(slash + 1) };
}

/**
 * A complete incident for the review queue: the summary is written from the extracted facets, in
 * our words (never the article's); activities are `possible` because no person has read them yet.
 */
export function candidateRecord(input: RecordInput): Incident {
  const { article, sponsor, victims, actors } = input;
  const source = articleSource(article, input.publishedDay);
  const firstActor = actors[0];
  const actorSlug = firstActor === undefined ? undefined : slugSchema.safeParse(firstActor.actorId);
  const attribution: Attribution = {
    sponsor,
    ...(actorSlug?.success === true ? { actor: actorSlug.data } : {}),
    ...(firstActor === undefined ? {} : { actorName: clip(firstActor.name, 300) }),
    relation: input.relation,
    confidence: input.confidence,
    basis: input.basis,
    attributedBy: clip(`${source.publisher} (read by pactwatch extraction; not yet reviewed)`, 300),
    sources: [source],
  };
  const victimRecords: Victim[] = victims.flatMap((state) => (input.targets.length === 0 ? [{ state }] : input.targets.map((category) => ({ state, category }))));
  const actorText = actors.length === 0 ? '' : ` The article names ${actors.map((a) => a.name).join(', ')}.`;
  const activityText = input.activities.length === 0 ? ' No activity type was recognised.' : ` Activity read: ${input.activities.join(', ')}.`;
  const targetText = input.targets.length === 0 ? '' : ` Targets read: ${input.targets.join(', ')}.`;
  const periodText = input.period === undefined ? ' No date was found.' : input.periodFromPublication ? ` No date is mentioned; the publication year ${input.period.edtf} stands in.` : ` Period read: ${input.period.edtf}.`;
  const summary = clip(
    `Candidate read automatically from "${clip(article.title.trim() || article.id, 200)}" (${source.publisher}${input.publishedDay === undefined ? '' : `, ${input.publishedDay}`}): activity against ${names(victims)} attributed to ${stateName(sponsor)}.${actorText}${activityText}${targetText}${periodText} Check the supporting sentences before accepting.`,
    4000,
  );
  const disputes: Incident['disputes'] = input.periodFromPublication
    ? [{ field: 'period', note: 'The article mentions no date; the period is the publication year, not a date the article gives.', status: 'unconfirmed' }]
    : [];
  return {
    id: `extracted-${sponsor.toLowerCase()}-${(victims[0] ?? 'xx').toLowerCase()}-${input.key.slice(3, 19)}`,
    title: clip(`${stateName(sponsor)} → ${names(victims)}: ${article.title.trim() || article.id}`, 300),
    summary,
    period: recordPeriod(input.period),
    ...(input.publishedDay === undefined ? {} : { disclosed: input.publishedDay }),
    activities: input.activities.map((type) => ({ type, certainty: 'possible' as const })),
    means: ['cyber'],
    attributions: [attribution],
    victims: victimRecords,
    sources: [source],
    provenance: { origin: 'added', note: clip(`Extracted automatically from feed article ${article.id} (candidate ${input.key}); unreviewed.`, 2000) },
    disputes,
  };
}

/**
 * How a candidate's confidence (0–100, whole number) is scored: the points of every rule that
 * applies are added and the sum is clamped to 0–100. The rule ids are kept on the candidate
 * (`confidenceReasons`), so a reviewer sees why. See docs/EXTRACTION.md, "Confidence".
 */
export interface ConfidenceRule {
  readonly id: string;
  readonly points: number;
  readonly description: string;
}

export const CONFIDENCE_RULES = {
  base: { id: 'base', points: 20, description: 'A sponsor and a victim were both found in an article that describes an attack.' },
  sponsorExplicit: { id: 'sponsor-explicit', points: 25, description: 'The text links the state to the activity ("state-sponsored", "attributed to", "blamed", a state organ).' },
  sponsorNationality: { id: 'sponsor-nationality', points: 15, description: 'The text gives only the hackers\' nationality ("Chinese hackers").' },
  sponsorCatalogue: { id: 'sponsor-catalogue', points: 15, description: 'The sponsor comes only from a named actor\'s catalogued sponsor.' },
  actorKnown: { id: 'actor-known', points: 10, description: 'A catalogued actor is named.' },
  actorAgrees: { id: 'actor-agrees', points: 5, description: 'A named actor\'s catalogued sponsor is the state the text names.' },
  actorDisagrees: { id: 'actor-disagrees', points: -10, description: 'A named actor is catalogued under another sponsor than the one the text names.' },
  victimExplicit: { id: 'victim-explicit', points: 15, description: 'A victim is named by an attack phrase ("against US banks", "the Australian parliament").' },
  victimLocation: { id: 'victim-location', points: 8, description: 'Victims are only places in a sentence about an attack ("in Germany").' },
  victimAccuser: { id: 'victim-accuser', points: 0, description: 'No victim was named: the state that reports or accuses is taken as the victim.' },
  activityFound: { id: 'activity-found', points: 10, description: 'At least one activity type was read.' },
  targetFound: { id: 'target-found', points: 5, description: 'At least one target category was read.' },
  dateMentioned: { id: 'date-mentioned', points: 10, description: 'The supporting sentences give a date.' },
  dateFallback: { id: 'date-fallback', points: 0, description: 'No date is mentioned: the publication year is used.' },
  hedged: { id: 'hedged', points: -10, description: 'Every sentence naming the sponsor hedges ("suspected", "reportedly", "privately").' },
  sharedArticle: { id: 'shared-article', points: -5, description: 'The article accuses more than one state, so sentences may be given to the wrong one.' },
} as const satisfies Readonly<Record<string, ConfidenceRule>>;

export type ConfidenceRuleKey = keyof typeof CONFIDENCE_RULES;

export function scoreConfidence(applied: readonly ConfidenceRuleKey[]): { readonly confidence: number; readonly reasons: readonly string[] } {
  const total = applied.reduce((sum, key) => sum + CONFIDENCE_RULES[key].points, 0);
  return { confidence: Math.max(0, Math.min(100, Math.round(total))), reasons: applied.map((key) => CONFIDENCE_RULES[key].id) };
}

import { actorIndex, findActorMentions, type ActorIndex } from './actor-index.js';
import { findStateMentions } from './gazetteer.js';
import { ATTACK_CUE_PATTERN, HEDGE_PATTERN } from './keyword-rules.js';
import { LIST_JOINER_PATTERN, ROLE_RULES, SPONSOR_NEGATION_PATTERN, type RoleName, type RoleStrength } from './role-rules.js';
import type { ArticleSentence } from './text.js';
import type { ActorAlias, ExtractionContext } from './types.js';

/** One reason a state has a role in a sentence. */
export interface RoleEvidence {
  readonly state: string;
  readonly role: RoleName;
  readonly ruleId: string;
  readonly strength: RoleStrength | 'catalogue' | 'list';
}

export interface SentenceAnalysis {
  readonly index: number;
  readonly text: string;
  readonly attackCue: boolean;
  readonly hedged: boolean;
  readonly evidence: readonly RoleEvidence[];
  readonly actors: readonly ActorAlias[];
  /** Character spans (in `text`) of sponsor phrases, blanked before target words are read. */
  readonly sponsorSpans: ReadonlyArray<readonly [number, number]>;
  /** Character spans of victim phrases: target words inside them count even before an attack cue. */
  readonly victimSpans: ReadonlyArray<readonly [number, number]>;
  /** Position of the first attack cue, or -1. */
  readonly firstCue: number;
}

const OPEN = '\u27e6';
const CLOSE = '\u27e7';
const SLOTS: Readonly<Record<string, string>> = {
  '{state}': `${OPEN}[CDMO](?<s>\\d{1,3})${CLOSE}`,
  '{organ}': `${OPEN}O(?<s>\\d{1,3})${CLOSE}`,
  '{actor}': `${OPEN}A(?<a>\\d{1,3})${CLOSE}`,
  '{gap}': `[^.;${OPEN}${CLOSE}]{0,60}?`,
  '{short}': `[^.;${OPEN}${CLOSE}]{0,30}?`,
};
const KIND_LETTER = { country: 'C', demonym: 'D', metonym: 'M', organ: 'O' } as const;

const compiledRules = ROLE_RULES.map((rule) => ({
  rule,
  regex: new RegExp(rule.pattern.replace(/\{(?:state|organ|actor|gap|short)\}/g, (slot) => SLOTS[slot] ?? slot).replace(/⟦/g, OPEN).replace(/⟧/g, CLOSE), rule.caseSensitive === true ? 'g' : 'gi'),
}));
const ATTACK_CUE = new RegExp(ATTACK_CUE_PATTERN, 'i');
const HEDGE = new RegExp(HEDGE_PATTERN, 'i');
const NEGATION = new RegExp(SPONSOR_NEGATION_PATTERN, 'i');
const LIST_JOINER = new RegExp(LIST_JOINER_PATTERN, 'i');

interface Mention {
  readonly letter: 'C' | 'D' | 'M' | 'O' | 'A';
  readonly start: number;
  readonly end: number;
  readonly state?: string;
  readonly actor?: ActorAlias;
}

interface Masked {
  readonly text: string;
  /** Original index of each masked character (a token maps to its mention's start). */
  readonly origin: readonly number[];
  /** Masked span of each mention. */
  readonly spans: ReadonlyArray<readonly [number, number]>;
}

function mask(text: string, mentions: readonly Mention[]): Masked {
  let out = '';
  const origin: number[] = [];
  const spans: Array<readonly [number, number]> = [];
  let at = 0;
  mentions.forEach((m, i) => {
    for (let k = at; k < m.start; k += 1) origin.push(k);
    out += text.slice(at, m.start);
    const token = `${OPEN}${m.letter}${i}${CLOSE}`;
    spans.push([out.length, out.length + token.length]);
    for (let k = 0; k < token.length; k += 1) origin.push(k === token.length - 1 ? m.end - 1 : m.start);
    out += token;
    at = m.end;
  });
  for (let k = at; k < text.length; k += 1) origin.push(k);
  out += text.slice(at);
  return { text: out, origin, spans };
}

function mentionsOf(text: string, confirmed: ReadonlySet<string>, actors: ActorIndex): Mention[] {
  const actorMentions = findActorMentions(text, actors);
  const states = findStateMentions(text, confirmed).filter((s) => !actorMentions.some((a) => s.start < a.end && a.start < s.end));
  const all: Mention[] = [
    ...actorMentions.map((a) => ({ letter: 'A' as const, start: a.start, end: a.end, actor: a.actor })),
    ...states.map((s) => ({ letter: KIND_LETTER[s.kind], start: s.start, end: s.end, state: s.state })),
  ];
  return all.sort((a, b) => a.start - b.start);
}

/** Reads every role rule over one sentence. */
export function analyseSentence(sentence: ArticleSentence, context: ExtractionContext, confirmed: ReadonlySet<string>): SentenceAnalysis {
  const { text } = sentence;
  const cueMatch = ATTACK_CUE.exec(text);
  const attackCue = cueMatch !== null;
  const mentions = mentionsOf(text, confirmed, actorIndex(context));
  const actors = mentions.flatMap((m) => (m.actor === undefined ? [] : [m.actor]));
  const evidence: RoleEvidence[] = [];
  const sponsorSpans: Array<readonly [number, number]> = [];
  const victimSpans: Array<readonly [number, number]> = [];
  const roles = new Map<number, RoleName>();
  if (mentions.some((m) => m.state !== undefined)) {
    const masked = mask(text, mentions);
    const negated = NEGATION.test(text);
    for (const { rule, regex } of compiledRules) {
      if (rule.needsAttackCue === true && !attackCue) continue;
      if (rule.role === 'sponsor' && negated) continue;
      regex.lastIndex = 0;
      for (let m = regex.exec(masked.text); m !== null; m = regex.exec(masked.text)) {
        // Restart one character on, so a list of places or several short phrases all match.
        regex.lastIndex = m.index + 1;
        const index = Number(m.groups?.['s']);
        const mention = mentions[index];
        if (mention?.state === undefined) continue;
        evidence.push({ state: mention.state, role: rule.role, ruleId: rule.id, strength: rule.strength });
        const current = roles.get(index);
        if (rule.role === 'sponsor' || (rule.role === 'victim' && current !== 'sponsor') || current === undefined) roles.set(index, rule.role);
        const from = masked.origin[m.index] ?? 0;
        const to = (masked.origin[m.index + m[0].length - 1] ?? from) + 1;
        if (rule.role === 'sponsor') sponsorSpans.push([from, to]);
        if (rule.role === 'victim') victimSpans.push([from, to]);
      }
    }
    extendLists(masked, mentions, roles, evidence);
  }
  for (const actor of actors) {
    if (actor.sponsor !== undefined) evidence.push({ state: actor.sponsor, role: 'sponsor', ruleId: 'sponsor-actor-catalogue', strength: 'catalogue' });
  }
  return { index: sentence.index, text, attackCue, hedged: HEDGE.test(text), evidence, actors, sponsorSpans, victimSpans, firstCue: cueMatch?.index ?? -1 };
}

/** "in the UK, Japan and the United States": a role read on one member of a list goes to all. */
function extendLists(masked: Masked, mentions: readonly Mention[], roles: Map<number, RoleName>, evidence: RoleEvidence[]): void {
  const stateIdx = mentions.map((m, i) => (m.state === undefined ? -1 : i)).filter((i) => i >= 0);
  const joined = (a: number, b: number): boolean => {
    const left = masked.spans[a];
    const right = masked.spans[b];
    return left !== undefined && right !== undefined && LIST_JOINER.test(masked.text.slice(left[1], right[0]));
  };
  const spread = (from: number, to: number): void => {
    const role = roles.get(from);
    const target = mentions[to];
    if ((role === 'sponsor' || role === 'victim') && !roles.has(to) && target?.state !== undefined && joined(Math.min(from, to), Math.max(from, to))) {
      roles.set(to, role);
      evidence.push({ state: target.state, role, ruleId: `${role}-list-continuation`, strength: 'list' });
    }
  };
  for (let k = 1; k < stateIdx.length; k += 1) spread(stateIdx[k - 1] ?? -1, stateIdx[k] ?? -1);
  for (let k = stateIdx.length - 2; k >= 0; k -= 1) spread(stateIdx[k + 1] ?? -1, stateIdx[k] ?? -1);
}

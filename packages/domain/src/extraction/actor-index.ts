import { literalAlternation } from '../stix-import/regex-trie.js';
import { MIN_ACTOR_ALIAS_CHARS } from './limits.js';
import type { ActorAlias, ExtractionContext } from './types.js';

export interface ActorMention {
  readonly actor: ActorAlias;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface ActorIndex {
  readonly byName: ReadonlyMap<string, ActorAlias>;
  readonly pattern: RegExp | undefined;
}

// One index per actor list (by identity): callers build a fresh context object per item but pass
// the same list for a whole feed run, and building the trie of hundreds of aliases is not free.
const indexes = new WeakMap<readonly ActorAlias[], ActorIndex>();

/**
 * Names and aliases matched case-sensitively as whole words ("Lazarus Group", "Fancy Bear"):
 * case keeps "Zinc" the actor apart from zinc the metal. When two actors share an alias, the
 * first in the context wins (the context is ordered by the caller, e.g. by id).
 */
export function actorIndex(context: ExtractionContext): ActorIndex {
  const hit = indexes.get(context.actors);
  if (hit !== undefined) return hit;
  const byName = new Map<string, ActorAlias>();
  for (const actor of context.actors) {
    for (const name of [actor.name, ...actor.aliases]) {
      const spelling = name.replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
      if (spelling.length >= MIN_ACTOR_ALIAS_CHARS && !byName.has(spelling)) byName.set(spelling, actor);
    }
  }
  const pattern = byName.size === 0 ? undefined : new RegExp(`(?<![A-Za-z0-9])(?:${literalAlternation(byName.keys())})(?![A-Za-z0-9])`, 'g');
  const index = { byName, pattern };
  indexes.set(context.actors, index);
  return index;
}

export function findActorMentions(sentence: string, index: ActorIndex): ActorMention[] {
  const { pattern } = index;
  if (pattern === undefined) return [];
  const out: ActorMention[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(sentence); m !== null; m = pattern.exec(sentence)) {
    if (m[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    const actor = index.byName.get(m[0]);
    if (actor !== undefined) out.push({ actor, text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

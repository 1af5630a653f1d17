import { ACTIVITY_TYPE_SPELLINGS, countryNote, normaliseCountry, spellingNote, TARGET_CATEGORY_SPELLINGS, type SpellingOutcome } from '@pactwatch/domain';
import type { ImportedActor, ImportUnit, RejectedUnit } from '../import-types.js';
import { rawJsonText, TOO_DEEP_RAW, TOO_DEEP_REASON } from '../json-raw.js';
import type { ActorGalaxy } from './misp-actor-galaxies.js';
import { isRecord } from './misp-cluster-file.js';
import { distinct, MetaFieldError, stringList } from './misp-meta-fields.js';
import { readSources } from './misp-sources.js';
import { readSponsor } from './misp-sponsor.js';

const MAX_DESCRIPTION = 4000;

/** One source value as normalised, for the file-level summary of what could not be mapped. */
export interface ValueFinding {
  readonly field: string;
  readonly input: string;
  readonly outcome: SpellingOutcome | 'state';
}

export type MappedValue =
  | { readonly kind: 'unit'; readonly unit: ImportUnit; readonly findings: readonly ValueFinding[] }
  | { readonly kind: 'rejected'; readonly rejected: RejectedUnit };

function reject(locator: string, raw: string, field: string, reason: string, sourceId?: string): MappedValue {
  return { kind: 'rejected', rejected: { locator, field, reason, raw, ...(sourceId === undefined ? {} : { sourceId }) } };
}

function readAliases(name: string, synonyms: readonly string[]): { aliases: string[]; notes: string[] } {
  const aliases: string[] = [];
  const notes: string[] = [];
  const seen = new Set([name.toLowerCase()]);
  for (const synonym of synonyms) {
    const alias = synonym.trim();
    if (alias === '') notes.push('synonym \'\' unmapped: empty');
    else if (seen.has(alias.toLowerCase())) notes.push(alias.toLowerCase() === name.toLowerCase() ? `synonym '${synonym}' is the name itself: not repeated as an alias` : `synonym '${synonym}' repeats another alias: kept once`);
    else {
      if (alias !== synonym) notes.push(`synonym '${synonym}' trimmed of spaces`);
      seen.add(alias.toLowerCase());
      aliases.push(alias);
    }
  }
  return { aliases, notes };
}

/**
 * Victims, targets and incident types have no place on an Actor: the raw unit keeps them as the
 * source wrote them and each gets a note saying what it normalises to, or that it is unmapped.
 */
function normaliseContext(meta: Readonly<Record<string, unknown>>, galaxy: ActorGalaxy): { notes: string[]; findings: ValueFinding[] } {
  const notes: string[] = [];
  const findings: ValueFinding[] = [];
  if (galaxy.victimsField !== undefined) {
    for (const victim of distinct(stringList(meta, galaxy.victimsField))) {
      const result = normaliseCountry(victim);
      notes.push(countryNote('victim', result));
      findings.push({ field: `meta.${galaxy.victimsField}`, input: victim, outcome: result.outcome });
    }
  }
  const tables = [
    { key: galaxy.targetsField, label: 'target', table: TARGET_CATEGORY_SPELLINGS },
    { key: galaxy.activitiesField, label: 'incident type', table: ACTIVITY_TYPE_SPELLINGS },
  ];
  for (const { key, label, table } of tables) {
    if (key === undefined) continue;
    for (const spelling of distinct(stringList(meta, key))) {
      const result = table.lookup(spelling);
      notes.push(spellingNote(label, result));
      findings.push({ field: `meta.${key}`, input: spelling, outcome: result.outcome });
    }
  }
  return { notes, findings };
}

/** Maps one cluster value to an actor unit, or quarantines it naming the field and the reason. */
export function mapClusterValue(value: unknown, index: number, galaxy: ActorGalaxy): MappedValue {
  const text = rawJsonText(value);
  const raw = 'text' in text ? text.text : TOO_DEEP_RAW;
  if ('tooDeep' in text) return reject(`values[${index}]`, raw, '', TOO_DEEP_REASON);
  if (!isRecord(value)) return reject(`values[${index}]`, raw, 'value', 'a cluster value must be an object');
  const name = value['value'];
  if (typeof name !== 'string') return reject(`values[${index}]`, raw, 'value', 'missing or not a string: a cluster needs a name');
  const uuid = value['uuid'];
  if (typeof uuid !== 'string' || uuid.trim() === '') return reject(`value '${name}' (no uuid)`, raw, 'uuid', 'missing or empty: without a uuid the cluster cannot be followed across versions');
  const locator = `value '${name}' (uuid ${uuid})`;
  if (value['revoked'] === true) return reject(locator, raw, 'revoked', 'revoked by its source (superseded by another cluster); not imported as an actor', uuid);
  const meta = value['meta'] ?? {};
  if (!isRecord(meta)) return reject(locator, raw, 'meta', 'not an object', uuid);
  const description = value['description'];
  if (description !== undefined && typeof description !== 'string') return reject(locator, raw, 'description', 'not a string', uuid);
  try {
    const notes: string[] = [];
    const trimmed = name.trim();
    if (trimmed !== name && trimmed !== '') notes.push(`name '${name}' trimmed of spaces`);
    const { aliases, notes: aliasNotes } = readAliases(trimmed, stringList(meta, 'synonyms'));
    const sponsor = readSponsor(meta, galaxy);
    const { sources, notes: sourceNotes } = readSources(stringList(meta, 'refs'));
    const context = normaliseContext(meta, galaxy);
    let text = description?.trim();
    if (text !== undefined && text.length > MAX_DESCRIPTION) {
      notes.push(`description shortened from ${text.length} to ${MAX_DESCRIPTION} characters (the raw unit keeps it whole)`);
      text = `${text.slice(0, MAX_DESCRIPTION - 1)}…`;
    }
    const actor: ImportedActor = {
      // An empty name is passed on as is: the model refuses it and the unit is quarantined with the field.
      name: trimmed,
      aliases,
      ...(sponsor.sponsor === undefined ? {} : { sponsor: sponsor.sponsor, sponsorConfidence: sponsor.sponsorConfidence }),
      ...(text === undefined || text === '' ? {} : { description: text }),
      sources,
    };
    const findings = [...sponsor.countries.map((c) => ({ field: c.field, input: c.result.input, outcome: c.result.outcome })), ...context.findings];
    return {
      kind: 'unit',
      unit: {
        locator,
        sourceId: uuid,
        sourceType: galaxy.type,
        raw,
        records: [{ kind: 'actor', recordId: uuid, value: actor }],
        notes: [...notes, ...aliasNotes, ...sponsor.notes, ...sourceNotes, ...context.notes],
      },
      findings,
    };
  } catch (error) {
    if (error instanceof MetaFieldError) return reject(locator, raw, error.field, error.message, uuid);
    throw error;
  }
}

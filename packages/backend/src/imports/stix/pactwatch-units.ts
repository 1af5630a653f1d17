import { AGREEMENT_TYPE, COMMITMENT_TYPE, readPactwatchStix } from '@pactwatch/domain';
import type { ImportUnit, MappedRecord, RejectedUnit } from '../import-types.js';
import { isSponsorStateActor, PACTWATCH_STIX_DATASET, writtenByPactwatch } from './pactwatch-bundle.js';
import { ACTOR_OBJECT_TYPES } from './stix-actor-mapping.js';
import { describeObject, retiredReason, stringProp, type StixObject } from './stix-object.js';
import { plural, rawOnlyWarning } from './unit-summary.js';

export interface PactwatchUnits {
  readonly units: ImportUnit[];
  readonly rejected: RejectedUnit[];
  readonly warnings: string[];
}

const RECORD_TYPES: ReadonlySet<string> = new Set([...ACTOR_OBJECT_TYPES, 'incident']);

/**
 * The record an object holds, read by the exporter's own reader: an incident or a catalogued
 * actor with its pactwatch id (and an incident with its provenance), exactly as exported.
 */
function ownRecords(object: StixObject): { records: MappedRecord[] } | { problem: string } {
  if (object.type !== 'incident' && object.type !== 'intrusion-set') return { records: [] };
  const read = readPactwatchStix([object]);
  const problem = read.problems[0];
  if (problem !== undefined) return { problem: problem.reason };
  const incidents = read.incidents.map((incident): MappedRecord => {
    const { id, provenance, ...value } = incident;
    return { kind: 'incident', recordId: id, value, provenance };
  });
  const actors = read.actors.map((actor): MappedRecord => {
    const { id, ...value } = actor;
    return { kind: 'actor', recordId: id, value };
  });
  return { records: [...incidents, ...actors] };
}

/** Why an actor or incident object gives no record (undefined for the other types). */
function keptRawNote(object: StixObject): string | undefined {
  if (!RECORD_TYPES.has(object.type)) return undefined;
  if (!writtenByPactwatch(object)) {
    return `not written by pactwatch (created_by_ref ${stringProp(object, 'created_by_ref') ?? 'absent'}): kept raw; in a bundle pactwatch exported only pactwatch's records are read, so import other producers' objects as a bundle of their own`;
  }
  if (isSponsorStateActor(object)) return "pactwatch's stand-in for a sponsor state: the incidents' attributions name the state, so it is not an actor record";
  if (object.type === 'intrusion-set') return 'an actor known only by the names sources give it (kept in the attributions as actorName), not a catalogued actor: kept raw';
  return `no pactwatch extension on this ${object.type}: kept raw`;
}

/**
 * Units of a bundle pactwatch exported. Every object stays one raw unit; incidents and catalogued
 * actors are taken from pactwatch's extension with their own ids (the parse declares native ids),
 * so export → import → export gives the same bundle. Nothing else maps to a record: nation-state
 * threat actors stand for sponsor states, named-only intrusion sets are attribution names, and
 * agreements and commitments are curated data, kept raw with a warning as the native JSON import
 * does. A record pactwatch cannot read back (it fails the model's schemas) is quarantined.
 */
export function buildPactwatchUnits(live: readonly StixObject[], raws: ReadonlyMap<StixObject, string>): PactwatchUnits {
  const agreementProblems = new Map(readPactwatchStix(live.filter((o) => o.type === AGREEMENT_TYPE || o.type === COMMITMENT_TYPE)).problems.map((p) => [p.stixId, p.reason] as const));
  const units: ImportUnit[] = [];
  const rejected: RejectedUnit[] = [];
  const rawOnly = new Map<string, number>();
  const curated = { agreements: 0, commitments: 0 };
  let foreign = 0;
  for (const object of live) {
    const locator = `object ${object.id}`;
    const raw = raws.get(object) ?? '';
    const retiredAs = retiredReason(object);
    const read = retiredAs === undefined ? ownRecords(object) : { records: [] };
    const problem = 'problem' in read ? read.problem : agreementProblems.get(object.id);
    if (problem !== undefined) {
      rejected.push({ locator, sourceId: object.id, reason: `${describeObject(object)} cannot be read back as a pactwatch record: ${problem}`, raw });
      continue;
    }
    const records = 'records' in read ? read.records : [];
    const note = retiredAs !== undefined ? `${retiredAs}: kept raw, not mapped to a live record` : records.length === 0 ? keptRawNote(object) : undefined;
    if (records.length === 0) {
      rawOnly.set(object.type, (rawOnly.get(object.type) ?? 0) + 1);
      if (RECORD_TYPES.has(object.type) && !writtenByPactwatch(object)) foreign += 1;
    }
    if (object.type === AGREEMENT_TYPE) curated.agreements += 1;
    if (object.type === COMMITMENT_TYPE) curated.commitments += 1;
    units.push({ locator, sourceId: object.id, sourceType: object.type, raw, records, ...(note === undefined ? {} : { notes: [note] }) });
  }
  const warnings = [`a bundle pactwatch exported: incidents and catalogued actors are read from pactwatch's extension with their own ids and provenance (dataset ${PACTWATCH_STIX_DATASET}); a record curated in the dataset folder is never overwritten`, ...rawOnlyWarning(rawOnly)];
  if (curated.agreements + curated.commitments > 0) {
    warnings.push(`${curated.agreements} ${AGREEMENT_TYPE} and ${curated.commitments} ${COMMITMENT_TYPE} objects kept as raw source objects only (dataset ${PACTWATCH_STIX_DATASET}), not loaded: agreements are curated records, changed in the dataset folder (data/agreements) and loaded with \`pactwatch load\``);
  }
  if (foreign > 0) warnings.push(`${plural(foreign, 'actor or incident object')} from other producers kept raw: a bundle pactwatch exported is read as pactwatch's records only (see each unit's notes)`);
  return { units, rejected, warnings };
}

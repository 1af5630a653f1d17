import { importedRecordId } from '../import-ids.js';
import type { ImportUnit, MappedRecord } from '../import-types.js';
import { ACTOR_OBJECT_TYPES, mapActor } from './stix-actor-mapping.js';
import type { StixGraph } from './stix-graph.js';
import { mapIncident } from './stix-incident-mapping.js';
import { describeObject, retiredReason, type StixObject } from './stix-object.js';
import { attackReference } from './stix-sources.js';
import { SponsorResolver } from './stix-sponsor.js';
import { plural, rawOnlyWarning } from './unit-summary.js';

/** Record ids of actors: ATT&CK's own ids (G0007, C0022) when unique, else the STIX id. */
function actorRecordIds(objects: readonly StixObject[], attack: boolean): Map<string, string> {
  const live = objects.filter((o) => ACTOR_OBJECT_TYPES.has(o.type) && retiredReason(o) === undefined);
  const external = new Map(live.map((o) => [o.id, attack ? attackReference(o)?.externalId : undefined] as const));
  const counts = new Map<string, number>();
  for (const id of external.values()) if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  return new Map(
    live.map((o) => {
      const id = external.get(o.id);
      return [o.id, id !== undefined && counts.get(id) === 1 ? id : o.id] as const;
    }),
  );
}

/**
 * Every usable object as one unit (raw JSON kept), mapped to an Actor or an Incident where the
 * model has a place; revoked and deprecated objects stay raw with a note naming their replacement.
 */
export function buildUnits(live: readonly StixObject[], raws: ReadonlyMap<StixObject, string>, graph: StixGraph, options: { dataset: string; attack: boolean }): { units: ImportUnit[]; warnings: string[] } {
  const sponsors = new SponsorResolver(graph);
  const recordIds = actorRecordIds(live, options.attack);
  const actorId = (object: StixObject): string | undefined => {
    const recordId = recordIds.get(object.id);
    return recordId === undefined ? undefined : importedRecordId(options.dataset, recordId);
  };
  const rawOnly = new Map<string, number>();
  const retired = { revoked: 0, deprecated: 0 };
  let incidentsKeptRaw = 0;
  const units = live.map((object): ImportUnit => {
    const records: MappedRecord[] = [];
    const notes: string[] = [];
    const retiredAs = retiredReason(object);
    if (retiredAs !== undefined) {
      retired[retiredAs] += 1;
      const replacement = graph.out(object.id, 'revoked-by')[0]?.target;
      notes.push(`${retiredAs}: kept raw, not mapped to a live record${replacement === undefined ? '' : ` (replaced by ${describeObject(replacement)})`}`);
    } else if (ACTOR_OBJECT_TYPES.has(object.type)) {
      const mapped = mapActor(object, graph, sponsors, { attack: options.attack });
      const recordId = recordIds.get(object.id);
      if ('skipped' in mapped) notes.push(mapped.skipped);
      else if (recordId !== undefined) {
        records.push({ kind: 'actor', recordId, value: mapped.value });
        notes.push(...mapped.notes);
      }
    } else if (object.type === 'incident') {
      const mapped = mapIncident(object, { graph, sponsors, actorId });
      if (mapped.value === undefined) incidentsKeptRaw += 1;
      else records.push({ kind: 'incident', recordId: object.id, value: mapped.value });
      notes.push(...mapped.notes);
    }
    if (records.length === 0) rawOnly.set(object.type, (rawOnly.get(object.type) ?? 0) + 1);
    return { locator: `object ${object.id}`, sourceId: object.id, sourceType: object.type, raw: raws.get(object) ?? '', records, ...(notes.length === 0 ? {} : { notes }) };
  });
  const warnings = rawOnlyWarning(rawOnly);
  if (retired.revoked + retired.deprecated > 0) warnings.push(`${retired.revoked} revoked and ${retired.deprecated} deprecated objects kept raw, not mapped to live records`);
  if (incidentsKeptRaw > 0) warnings.push(`${plural(incidentsKeptRaw, 'incident object')} kept raw: no attribution reaching a state or no victim state (see each unit's notes)`);
  return { units, warnings };
}

import { toAgreement, agreementSchema, type Agreement } from '../model/agreement.js';
import { actorSchema, type Actor } from '../model/context-records.js';
import { incidentSchema, type Incident } from '../model/incident.js';
import { AGREEMENT_TYPE, COMMITMENT_TYPE } from './extension-definition.js';
import { PACTWATCH_EXTENSION_ID, PACTWATCH_SOURCE_NAME } from './stix-common.js';
import { fromStixValue, isStixRecord } from './stix-values.js';

type Obj = Readonly<Record<string, unknown>>;

export interface StixReadProblem {
  readonly stixId: string;
  readonly reason: string;
}

/** What pactwatch can take back from a bundle it wrote: records, and why any could not be read. */
export interface PactwatchStixRecords {
  readonly agreements: Agreement[];
  readonly incidents: Incident[];
  readonly actors: Actor[];
  readonly problems: StixReadProblem[];
}

/** The record's pactwatch id, from the external reference named "pactwatch". */
export function pactwatchIdOf(object: Obj): string | undefined {
  const refs = object['external_references'];
  if (!Array.isArray(refs)) return undefined;
  const own = refs.find((r): r is Obj => isStixRecord(r) && r['source_name'] === PACTWATCH_SOURCE_NAME && typeof r['external_id'] === 'string');
  return own === undefined ? undefined : String(own['external_id']);
}

/** The pactwatch property-extension of an object, keys back in camelCase, without its type tag. */
export function pactwatchExtensionOf(object: Obj): Obj | undefined {
  const extensions = object['extensions'];
  if (!isStixRecord(extensions)) return undefined;
  const own = extensions[PACTWATCH_EXTENSION_ID];
  if (!isStixRecord(own)) return undefined;
  const { extension_type: _type, ...rest } = own;
  const value = fromStixValue(rest);
  return isStixRecord(value) ? value : undefined;
}

/** Own properties of a new-sdo back in pactwatch's camelCase. */
function camelProperties(object: Obj, keys: readonly string[]): Obj {
  const picked = Object.fromEntries(keys.filter((k) => object[k] !== undefined).map((k) => [k, object[k]]));
  const value = fromStixValue(picked);
  return isStixRecord(value) ? value : {};
}

function issue(error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> }): string {
  const first = error.issues[0];
  return first === undefined ? 'invalid' : `${first.path.map(String).join('.')}: ${first.message}`;
}

function readAgreement(object: Obj, commitments: ReadonlyMap<string, Obj>): Agreement | string {
  const id = pactwatchIdOf(object);
  if (id === undefined) return 'no "pactwatch" external reference with the agreement id';
  const refs = Array.isArray(object['commitment_refs']) ? object['commitment_refs'] : [];
  const items: unknown[] = [];
  for (const ref of refs) {
    const commitment = typeof ref === 'string' ? commitments.get(ref) : undefined;
    if (commitment === undefined) return `commitment ${String(ref)} is not in the bundle`;
    const fullId = pactwatchIdOf(commitment) ?? '';
    items.push({
      id: fullId.slice(fullId.indexOf('/') + 1),
      title: commitment['name'],
      text: commitment['description'],
      ...camelProperties(commitment, ['obligation', 'source', 'scope', 'expectation', 'disputes']),
    });
  }
  const parsed = agreementSchema.safeParse({
    id,
    title: object['name'],
    summary: object['description'],
    ...camelProperties(object, ['short_title', 'kind', 'parties', 'signed', 'in_force', 'ended', 'status', 'sources', 'provenance', 'disputes']),
    commitments: items,
  });
  return parsed.success ? toAgreement(parsed.data) : issue(parsed.error);
}

function readIncident(object: Obj): Incident | string | undefined {
  const extension = pactwatchExtensionOf(object);
  if (extension === undefined) return undefined;
  const parsed = incidentSchema.safeParse({ id: pactwatchIdOf(object), title: object['name'], summary: object['description'], ...extension });
  return parsed.success ? parsed.data : issue(parsed.error);
}

function readActor(object: Obj): Actor | string | undefined {
  const extension = pactwatchExtensionOf(object);
  const id = pactwatchIdOf(object);
  if (extension === undefined || id === undefined) return undefined;
  const parsed = actorSchema.safeParse({ id, name: object['name'], ...camelProperties(object, ['aliases', 'description']), ...extension });
  return parsed.success ? parsed.data : issue(parsed.error);
}

/**
 * Reads back the records pactwatch wrote into a bundle: agreements and commitments from the
 * custom SDOs, incidents and catalogued actors from their pactwatch property extensions (objects
 * without one, from other producers, are not pactwatch records and are skipped). Every record is
 * validated by the model's schemas; what fails is returned as a problem, never dropped silently.
 */
export function readPactwatchStix(objects: readonly unknown[]): PactwatchStixRecords {
  const out: PactwatchStixRecords = { agreements: [], incidents: [], actors: [], problems: [] };
  const records = objects.filter(isStixRecord);
  const commitments = new Map(records.filter((o) => o['type'] === COMMITMENT_TYPE).map((o) => [String(o['id']), o] as const));
  for (const object of records) {
    const stixId = String(object['id']);
    const keep = <T>(read: T | string | undefined, list: T[]): void => {
      if (typeof read === 'string') out.problems.push({ stixId, reason: read });
      else if (read !== undefined) list.push(read);
    };
    if (object['type'] === AGREEMENT_TYPE) keep(readAgreement(object, commitments), out.agreements);
    else if (object['type'] === 'incident') keep(readIncident(object), out.incidents);
    else if (object['type'] === 'intrusion-set') keep(readActor(object), out.actors);
  }
  return out;
}

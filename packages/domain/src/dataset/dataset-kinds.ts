import { z } from 'zod';
import { agreementSchema } from '../model/agreement.js';
import { actorSchema, contextEventSchema, groupSchema } from '../model/context-records.js';
import { incidentSchema } from '../model/incident.js';

/**
 * The curated dataset's record kinds: one YAML file per record, in a folder per kind, the file
 * named after the record's id. Order matters when loading: referenced kinds come first.
 */
export const DATASET_KINDS = [
  { kind: 'group', folder: 'groups', schema: groupSchema },
  { kind: 'actor', folder: 'actors', schema: actorSchema },
  { kind: 'agreement', folder: 'agreements', schema: agreementSchema },
  { kind: 'incident', folder: 'incidents', schema: incidentSchema },
  { kind: 'context-event', folder: 'context-events', schema: contextEventSchema },
] as const;

export type DatasetKind = (typeof DATASET_KINDS)[number]['kind'];

export function datasetKindOfFolder(folder: string): DatasetKind | undefined {
  return DATASET_KINDS.find((k) => k.folder === folder)?.kind;
}

/**
 * The published JSON Schema (draft 2020-12) of one kind, generated from the same zod schema the
 * domain validates with. Structural rules only: EDTF parsing and country-code membership are
 * domain checks that JSON Schema cannot express, applied after it.
 */
export function datasetJsonSchema(kind: DatasetKind): Record<string, unknown> {
  const entry = DATASET_KINDS.find((k) => k.kind === kind);
  if (entry === undefined) throw new Error(`unknown dataset kind ${kind}`);
  const generated = z.toJSONSchema(entry.schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    ...generated,
    $id: `https://pactwatch.dev/schema/${kind}.schema.json`,
    title: `pactwatch ${kind}`,
    description: `One ${kind} record of the pactwatch curated dataset (data/${entry.folder}/<id>.yaml).`,
  };
}

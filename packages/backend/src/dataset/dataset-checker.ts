import { basename, extname } from 'node:path';
import {
  toAgreement,
  type Actor,
  type Agreement,
  type AgreementInput,
  type ContextEvent,
  type DatasetKind,
  type Group,
  type Incident,
  type Problem,
} from '@pactwatch/domain';
import type { DatasetFile } from './dataset-reader.js';
import type { RecordValidator } from './record-validator.js';
import { parseYamlWithLines } from './yaml-locator.js';

export interface CheckedRecord<T> {
  readonly value: T;
  readonly file: string;
}

export interface RejectedRecord {
  readonly kind: DatasetKind;
  readonly file: string;
  readonly recordId: string | null;
  readonly problems: readonly Problem[];
  readonly raw: string;
}

/** Every file read ends in exactly one of the accepted lists or in `rejected`. */
export interface CheckedDataset {
  readonly read: number;
  readonly groups: CheckedRecord<Group>[];
  readonly actors: CheckedRecord<Actor>[];
  readonly agreements: CheckedRecord<Agreement>[];
  readonly incidents: CheckedRecord<Incident>[];
  readonly contextEvents: CheckedRecord<ContextEvent>[];
  readonly rejected: RejectedRecord[];
}

function idOf(value: unknown): string | null {
  if (value !== null && typeof value === 'object' && 'id' in value) {
    const id = (value as { id: unknown }).id;
    if (typeof id === 'string') return id;
  }
  return null;
}

/**
 * Parses and validates every file, then checks what no single record can: file name = id,
 * unique ids, and references (groups named as parties, actors named in attributions, agreements
 * and commitments named by context events). A record failing any check is rejected with all its
 * problems, never silently dropped.
 */
export function checkDataset(files: readonly DatasetFile[], validator: RecordValidator, knownActorIds: ReadonlySet<string> = new Set()): CheckedDataset {
  const rejected: RejectedRecord[] = [];
  const valid = new Map<DatasetKind, Array<{ value: unknown; file: string; raw: string }>>();
  for (const file of files) {
    if (file.unreadable !== undefined) {
      rejected.push({ kind: file.kind, file: file.file, recordId: null, raw: file.text, problems: [{ file: file.file, line: file.unreadable.line, reason: file.unreadable.reason }] });
      continue;
    }
    const parsed = parseYamlWithLines(file.text);
    if (!parsed.ok) {
      rejected.push({ kind: file.kind, file: file.file, recordId: null, raw: file.text, problems: [{ file: file.file, ...(parsed.line === undefined ? {} : { line: parsed.line }), reason: parsed.reason }] });
      continue;
    }
    const result = validator.validate(file.kind, parsed.parsed, file.file);
    if (!result.ok) {
      rejected.push({ kind: file.kind, file: file.file, recordId: idOf(parsed.parsed.value), raw: file.text, problems: result.problems });
      continue;
    }
    const id = idOf(result.value);
    const stem = basename(file.file, extname(file.file));
    if (id !== stem) {
      rejected.push({ kind: file.kind, file: file.file, recordId: id, raw: file.text, problems: [{ file: file.file, path: '/id', line: parsed.parsed.lineOf(['id']) ?? 1, reason: `id "${id}" must match the file name "${stem}"` }] });
      continue;
    }
    const list = valid.get(file.kind) ?? [];
    list.push({ value: result.value, file: file.file, raw: file.text });
    valid.set(file.kind, list);
  }

  const reject = (kind: DatasetKind, entry: { value: unknown; file: string; raw: string }, reason: string, path?: string): void => {
    rejected.push({ kind, file: entry.file, recordId: idOf(entry.value), raw: entry.raw, problems: [{ file: entry.file, ...(path === undefined ? {} : { path }), reason }] });
  };
  const unique = (kind: DatasetKind): Array<{ value: unknown; file: string; raw: string }> => {
    const seen = new Set<string>();
    const kept: Array<{ value: unknown; file: string; raw: string }> = [];
    for (const entry of valid.get(kind) ?? []) {
      const id = idOf(entry.value) ?? '';
      if (seen.has(id)) reject(kind, entry, `duplicate ${kind} id "${id}"`, '/id');
      else {
        seen.add(id);
        kept.push(entry);
      }
    }
    return kept;
  };

  const groups = unique('group').map((e) => ({ value: e.value as Group, file: e.file }));
  const groupIds = new Set(groups.map((g) => g.value.id));
  const actors = unique('actor').map((e) => ({ value: e.value as Actor, file: e.file }));
  const actorIds = new Set([...knownActorIds, ...actors.map((a) => a.value.id)]);

  const agreements: CheckedRecord<Agreement>[] = [];
  for (const entry of unique('agreement')) {
    const input = entry.value as AgreementInput;
    const missing = input.parties.flatMap((p, i) => ('group' in p && !groupIds.has(p.group) ? [{ i, group: p.group }] : []));
    if (missing.length > 0) {
      reject('agreement', entry, `party group "${missing.map((m) => m.group).join('", "')}" is not in data/groups/`, `/parties/${missing[0]?.i ?? 0}/group`);
      continue;
    }
    agreements.push({ value: toAgreement(input), file: entry.file });
  }
  const agreementIds = new Set(agreements.map((a) => a.value.id));
  const commitmentIds = new Set(agreements.flatMap((a) => a.value.commitments.map((c) => c.id)));

  const incidents: CheckedRecord<Incident>[] = [];
  for (const entry of unique('incident')) {
    const incident = entry.value as Incident;
    const badActor = incident.attributions.findIndex((a) => a.actor !== undefined && !actorIds.has(a.actor));
    if (badActor >= 0) {
      reject('incident', entry, `actor "${incident.attributions[badActor]?.actor ?? ''}" is not a known actor (data/actors/ or imported)`, `/attributions/${badActor}/actor`);
      continue;
    }
    incidents.push({ value: incident, file: entry.file });
  }

  const contextEvents: CheckedRecord<ContextEvent>[] = [];
  for (const entry of unique('context-event')) {
    const event = entry.value as ContextEvent;
    const badAgreement = event.agreements.findIndex((id) => !agreementIds.has(id));
    const badCommitment = event.commitments.findIndex((id) => !commitmentIds.has(id));
    if (badAgreement >= 0) reject('context-event', entry, `agreement "${event.agreements[badAgreement] ?? ''}" does not exist`, `/agreements/${badAgreement}`);
    else if (badCommitment >= 0) reject('context-event', entry, `commitment "${event.commitments[badCommitment] ?? ''}" does not exist`, `/commitments/${badCommitment}`);
    else contextEvents.push({ value: event, file: entry.file });
  }

  return { read: files.length, groups, actors, agreements, incidents, contextEvents, rejected };
}

import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { actorSchema, incidentSchema, PactwatchError, type Actor, type ImportChange, type ImportReport, type Incident } from '@pactwatch/domain';
import { auditOrigin, cliAuditContext, type AuditContext } from '../services/audit-context.js';
import type { EvaluationService } from '../services/evaluation-service.js';
import { inTransaction, repositories, type ServiceContext } from '../services/service-context.js';
import { contentHash } from '../util/hash.js';
import { importedRecordId } from './import-ids.js';
import { importDraftOrigin, planDrafts, writeDrafts, type DraftPlan } from './import-drafts.js';
import type { Importer, ParsedImport, PreparedUnit, RejectedUnit } from './import-types.js';

export interface ImportRequest {
  readonly file: string;
  readonly format: string;
  readonly mapping?: string;
  readonly dryRun?: boolean;
  /** The file's content when already in memory (a job's upload); `file` then only names it. */
  readonly bytes?: Buffer;
  /** Mapping YAML text sent with an upload, for csv/xlsx. */
  readonly mappingText?: string;
  /** Names the source dataset instead of the format or mapping (a lower-case slug). */
  readonly dataset?: string;
  /** Who runs the import, for the audit log; default: the person at the command line. */
  readonly by?: AuditContext;
  /** Propose incidents to the review queue (origin `import:<dataset>`) instead of storing them. */
  readonly asDrafts?: boolean;
}

export type UnitStatus = 'stored' | 'updated' | 'unchanged';

/** Where a long import is, for progress bars (the CLI draws them on stderr). */
export interface ImportProgress {
  readonly phase: 'reading' | 'validating' | 'writing' | 'evaluating' | 'done';
  readonly done: number;
  readonly total: number;
}

const WRITE_STEP = 2_000;

// The report's shape is a domain contract: import jobs return it and the web app reads it.
export type { ImportChange, ImportReport } from '@pactwatch/domain';

const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

function changedFields(before: object | undefined, after: object): string[] {
  if (before === undefined) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => k !== 'provenance' && contentHash((before as Record<string, unknown>)[k]) !== contentHash((after as Record<string, unknown>)[k])).sort();
}

/**
 * Imports an external file through a format's importer: every unit is validated against the
 * model, compared with what (dataset, record id) already holds, and stored, updated, left
 * unchanged or quarantined, all in one transaction. Records are identified across versions of a
 * dataset by their source id, so re-importing the same file changes nothing.
 */
export class ImportService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly importers: ReadonlyMap<string, Importer>,
    private readonly evaluation: EvaluationService,
  ) {}

  formats(): string[] {
    return [...this.importers.keys()].sort();
  }

  private readFile(path: string): Buffer {
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new PactwatchError('FILE_ERROR', `${path}: no such file`);
    }
    if (size > MAX_IMPORT_BYTES) throw new PactwatchError('VALIDATION_FAILED', `${path}: ${size} bytes is over the ${MAX_IMPORT_BYTES}-byte import limit`);
    return readFileSync(path);
  }

  private prepare(parsed: ParsedImport, fileHash: string, file: string): { prepared: PreparedUnit[]; rejected: RejectedUnit[] } {
    const prepared: PreparedUnit[] = [];
    const rejected: RejectedUnit[] = [...parsed.rejected];
    const provenanceBase = { origin: 'imported' as const, dataset: parsed.dataset, fileHash, file: basename(file), ...(parsed.version === undefined ? {} : { version: parsed.version }) };
    const idOf = (recordId: string): string => (parsed.ids === 'native' ? recordId : importedRecordId(parsed.dataset, recordId));
    const actorIds = new Set(parsed.units.flatMap((u) => u.records.filter((r) => r.kind === 'actor').map((r) => idOf(r.recordId))));
    const seen = new Set<string>();
    for (const unit of parsed.units) {
      const incidents: Array<{ value: Incident; hash: string }> = [];
      const actors: Array<{ value: Actor; hash: string }> = [];
      let failure: RejectedUnit | undefined;
      for (const record of unit.records) {
        const id = idOf(record.recordId);
        if (seen.has(`${record.kind}:${id}`)) {
          failure = { locator: unit.locator, sourceId: unit.sourceId, field: 'id', reason: `duplicate ${record.kind} "${record.recordId}" in this file (already read above)`, raw: unit.raw };
          break;
        }
        const result =
          record.kind === 'incident'
            ? incidentSchema.safeParse({ ...record.value, id, provenance: record.provenance ?? { ...provenanceBase, recordId: record.recordId } })
            : actorSchema.safeParse({ ...record.value, id });
        if (!result.success) {
          const issue = result.error.issues[0];
          const field = issue?.path.filter((p): p is string | number => typeof p !== 'symbol').join('.') ?? '';
          failure = { locator: unit.locator, sourceId: unit.sourceId, field, reason: `${record.kind} ${field === '' ? '' : `${field}: `}${issue?.message ?? 'invalid'}`, raw: unit.raw };
          break;
        }
        if (record.kind === 'incident') {
          const value = result.data as Incident;
          const unknownActor = value.attributions.find((a) => a.actor !== undefined && !actorIds.has(a.actor));
          if (unknownActor !== undefined) {
            failure = { locator: unit.locator, sourceId: unit.sourceId, field: 'attributions.actor', reason: `actor "${unknownActor.actor ?? ''}" is not part of this import`, raw: unit.raw };
            break;
          }
          // Derived ids: provenance (file hash, version) is left out of the hash, so a new file with
          // the same record is "unchanged". Native ids: the record hashes as the dataset loader
          // hashes it, so a record identical to a stored one is "unchanged" too.
          incidents.push({
            value,
            hash: parsed.ids === 'native' ? contentHash(value) : contentHash({ ...value, provenance: { origin: 'imported', dataset: parsed.dataset, recordId: record.recordId } }),
          });
        } else {
          const value = result.data as Actor;
          actors.push({ value, hash: contentHash(value) });
        }
      }
      if (failure !== undefined) rejected.push(failure);
      else {
        // Ids count as taken only once their unit is accepted, so a bad row does not block a good one.
        for (const record of [...incidents.map((i) => `incident:${i.value.id}`), ...actors.map((a) => `actor:${a.value.id}`)]) seen.add(record);
        // The raw text is hashed as it is: it is already the unit's exact serialisation.
        prepared.push({ unit, incidents, actors, rawHash: createHash('sha256').update(unit.raw).digest('hex') });
      }
    }
    return { prepared, rejected };
  }

  async import(request: ImportRequest, onProgress: (progress: ImportProgress) => void = () => undefined): Promise<ImportReport> {
    const importer = this.importers.get(request.format);
    if (importer === undefined) throw new PactwatchError('USAGE', `--format must be one of ${this.formats().join(', ')}, got "${request.format}"`);
    if (request.dataset !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(request.dataset)) throw new PactwatchError('USAGE', `dataset must be a lower-case slug such as "acme-incidents", got "${request.dataset}"`);
    const bytes = request.bytes ?? this.readFile(request.file);
    if (bytes.length > MAX_IMPORT_BYTES) throw new PactwatchError('VALIDATION_FAILED', `${request.file}: ${bytes.length} bytes is over the ${MAX_IMPORT_BYTES}-byte import limit`);
    onProgress({ phase: 'reading', done: 0, total: bytes.length });
    const fileHash = createHash('sha256').update(bytes).digest('hex');
    const input = { path: request.file, bytes, fileHash, ...(request.mapping === undefined ? {} : { mapping: request.mapping }), ...(request.mappingText === undefined ? {} : { mappingText: request.mappingText }) };
    const parsedAsIs = await importer.parse(input);
    const parsed = request.dataset === undefined ? parsedAsIs : { ...parsedAsIs, dataset: request.dataset };
    onProgress({ phase: 'validating', done: 0, total: parsed.units.length + parsed.rejected.length });
    const { prepared, rejected } = this.prepare(parsed, fileHash, request.file);
    const dryRun = request.dryRun === true;
    const draftOrigin = request.asDrafts === true ? importDraftOrigin(parsed.dataset) : null;
    const by = request.by ?? cliAuditContext();

    const run = async (repos: ReturnType<typeof repositories>): Promise<Omit<ImportReport, 'evaluation'>> => {
      const [incidentHashes, actorHashes, rawHashes] = await Promise.all([repos.incidents.hashes(), repos.actors.hashes(), repos.sourceObjects.hashes(parsed.dataset)]);
      // A native id may name a curated record: an import never overwrites curated data.
      const curatedConflict = (unit: PreparedUnit): string | undefined => {
        for (const i of unit.incidents) { const h = incidentHashes.get(i.value.id); if (h?.origin === 'dataset' && h.hash !== i.hash) return `incident "${i.value.id}" is curated in ${h.sourceFile ?? 'the dataset folder'}; change it there`; }
        for (const a of unit.actors) { const h = actorHashes.get(a.value.id); if (h?.origin === 'dataset' && h.hash !== a.hash) return `actor "${a.value.id}" is curated in ${h.sourceFile ?? 'the dataset folder'}; change it there`; }
        return undefined;
      };
      const conflicts = prepared.flatMap((p) => { const reason = curatedConflict(p); return reason === undefined ? [] : [{ locator: p.unit.locator, sourceId: p.unit.sourceId, field: 'id', reason, raw: p.unit.raw }]; });
      const conflicting = new Set(conflicts.map((c) => c.sourceId));
      const unconflicted = prepared.filter((p) => !conflicting.has(p.unit.sourceId));
      const plan: DraftPlan | undefined = draftOrigin === null ? undefined : await planDrafts(repos, unconflicted, { origin: draftOrigin, incidents: incidentHashes, actors: actorHashes });
      const draftConflicts = new Set(plan?.conflicts.map((c) => c.sourceId));
      const accepted = unconflicted.filter((p) => !draftConflicts.has(p.unit.sourceId));
      // Units proposed or already drafted skip the store path below; the rest reconcile as usual.
      const reconciled = plan?.reconciled ?? accepted;
      const rejectedAll = [...rejected, ...conflicts, ...(plan?.conflicts ?? [])];
      const drafts = { drafted: plan?.proposals.length ?? 0, alreadyDrafted: plan?.alreadyDrafted ?? 0 };
      const changedIncidentIds = reconciled.flatMap((p) => p.incidents.filter((i) => { const h = incidentHashes.get(i.value.id)?.hash; return h !== undefined && h !== i.hash; }).map((i) => i.value.id));
      const previous = new Map((await repos.incidents.list({ ids: changedIncidentIds })).map((i) => [i.id, i] as const));
      const changedActorIds = new Set(reconciled.flatMap((p) => p.actors.filter((a) => { const h = actorHashes.get(a.value.id)?.hash; return h !== undefined && h !== a.hash; }).map((a) => a.value.id)));
      const previousActors = new Map(changedActorIds.size === 0 ? [] : (await repos.actors.listAll()).filter((a) => changedActorIds.has(a.id)).map((a) => [a.id, a] as const));
      const counts = { stored: 0, updated: 0, unchanged: 0 };
      const changes: ImportChange[] = [];
      const toSaveIncidents: Incident[] = [];
      const toSaveActors: Actor[] = [...(plan?.actors ?? [])];
      const toSaveRaw: Array<{ dataset: string; objectId: string; objectType: string; raw: string; hash: string }> = [];
      for (const p of reconciled) {
        const records = [
          ...p.actors.map((a) => { const h = actorHashes.get(a.value.id)?.hash; const status = h === undefined ? ('new' as const) : h === a.hash ? ('unchanged' as const) : ('changed' as const); return { id: a.value.id, kind: 'actor' as const, status, fields: status === 'changed' ? changedFields(previousActors.get(a.value.id), a.value) : [] }; }),
          ...p.incidents.map((i) => { const h = incidentHashes.get(i.value.id)?.hash; const status = h === undefined ? ('new' as const) : h === i.hash ? ('unchanged' as const) : ('changed' as const); return { id: i.value.id, kind: 'incident' as const, status, fields: status === 'changed' ? changedFields(previous.get(i.value.id), i.value) : [] }; }),
        ];
        const rawPrevious = rawHashes.get(p.unit.sourceId);
        const rawStatus = rawPrevious === undefined ? 'new' : rawPrevious === p.rawHash ? 'unchanged' : 'changed';
        const statuses = [rawStatus, ...records.map((r) => r.status)];
        const status: UnitStatus = statuses.every((s) => s === 'new') ? 'stored' : statuses.every((s) => s === 'unchanged') ? 'unchanged' : 'updated';
        counts[status] += 1;
        if (status === 'updated') changes.push({ sourceId: p.unit.sourceId, records });
        for (const a of p.actors) if (records.find((r) => r.id === a.value.id)?.status !== 'unchanged') toSaveActors.push(a.value);
        for (const i of p.incidents) if (records.find((r) => r.id === i.value.id)?.status !== 'unchanged') toSaveIncidents.push(i.value);
        if (rawStatus !== 'unchanged') toSaveRaw.push({ dataset: parsed.dataset, objectId: p.unit.sourceId, objectType: p.unit.sourceType, raw: p.unit.raw, hash: p.rawHash });
      }
      let batchId: number | null = null;
      const read = reconciled.length + drafts.drafted + drafts.alreadyDrafted + rejectedAll.length;
      if (!dryRun) {
        const startedAt = this.ctx.now().toISOString();
        batchId = await repos.batches.start('import', `${request.format}:${request.file}`, startedAt);
        for (const actor of toSaveActors) await repos.actors.save(actor, { origin: 'import', sourceFile: request.file, hash: contentHash(actor) });
        const incidentHashById = new Map(reconciled.flatMap((p) => p.incidents.map((i) => [i.value.id, i.hash] as const)));
        const total = toSaveIncidents.length + toSaveRaw.length;
        onProgress({ phase: 'writing', done: 0, total });
        for (let start = 0; start < toSaveIncidents.length; start += WRITE_STEP) {
          const part = toSaveIncidents.slice(start, start + WRITE_STEP);
          await repos.incidents.saveMany(part.map((incident) => ({ incident, meta: { origin: 'import', sourceFile: request.file, hash: incidentHashById.get(incident.id) ?? contentHash(incident) } })));
          onProgress({ phase: 'writing', done: start + part.length, total });
        }
        for (let start = 0; start < toSaveRaw.length; start += WRITE_STEP) {
          await repos.sourceObjects.saveMany(toSaveRaw.slice(start, start + WRITE_STEP), batchId);
          onProgress({ phase: 'writing', done: toSaveIncidents.length + Math.min(toSaveRaw.length, start + WRITE_STEP), total });
        }
        await repos.batches.quarantine(batchId, rejectedAll.map((r) => ({ sourceFile: request.file, locator: r.locator + (r.field === undefined ? '' : ` field ${r.field}`), recordKind: `${request.format} unit`, recordId: r.sourceId ?? null, reason: r.reason, raw: r.raw })), startedAt);
        if (plan !== undefined && draftOrigin !== null) await writeDrafts(repos, plan, { origin: draftOrigin, file: request.file, format: request.format, by, now: this.ctx.now() });
        // The batch row keeps its own invariant (read = stored + updated + unchanged + quarantined,
        // no migration for drafts); the audit entry below carries the drafted counts.
        await repos.batches.finish(batchId, { read: read - drafts.drafted - drafts.alreadyDrafted, ...counts, removed: 0, quarantined: rejectedAll.length }, rejectedAll.length > 0 ? 'finished-with-quarantine' : 'finished', this.ctx.now().toISOString());
        // One entry per import (units can number in the hundreds of thousands): the reconciliation,
        // and where to find the rest (the batch's quarantine, the raw units by dataset).
        await repos.audit.record({
          ...auditOrigin(by),
          action: 'import.run',
          entityType: 'import-batch',
          entityId: String(batchId),
          before: null,
          after: { dataset: parsed.dataset, version: parsed.version ?? null, format: request.format, file: basename(request.file), fileHash, read, ...counts, quarantined: rejectedAll.length, ...drafts },
        }, this.ctx.now());
      }
      return {
        batchId,
        file: request.file,
        format: request.format,
        dataset: parsed.dataset,
        version: parsed.version ?? null,
        fileHash,
        dryRun,
        read,
        ...counts,
        quarantined: rejectedAll.length,
        ...drafts,
        asDrafts: draftOrigin !== null,
        draftOrigin,
        records: { incidents: accepted.reduce((n, p) => n + p.incidents.length, 0), actors: accepted.reduce((n, p) => n + p.actors.length, 0) },
        changes,
        problems: rejectedAll.map((r) => ({ file: request.file, path: r.locator + (r.field === undefined ? '' : ` ${r.field}`), reason: r.reason })),
        warnings: parsed.warnings,
        notes: accepted.flatMap((p) => (p.unit.notes === undefined || p.unit.notes.length === 0 ? [] : [{ sourceId: p.unit.sourceId, notes: p.unit.notes }])),
      };
    };
    const report = dryRun ? await run(repositories(this.ctx)) : await inTransaction(this.ctx, run);
    if (report.read !== report.stored + report.updated + report.unchanged + report.quarantined + report.drafted + report.alreadyDrafted) throw new Error(`import counts do not reconcile: ${JSON.stringify(report)}`);
    // An import that changed nothing still evaluates what a killed earlier run left stale.
    const evaluate = !dryRun && (report.stored + report.updated > 0 || (await this.evaluation.hasStaleIncidents()));
    if (evaluate) onProgress({ phase: 'evaluating', done: 0, total: 0 });
    const evaluation = evaluate ? await this.evaluation.evaluate() : null;
    onProgress({ phase: 'done', done: report.read, total: report.read });
    this.ctx.logger.info({ import: { ...report, changes: report.changes.length, problems: report.problems.length } }, 'import finished');
    return { ...report, evaluation };
  }
}

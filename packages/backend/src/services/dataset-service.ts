import { formatProblem, type Problem } from '@pactwatch/domain';
import { checkDataset, type CheckedDataset, type CheckedRecord } from '../dataset/dataset-checker.js';
import { readDatasetFiles } from '../dataset/dataset-reader.js';
import { RecordValidator } from '../dataset/record-validator.js';
import type { Repositories } from '../repositories/index.js';
import type { StoredHash } from '../repositories/record-meta.js';
import { contentHash } from '../util/hash.js';
import { auditOrigin, cliAuditContext, type AuditContext } from './audit-context.js';
import { inTransaction, repositories, type ServiceContext } from './service-context.js';

export interface ValidationReport {
  readonly path: string;
  readonly read: number;
  readonly valid: number;
  readonly invalid: number;
  readonly problems: readonly Problem[];
}

/** Reconciliation of one load: read = stored + updated + unchanged + quarantined. */
export interface LoadReport {
  readonly batchId: number;
  readonly source: string;
  readonly read: number;
  readonly stored: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly quarantined: number;
  /** Curated records whose file is gone, deleted from the store (not part of `read`). */
  readonly removed: number;
  readonly problems: readonly Problem[];
}

interface Counter {
  stored: number;
  updated: number;
  unchanged: number;
  removed: number;
}

/** Which records of one kind a load created, updated or removed (ids only), for the audit entry. */
interface Touched {
  readonly created: string[];
  readonly updated: string[];
  readonly removed: string[];
}

function touched(): Touched {
  return { created: [], updated: [], removed: [] };
}

async function sync<T extends { id: string }>(
  records: readonly CheckedRecord<T>[],
  stored: Map<string, StoredHash>,
  keep: ReadonlySet<string>,
  save: (value: T, meta: { origin: string; sourceFile: string; hash: string }) => Promise<void>,
  remove: (id: string) => Promise<void>,
  counter: Counter,
  ids: Touched = touched(),
): Promise<void> {
  const present = new Set<string>();
  for (const record of records) {
    present.add(record.value.id);
    const hash = contentHash(record.value);
    const previous = stored.get(record.value.id);
    if (previous !== undefined && previous.hash === hash && previous.sourceFile === record.file && previous.origin === 'dataset') {
      counter.unchanged += 1;
      continue;
    }
    await save(record.value, { origin: 'dataset', sourceFile: record.file, hash });
    if (previous === undefined) {
      counter.stored += 1;
      ids.created.push(record.value.id);
    } else {
      counter.updated += 1;
      ids.updated.push(record.value.id);
    }
  }
  // A curated record whose file was deleted goes too; one whose file is now invalid stays as it
  // was (its new version is in quarantine), and imported or hand-entered records are never touched.
  for (const [id, previous] of stored) {
    if (previous.origin !== 'dataset' || present.has(id) || keep.has(id)) continue;
    await remove(id);
    counter.removed += 1;
    ids.removed.push(id);
  }
}

/** Validates and loads the curated dataset (data/). Loading is idempotent and all-or-nothing. */
export class DatasetService {
  constructor(private readonly ctx: ServiceContext) {}

  private async check(path: string): Promise<CheckedDataset> {
    const files = readDatasetFiles(path);
    const validator = new RecordValidator(this.ctx.config.dataDir);
    const knownActors = new Set((await repositories(this.ctx).actors.hashes()).keys());
    return checkDataset(files, validator, knownActors);
  }

  /** Checks files without touching the store. */
  async validate(path: string): Promise<ValidationReport> {
    const files = readDatasetFiles(path);
    const validator = new RecordValidator(this.ctx.config.dataDir);
    const checked = checkDataset(files, validator);
    const problems = checked.rejected.flatMap((r) => r.problems);
    return { path, read: checked.read, valid: checked.read - checked.rejected.length, invalid: checked.rejected.length, problems };
  }

  /**
   * Loads the dataset in one transaction. A load that changes the store writes one audit entry
   * (`dataset.load` on the batch) with the counts and the ids created, updated and removed per
   * kind; the records' before and after texts are not copied, since curated files are reviewed
   * and versioned in git. A load that changes nothing writes no entry.
   */
  async load(path: string = this.ctx.config.dataDir, by: AuditContext = cliAuditContext()): Promise<LoadReport> {
    const checked = await this.check(path);
    const startedAt = this.ctx.now().toISOString();
    const report = await inTransaction(this.ctx, async (repos: Repositories) => {
      const batchId = await repos.batches.start('dataset', path, startedAt);
      const counter: Counter = { stored: 0, updated: 0, unchanged: 0, removed: 0 };
      const ids = { group: touched(), actor: touched(), agreement: touched(), incident: touched(), 'context-event': touched() };
      const keep = (kind: string): Set<string> => new Set(checked.rejected.filter((r) => r.kind === kind && r.recordId !== null).map((r) => r.recordId ?? ''));
      await sync(checked.groups, await repos.groups.hashes(), keep('group'), (v, m) => repos.groups.save(v, m), (id) => repos.groups.delete(id), counter, ids.group);
      await sync(checked.actors, await repos.actors.hashes(), keep('actor'), (v, m) => repos.actors.save(v, m), (id) => repos.actors.delete(id), counter, ids.actor);
      await sync(checked.agreements, await repos.agreements.hashes(), keep('agreement'), (v, m) => repos.agreements.save(v, m), (id) => repos.agreements.delete(id), counter, ids.agreement);
      await sync(checked.incidents, await repos.incidents.hashes(), keep('incident'), (v, m) => repos.incidents.save(v, m), (id) => repos.incidents.delete(id), counter, ids.incident);
      await sync(checked.contextEvents, await repos.contextEvents.hashes(), keep('context-event'), (v, m) => repos.contextEvents.save(v, m), (id) => repos.contextEvents.delete(id), counter, ids['context-event']);
      await repos.batches.quarantine(
        batchId,
        checked.rejected.map((r) => ({
          sourceFile: r.file,
          locator: r.problems.map((p) => [p.line === undefined ? undefined : `line ${p.line}`, p.path].filter((x) => x !== undefined).join(' ')).join('; '),
          recordKind: r.kind,
          recordId: r.recordId,
          reason: r.problems.map(formatProblem).join('\n'),
          raw: r.raw,
        })),
        startedAt,
      );
      const counts = { read: checked.read, ...counter, quarantined: checked.rejected.length };
      await repos.batches.finish(batchId, counts, checked.rejected.length > 0 ? 'finished-with-quarantine' : 'finished', this.ctx.now().toISOString());
      if (counts.stored + counts.updated + counts.removed + counts.quarantined > 0) {
        const records = Object.fromEntries(Object.entries(ids).filter(([, t]) => t.created.length + t.updated.length + t.removed.length > 0));
        await repos.audit.record({ ...auditOrigin(by), action: 'dataset.load', entityType: 'import-batch', entityId: String(batchId), before: null, after: { source: path, ...counts, records } }, this.ctx.now());
      }
      return { batchId, source: path, ...counts };
    });
    if (report.read !== report.stored + report.updated + report.unchanged + report.quarantined) {
      throw new Error(`load counts do not reconcile: ${JSON.stringify(report)}`);
    }
    this.ctx.logger.info({ report }, 'dataset loaded');
    return { ...report, problems: checked.rejected.flatMap((r) => r.problems) };
  }
}

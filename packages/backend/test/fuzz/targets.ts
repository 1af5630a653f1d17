import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pactwatch } from '@pactwatch/backend';
import type { ImportReport } from '@pactwatch/domain';
import { parseFeed } from '../../src/feeds/feed-parser.js';
import { AGREEMENT_YAML } from '../helpers.js';
import type { FuzzTarget, Reconciliation } from './fuzz-harness.js';
import { CSV_MUTATORS, JSON_MUTATORS, mutate, TEXT_MUTATORS } from './mutators.js';
import type { Rng } from './prng.js';
import { readZip, writeZip } from './zip-archive.js';

function reconcileImport(report: ImportReport): Reconciliation {
  const written = report.stored + report.updated;
  return {
    read: report.read,
    accounted: report.stored + report.updated + report.unchanged + report.quarantined + report.drafted + report.alreadyDrafted,
    quarantined: report.quarantined,
    reasons: report.problems.map((p) => p.reason),
    // One `import.run` entry per import that is not a dry run.
    auditEntries: report.dryRun ? 0 : 1,
    label: report.read === 0 ? 'empty' : written > 0 ? 'stored' : report.quarantined > 0 ? 'quarantined' : 'unchanged',
  };
}

interface ImportTargetSpec {
  readonly name: string;
  readonly format: string;
  readonly fileName: string;
  readonly seeds: readonly Buffer[];
  readonly mutators: FuzzTarget['mutators'];
  readonly mapping?: string;
  readonly mutate?: FuzzTarget['mutate'];
}

/** A format's importer run through the real ImportService on the workspace's store. */
export function importTarget(app: Pactwatch, spec: ImportTargetSpec): FuzzTarget {
  return {
    ...spec,
    db: app.db,
    async run(input, fileName) {
      const report = await app.imports.import({ file: `/fuzz/${fileName}`, format: spec.format, bytes: input, ...(spec.mapping === undefined ? {} : { mapping: spec.mapping }) });
      return reconcileImport(report);
    },
  };
}

/** The user mapping YAML is input too (sent with an upload): fuzz it over a fixed sheet. */
export function mappingTarget(app: Pactwatch, sheet: Buffer, mapping: Buffer): FuzzTarget {
  return {
    name: 'csv user mapping',
    fileName: 'own.csv',
    source: 'mapping',
    seeds: [mapping],
    mutators: TEXT_MUTATORS,
    db: app.db,
    async run(input) {
      const report = await app.imports.import({ file: '/fuzz/own.csv', format: 'csv', bytes: sheet, mapping: 'mapping.yaml', mappingText: input.toString('utf8') });
      return reconcileImport(report);
    },
  };
}

/** Mutates one entry of the workbook (the sheet, shared strings, styles) and rezips it honestly. */
export function mutateXlsxEntry(seed: Buffer, rng: Rng): Buffer {
  const entries = readZip(seed);
  const index = rng.int(entries.length);
  return writeZip(entries.map((e, i) => (i === index || (e.name.includes('sheet') && rng.chance(0.5)) ? { name: e.name, data: mutate(e.data, TEXT_MUTATORS, rng) } : e)));
}

export function xlsxTarget(app: Pactwatch, workbook: Buffer): FuzzTarget {
  return importTarget(app, { name: 'xlsx (cfr preset)', format: 'xlsx', mapping: 'cfr', fileName: 'fuzz.xlsx', seeds: [workbook], mutators: TEXT_MUTATORS, mutate: mutateXlsxEntry });
}

export function csvTarget(app: Pactwatch, csv: string): FuzzTarget {
  return importTarget(app, { name: 'csv (cfr preset)', format: 'csv', mapping: 'cfr', fileName: 'fuzz.csv', seeds: [Buffer.from(csv)], mutators: CSV_MUTATORS });
}

export function jsonTargets(app: Pactwatch, seeds: { stix: readonly string[]; misp: string; native: string }): FuzzTarget[] {
  return [
    importTarget(app, { name: 'stix 2.1 bundle', format: 'stix', fileName: 'fuzz-bundle.json', seeds: seeds.stix.map((s) => Buffer.from(s)), mutators: JSON_MUTATORS }),
    importTarget(app, { name: 'misp galaxy clusters', format: 'misp-galaxy', fileName: 'threat-actor.json', seeds: [Buffer.from(seeds.misp)], mutators: JSON_MUTATORS }),
    importTarget(app, { name: 'native json', format: 'json', fileName: 'fuzz-export.json', seeds: [Buffer.from(seeds.native)], mutators: JSON_MUTATORS }),
  ];
}

/** The curated-dataset loader: one agreement and a fuzzed incident file. */
export function datasetTarget(app: Pactwatch, dir: string, seed: string): FuzzTarget {
  mkdirSync(join(dir, 'agreements'), { recursive: true });
  mkdirSync(join(dir, 'incidents'), { recursive: true });
  writeFileSync(join(dir, 'agreements', 'us-cn-test.yaml'), AGREEMENT_YAML);
  return {
    name: 'dataset yaml',
    // The file is named after the seed's id: a curated record's id must match its file name.
    fileName: 'fuzz-yaml-incident.yaml',
    seeds: [Buffer.from(seed)],
    mutators: TEXT_MUTATORS,
    db: app.db,
    async run(input, fileName) {
      writeFileSync(join(dir, 'incidents', fileName), input);
      const report = await app.dataset.load(dir);
      const changed = report.stored + report.updated + report.removed + report.quarantined > 0;
      return {
        read: report.read,
        accounted: report.stored + report.updated + report.unchanged + report.quarantined,
        quarantined: report.quarantined,
        // A record may carry several problems: at least one reason per quarantined record.
        reasons: report.problems.map((p) => p.reason).slice(0, report.quarantined),
        auditEntries: changed ? 1 : 0,
        label: report.quarantined > 0 ? 'quarantined' : report.stored + report.updated > 0 ? 'stored' : 'unchanged',
      };
    },
  };
}

/** The RSS/Atom parser (pure): items or FEED_MALFORMED naming the feed. */
export function feedTarget(seeds: readonly string[]): FuzzTarget {
  const url = 'http://127.0.0.1:9/fuzz-feed.xml';
  return {
    name: 'feed parser',
    fileName: 'fuzz-feed.xml',
    source: url,
    seeds: seeds.map((s) => Buffer.from(s)),
    mutators: TEXT_MUTATORS,
    async run(input) {
      const feed = parseFeed(input.toString('utf8'), url);
      return { read: feed.items.length, accounted: feed.items.length, quarantined: 0, reasons: [], label: `parsed:${feed.kind}` };
    },
  };
}

import { PactwatchError, stixBundleJson, toStixBundle } from '@pactwatch/domain';
import { toIncidentFilter, type IncidentQuery } from '../services/query-service.js';
import { inTransaction, type ServiceContext } from '../services/service-context.js';
import { selectForExport } from './export-selection.js';
import { incidentsCsv } from './incident-csv.js';
import { nativeDataset, nativeDatasetJson } from './native-dataset.js';

export { INCIDENT_CSV_COLUMNS } from './incident-csv.js';
export { NATIVE_FORMAT, NATIVE_VERSION, toAgreementRecord, type NativeDataset } from './native-dataset.js';

export const EXPORT_FORMATS = ['stix', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportRequest {
  readonly format: ExportFormat;
  /** One agreement and what it needs; all records when omitted. */
  readonly agreementId?: string;
  /** Only the incidents matching these filters (the same as the incident list's), with what they need. */
  readonly incidents?: IncidentQuery;
}

export interface ExportResult {
  readonly format: ExportFormat;
  /** The file's text, byte-identical for an unchanged store. */
  readonly text: string;
  /** What went in, by kind ("objects" for a STIX bundle, "rows" for CSV). */
  readonly counts: Readonly<Record<string, number>>;
}

/**
 * Exports the store as a STIX 2.1 bundle, incidents as CSV, or the native dataset JSON. Reads
 * one snapshot (a single read transaction), never the clock: the same store always gives the
 * same bytes.
 */
export class ExportService {
  constructor(private readonly ctx: ServiceContext) {}

  async export(request: ExportRequest): Promise<ExportResult> {
    if (!(EXPORT_FORMATS as readonly string[]).includes(request.format)) throw new PactwatchError('USAGE', `--format must be one of ${EXPORT_FORMATS.join(', ')}, got "${request.format}"`);
    const filter = request.incidents === undefined ? undefined : toIncidentFilter(request.incidents);
    const selection = await inTransaction(this.ctx, (repos) => selectForExport(repos, request.agreementId, filter), { readOnly: true });
    const records = { agreements: selection.agreements.length, incidents: selection.incidents.length, actors: selection.actors.length };
    let result: ExportResult;
    if (request.format === 'stix') {
      const bundle = toStixBundle(selection);
      result = { format: 'stix', text: stixBundleJson(bundle), counts: { objects: bundle.objects.length, ...records, findings: selection.findings.length } };
    } else if (request.format === 'csv') {
      result = { format: 'csv', text: incidentsCsv(selection.incidents), counts: { rows: selection.incidents.length } };
    } else {
      result = { format: 'json', text: nativeDatasetJson(nativeDataset(selection)), counts: { ...records, groups: selection.groups.length, contextEvents: selection.contextEvents.length } };
    }
    this.ctx.logger.info({ export: { format: result.format, agreement: request.agreementId ?? null, counts: result.counts, bytes: result.text.length } }, 'export finished');
    return result;
  }
}

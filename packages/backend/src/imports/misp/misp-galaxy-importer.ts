import type { Importer, ImportUnit, RejectedUnit } from '../import-types.js';
import { actorGalaxy } from './misp-actor-galaxies.js';
import { mapClusterValue, type ValueFinding } from './misp-actor-mapping.js';
import { readClusterFile } from './misp-cluster-file.js';

const LISTED_IN_WARNING = 12;

/**
 * One warning per field with values that did not normalise, so they show in the import report
 * (unit notes are per cluster); the values themselves stay in the raw units.
 */
function summarise(findings: readonly ValueFinding[]): string[] {
  const byField = new Map<string, Map<string, ValueFinding['outcome']>>();
  for (const f of findings) {
    if (f.outcome === 'state' || f.outcome === 'mapped') continue;
    const values = byField.get(f.field) ?? new Map<string, ValueFinding['outcome']>();
    values.set(f.input, f.outcome);
    byField.set(f.field, values);
  }
  return [...byField.entries()].sort(([a], [b]) => a.localeCompare(b)).flatMap(([field, values]) => {
    const lines: string[] = [];
    for (const [outcome, wording] of [['ambiguous', 'ambiguous (several model terms kept as candidates)'], ['unmapped', 'unmapped (listed with a reason)'], ['unknown', 'unmapped (not in any table)']] as const) {
      const list = [...values.entries()].filter(([, o]) => o === outcome).map(([input]) => `'${input}'`);
      if (list.length === 0) continue;
      const shown = list.slice(0, LISTED_IN_WARNING).join(', ');
      lines.push(`${field}: ${list.length} distinct value${list.length === 1 ? '' : 's'} ${wording}, kept in the raw units: ${shown}${list.length > LISTED_IN_WARNING ? `, … (${list.length - LISTED_IN_WARNING} more)` : ''}`);
    }
    return lines;
  });
}

/**
 * `--format misp-galaxy`: a MISP galaxy cluster file of threat actors. Each cluster value is one
 * unit (source id: its uuid) mapped to one Actor; the dataset is `misp-galaxy:<type>` at the file's
 * version, so a newer version of the file updates actors by uuid. See docs/IMPORT-MISP.md.
 */
export const mispGalaxyImporter: Importer = {
  format: 'misp-galaxy',
  parse: async ({ path, bytes, mapping }) => {
    const file = readClusterFile(path, bytes);
    const galaxy = actorGalaxy(path, file.type);
    const units: ImportUnit[] = [];
    const rejected: RejectedUnit[] = [];
    const findings: ValueFinding[] = [];
    for (const [index, value] of file.values.entries()) {
      const mapped = mapClusterValue(value, index, galaxy);
      if (mapped.kind === 'rejected') rejected.push(mapped.rejected);
      else {
        units.push(mapped.unit);
        findings.push(...mapped.findings);
      }
    }
    const warnings = [
      ...(mapping === undefined ? [] : [`--mapping "${mapping}" is ignored: misp-galaxy files have one fixed mapping`]),
      ...(file.version === undefined ? ['the file has no "version": a later import cannot tell a newer file from an older one'] : []),
      ...summarise(findings),
    ];
    return { dataset: `misp-galaxy:${galaxy.type}`, ...(file.version === undefined ? {} : { version: file.version }), units, rejected, warnings };
  },
};

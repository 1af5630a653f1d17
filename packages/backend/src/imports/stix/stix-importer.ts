import type { ImportInput, Importer, ParsedImport } from '../import-types.js';
import { datasetName } from './attack-dataset.js';
import { decodeJsonText, parseJsonText } from './json-text.js';
import { isPactwatchBundle, PACTWATCH_STIX_DATASET } from './pactwatch-bundle.js';
import { buildPactwatchUnits } from './pactwatch-units.js';
import { readBundle } from './stix-bundle.js';
import { checkObjects } from './stix-checks.js';
import { StixGraph } from './stix-graph.js';
import { locateSchemas, schemaValidator, SCHEMAS_ENV, type SchemaLocation, type StixSchemaValidator } from './stix-schemas.js';
import { buildUnits } from './stix-units.js';

export interface StixImporterOptions {
  /** Folder of the OASIS schemas; `null` for structural checks only; unset: $PACTWATCH_STIX_SCHEMAS or the default beside the repository. */
  readonly schemasDir?: string | null;
  readonly env?: NodeJS.ProcessEnv;
}

function schemas(options: StixImporterOptions): { validator?: StixSchemaValidator; warning?: string } {
  const location: SchemaLocation | undefined = options.schemasDir === null ? undefined : options.schemasDir === undefined ? locateSchemas(options.env ?? process.env) : { dir: options.schemasDir, origin: 'option' };
  const validator = location === undefined ? undefined : schemaValidator(location);
  if (validator !== undefined) return { validator };
  const where = location === undefined ? 'no schema folder was given' : `none found at ${location.dir}`;
  return { warning: `STIX 2.1 JSON schemas not available (${where}; set ${SCHEMAS_ENV}): objects were checked structurally only (type, id, extension keys), not against the OASIS schemas` };
}

/** Parsed once; the decoded text (as large as the file, twice over in UTF-16) is garbage as soon as this returns. */
function parseFile(input: ImportInput): { value: unknown; warnings: string[] } {
  const { text, skippedBytes, warnings } = decodeJsonText(input.bytes, input.path);
  return { value: parseJsonText(text, input.path, skippedBytes), warnings };
}

async function parseStix(input: ImportInput, options: StixImporterOptions): Promise<ParsedImport> {
  const file = parseFile(input);
  const bundle = readBundle(file.value, input.path);
  const { validator, warning } = schemas(options);
  const { live, raws, rejected } = checkObjects(bundle.objects, validator);
  const readWarnings = [...file.warnings, ...bundle.warnings, ...(warning === undefined ? [] : [warning])];
  if (isPactwatchBundle(live)) {
    // pactwatch's own export: its records come back with their own ids, so the round trip is exact.
    const own = buildPactwatchUnits(live, raws);
    return { dataset: PACTWATCH_STIX_DATASET, ids: 'native', units: own.units, rejected: [...rejected, ...own.rejected], warnings: [...readWarnings, ...own.warnings] };
  }
  // Indexed once: every chain lookup below is a map read, never a scan of the relationships.
  const graph = new StixGraph(live);
  const name = datasetName(bundle.id, live, input.path);
  const { units, warnings } = buildUnits(live, raws, graph, { dataset: name.dataset, attack: name.attackDomain !== undefined });
  return {
    dataset: name.dataset,
    ...(name.version === undefined ? {} : { version: name.version }),
    units,
    rejected,
    warnings: [...readWarnings, ...name.warnings, ...warnings],
  };
}

/** Reads STIX 2.1 bundles (MITRE ATT&CK releases and pactwatch's own exports too) as import units; see docs/IMPORT-STIX.md. */
export function createStixImporter(options: StixImporterOptions = {}): Importer {
  return { format: 'stix', parse: (input) => parseStix(input, options) };
}

export const stixImporter: Importer = createStixImporter();

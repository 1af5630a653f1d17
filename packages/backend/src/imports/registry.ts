import type { Importer } from './import-types.js';
import { mispGalaxyImporter } from './misp/misp-galaxy-importer.js';
import { jsonImporter } from './native/json-importer.js';
import { stixImporter } from './stix/stix-importer.js';
import { csvImporter, xlsxImporter } from './tabular/tabular-importer.js';

/** The import formats, by the name `--format` takes. */
export function defaultImporters(): ReadonlyMap<string, Importer> {
  return new Map([stixImporter, mispGalaxyImporter, csvImporter, xlsxImporter, jsonImporter].map((i) => [i.format, i] as const));
}

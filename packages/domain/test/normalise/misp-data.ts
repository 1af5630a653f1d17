import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared, read-only MISP galaxy clusters; tests skip only when the folder is absent. */
export const CLUSTERS_DIR = fileURLToPath(new URL('../../../../../shared/data/misp-galaxy/clusters/', import.meta.url));
export const HAVE_CLUSTERS = existsSync(CLUSTERS_DIR);

interface ClusterValue {
  readonly value: string;
  readonly meta?: Record<string, unknown>;
}

/** Every distinct string a meta key holds across a cluster file (strings and lists alike). */
export function distinctMetaValues(file: string, key: string): string[] {
  const parsed = JSON.parse(readFileSync(`${CLUSTERS_DIR}${file}`, 'utf8')) as { values: ClusterValue[] };
  const found = new Set<string>();
  for (const value of parsed.values) {
    const field = value.meta?.[key];
    for (const item of typeof field === 'string' ? [field] : Array.isArray(field) ? field : []) if (typeof item === 'string') found.add(item);
  }
  return [...found].sort();
}

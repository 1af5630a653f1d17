import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * sha256 (first 16 hex) of the built JavaScript under `paths` (folders walked in name order, or
 * single files), relative to `root`: benchmarks record it because other work rebuilds dist while
 * they run, and a changed hash says the servers ran other code.
 */
export function builtCodeHash(root, paths) {
  const hash = createHash('sha256');
  const add = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) add(join(path, entry));
    } else if (path.endsWith('.js')) {
      hash.update(path.slice(root.length)).update(readFileSync(path));
    }
  };
  for (const path of paths) add(join(root, path));
  return hash.digest('hex').slice(0, 16);
}

import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { PactwatchError } from '@pactwatch/domain';
import { SQLITE_MAGIC } from './backup-format.js';

function reasonOf(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : error instanceof Error ? error.message : String(error);
}

/** Checks a backup target before any work: a file name (not a folder), in a folder that exists, new unless forced. */
export function backupTarget(file: string, force: boolean): string {
  if (file.trim() === '') throw new PactwatchError('USAGE', 'backup needs a file name');
  const target = resolve(file);
  if (file.endsWith('/') || file.endsWith('\\') || (existsSync(target) && statSync(target).isDirectory())) {
    throw new PactwatchError('FILE_ERROR', `${file}: is a folder; give a file name such as ${join(file, 'pactwatch.backup')}`);
  }
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new PactwatchError('FILE_ERROR', `${file}: folder ${folder} does not exist; create it first`);
  if (existsSync(target) && !force) throw new PactwatchError('FILE_ERROR', `${file}: already exists; pass --force to replace it`);
  return target;
}

/**
 * A new, empty file beside the target (the rename onto it is atomic on one file system). Its name
 * is random and it is created with O_EXCL (`wx`), so a file or symbolic link planted under a
 * guessable name is never written through (the same rule as the CLI's atomic-file.ts).
 */
function createTemporaryBeside(target: string): string {
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temporary, '', { flag: 'wx' });
  return temporary;
}

/** Writes into a temporary file beside the target, then renames: the target is whole or untouched. */
export async function writeAtomically(target: string, write: (temporary: string) => Promise<void> | void): Promise<void> {
  let temporary: string | undefined;
  try {
    temporary = createTemporaryBeside(target);
    await write(temporary);
    renameSync(temporary, target);
    temporary = undefined;
  } catch (error) {
    if (error instanceof PactwatchError) throw error;
    throw new PactwatchError('FILE_ERROR', `${target}: could not write the backup (${reasonOf(error)})`, { cause: error });
  } finally {
    // Only what this call created is removed, with SQLite's -wal/-shm companions of the copy.
    if (temporary !== undefined) for (const path of [temporary, `${temporary}-wal`, `${temporary}-shm`]) rmSync(path, { force: true });
  }
}

export function writeTextAtomically(target: string, text: string): Promise<void> {
  return writeAtomically(target, (temporary) => writeFileSync(temporary, text, 'utf8'));
}

/** What a backup file is: a SQLite database (by its header) or anything else, read as a JSON backup. */
export function backupFileKind(file: string): 'sqlite' | 'json' {
  const target = resolve(file);
  if (!existsSync(target)) throw new PactwatchError('FILE_ERROR', `${file}: no such file`);
  if (statSync(target).isDirectory()) throw new PactwatchError('FILE_ERROR', `${file}: is a folder, not a backup file`);
  const head = Buffer.alloc(16);
  const fd = openSync(target, 'r');
  try {
    const n = readSync(fd, head, 0, 16, 0);
    return n === 16 && head.toString('latin1') === SQLITE_MAGIC ? 'sqlite' : 'json';
  } finally {
    closeSync(fd);
  }
}

export function readBackupText(file: string): string {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw new PactwatchError('FILE_ERROR', `${file}: cannot read (${reasonOf(error)})`, { cause: error });
  }
}

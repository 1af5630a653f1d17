import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { PactwatchError } from '@pactwatch/domain';
import { contentHash } from './feed-parser.js';
import type { SourceItem } from './feed-types.js';
import { htmlTitle, htmlToText, stripControls } from './plain-text.js';

/** File kinds the offline source reads; anything else in the folder is listed as skipped. */
export const FOLDER_EXTENSIONS = ['.html', '.htm', '.txt', '.md'] as const;
/** Bounds on a folder walk, so a mistaken path (a home folder) fails clearly instead of reading everything. */
const MAX_FILES = 10_000;
const MAX_DEPTH = 8;

export interface FolderRead {
  readonly items: readonly SourceItem[];
  /** Files that are not items (other extensions, too deep), with the reason. */
  readonly skipped: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

function markdownTitle(text: string): string | undefined {
  const heading = /^#{1,6}[ \t]+(.+)$/m.exec(text)?.[1];
  return heading?.trim();
}

function firstLine(text: string): string | undefined {
  return text.split('\n').map((l) => l.trim()).find((l) => l !== '');
}

/** Markdown as plain text: headings, emphasis and link markup removed, the words kept. */
function markdownText(text: string): string {
  return text
    .replace(/^#{1,6}[ \t]+/gm, '')
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, '$1')
    .replace(/[*`]+/g, '');
}

async function walk(root: string, dir: string, depth: number, files: string[], skipped: Array<{ path: string; reason: string }>): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const rel = relative(root, path).split(sep).join('/');
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      if (depth >= MAX_DEPTH) skipped.push({ path: rel, reason: `deeper than ${MAX_DEPTH} folders` });
      else await walk(root, path, depth + 1, files, skipped);
    } else if (!entry.isFile()) {
      skipped.push({ path: rel, reason: 'not a regular file' });
    } else if (!(FOLDER_EXTENSIONS as readonly string[]).includes(extname(entry.name).toLowerCase())) {
      skipped.push({ path: rel, reason: `not ${FOLDER_EXTENSIONS.join(', ')}` });
    } else {
      if (files.length >= MAX_FILES) throw new PactwatchError('FILE_ERROR', `the folder ${root} holds more than ${MAX_FILES} readable files; point the source at a smaller folder`);
      files.push(path);
    }
  }
}

/**
 * Reads a folder of saved pages and text files as feed items (offline work). A file's key is its
 * relative path plus its content hash, so an edited file is a new item and an unchanged one is not.
 */
export async function readFolder(folder: string, maxBytes: number): Promise<FolderRead> {
  try {
    if (!(await stat(folder)).isDirectory()) throw new PactwatchError('FILE_ERROR', `the feed folder ${folder} is not a folder`);
  } catch (error) {
    if (error instanceof PactwatchError) throw error;
    throw new PactwatchError('FILE_ERROR', `the feed folder ${folder} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const files: string[] = [];
  const skipped: Array<{ path: string; reason: string }> = [];
  await walk(folder, folder, 0, files, skipped);
  const items: SourceItem[] = [];
  for (const path of files) {
    const rel = relative(folder, path).split(sep).join('/');
    const size = (await stat(path)).size;
    if (size > maxBytes) {
      // Still an item: recorded as rejected with the reason, never silently left out.
      const hash = contentHash(rel, String(size));
      items.push({ key: `${rel}#size-${size}`, title: rel, link: undefined, published: undefined, text: '', contentHash: hash, problem: `the file is ${size} bytes, over the ${maxBytes}-byte cap (PACTWATCH_FEED_MAX_MB)` });
      continue;
    }
    const raw = stripControls((await readFile(path)).toString('utf8').replace(/^\uFEFF/, ''));
    const hash = contentHash(raw);
    const ext = extname(path).toLowerCase();
    const html = ext === '.html' || ext === '.htm';
    const text = html ? htmlToText(raw) : ext === '.md' ? markdownText(raw).trim() : raw.trim();
    const title = (html ? htmlTitle(raw) : ext === '.md' ? markdownTitle(raw) : firstLine(raw)) ?? rel;
    items.push({ key: `${rel}#${hash}`, title, link: undefined, published: undefined, text, contentHash: hash });
  }
  return { items, skipped };
}

import type { UnzipFile, UnzipFileInfo } from 'fflate';
import { formatNumber, t, tn } from '../i18n';
import { capLine } from '../infra/limits';
import { ImportError } from './errors';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB } from './format';

/** More entries than any export we read holds (Pocket: one CSV per 10,000 saves), few enough to list. */
export const MAX_ZIP_ENTRIES = 1_000;
/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most about 1,032 times, so
 * one step of a bomb makes at most ~17 MB before its entry's count is checked against what it declared.
 */
const ZIP_STEP_BYTES = 16 * 1024;
/** How often the progress bar moves while a zip inflates: a message to the page each time. */
const PROGRESS_BYTES = 64 * ZIP_STEP_BYTES;
/** A name as the preview shows it: zip names may be 65,535 bytes long. */
const ZIP_NAME_CHARS = 200;

/** The extensions of files the import may read (a file without one is looked at too). */
const READABLE = /\.(json|csv|html?|txt)$/i;

/** A file inside a zip, unpacked and decoded. */
export interface ZipText {
  name: string;
  text: string;
}

/** A file of the zip that was not imported, and why (a sentence in the user's language). */
export interface ZipSkip {
  name: string;
  reason: string;
}

/** What the preview says about a zip: which of its files were read, which not and why. */
export interface ArchiveSummary {
  files: string[];
  skipped: ZipSkip[];
}

export interface OpenedZip {
  entries: ZipText[];
  skipped: ZipSkip[];
}

type Fflate = typeof import('fflate');

const mb = (bytes: number) => Math.ceil(bytes / (1024 * 1024));

/** A zip's first bytes: a local file header, or the end record of an empty archive. */
export function looksLikeZip(head: Uint8Array): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
}

/** By its bytes (a Pocket download may lose its name's extension), or by a name ending in .zip. */
export async function isZipFile(file: Blob, fileName = ''): Promise<boolean> {
  if (/\.zip$/i.test(fileName)) return true;
  try {
    return looksLikeZip(new Uint8Array(await file.slice(0, 4).arrayBuffer()));
  } catch {
    return false;
  }
}

/** The zip's bytes, refusing one over the size limit before reading a byte of it. */
export async function readZipBytes(file: Blob): Promise<Uint8Array> {
  if (file.size > MAX_IMPORT_BYTES)
    throw new ImportError('too-large', t('backupErrorTooLarge', mb(file.size), MAX_IMPORT_MB));
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new ImportError('unreadable', t('backupErrorUnreadable'));
  }
}

/** macOS's resource forks and hidden files travel in zips; nobody means to import them. */
function ignored(name: string): boolean {
  if (name.endsWith('/')) return true;
  if (/(^|\/)__MACOSX\//.test(name)) return true;
  return (name.split('/').pop() ?? '').startsWith('.');
}

const shown = (name: string) => capLine(name, ZIP_NAME_CHARS);

/**
 * The central directory, read without inflating anything: the entries' names and declared sizes.
 * Refuses a damaged zip, one of too many entries, one that would unpack past the import's limit,
 * and one holding another zip.
 */
function listEntries(fflate: Fflate, bytes: Uint8Array, limit: number): UnzipFileInfo[] {
  const listed: UnzipFileInfo[] = [];
  let count = 0;
  try {
    fflate.unzipSync(bytes, {
      filter(file) {
        // A directory may claim millions of entries: stop reading it at the first one too many.
        if (++count > MAX_ZIP_ENTRIES) throw new RangeError('too many entries');
        listed.push({ ...file });
        return false;
      },
    });
  } catch {
    if (count <= MAX_ZIP_ENTRIES) throw new ImportError('zip-damaged', t('zipErrorDamaged'));
    throw new ImportError('zip-too-many', t('zipErrorTooMany', formatNumber(MAX_ZIP_ENTRIES)));
  }
  const total = listed.reduce((sum, file) => sum + file.originalSize, 0);
  if (total > limit) throw new ImportError('too-large', t('zipErrorTooLarge', mb(total), mb(limit)));
  const nested = listed.find((file) => !ignored(file.name) && /\.zip$/i.test(file.name));
  if (nested) throw new ImportError('zip-nested', t('zipErrorNested', shown(nested.name)));
  return listed;
}

/**
 * Unpack the readable entries, each held to the size its directory entry declared: one that
 * inflates past it is a bomb, and the archive is refused there.
 */
function inflateEntries(
  fflate: Fflate,
  bytes: Uint8Array,
  declared: Map<string, number[]>,
  onProgress?: (done: number, total: number) => void,
): ZipText[] {
  const entries: ZipText[] = [];
  let refused: ImportError | null = null;
  const refuse = (error: ImportError) => {
    refused ??= error;
  };
  const unzip = new fflate.Unzip((file: UnzipFile) => {
    const bound = declared.get(file.name)?.shift();
    if (bound === undefined) return; // Not in the directory, or not wanted: never inflated.
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (refused) return;
      if (error) return refuse(new ImportError('zip-damaged', t('zipErrorDamaged')));
      size += chunk.length;
      if (size > bound) {
        file.terminate();
        return refuse(new ImportError('zip-bomb', tn('zipErrorBomb', bound, shown(file.name), formatNumber(bound))));
      }
      if (chunk.length) chunks.push(chunk);
      const first = chunks[0];
      if (first && first.length >= 4 && chunks.length === 1 && looksLikeZip(first))
        return refuse(new ImportError('zip-nested', t('zipErrorNested', shown(file.name))));
      if (final) entries.push({ name: file.name, text: decode(chunks, size) });
    };
    file.start();
  });
  unzip.register(fflate.UnzipInflate);
  for (let at = 0; at < bytes.length && !refused; at += ZIP_STEP_BYTES) {
    const end = Math.min(at + ZIP_STEP_BYTES, bytes.length);
    try {
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    } catch {
      refuse(new ImportError('zip-damaged', t('zipErrorDamaged')));
    }
    if (end === bytes.length || end % PROGRESS_BYTES === 0) onProgress?.(end, bytes.length);
  }
  if (refused) throw refused;
  return entries;
}

function decode(chunks: Uint8Array[], size: number): string {
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return new TextDecoder().decode(whole);
}

/**
 * Open a zip the user chose: bounds from its directory first (entries, declared total, no zip in
 * it), then only the readable entries inflated, each within what it declared. Directories,
 * `__MACOSX/` and hidden files are passed over; other kinds of file are reported as skipped.
 * fflate loads here, only when a zip is chosen.
 */
export async function openZip(
  bytes: Uint8Array,
  onProgress?: (done: number, total: number) => void,
  limit = MAX_IMPORT_BYTES,
): Promise<OpenedZip> {
  const fflate = await import('fflate');
  const listed = listEntries(fflate, bytes, limit);
  const declared = new Map<string, number[]>();
  const skipped: ZipSkip[] = [];
  const order: string[] = [];
  for (const file of listed) {
    if (ignored(file.name)) continue;
    if (!READABLE.test(file.name) && /\.[^/.]+$/.test(file.name)) {
      skipped.push({ name: shown(file.name), reason: t('zipSkipUnsupported') });
      continue;
    }
    declared.set(file.name, [...(declared.get(file.name) ?? []), file.originalSize]);
    order.push(file.name);
  }
  const entries = order.length ? inflateEntries(fflate, bytes, declared, onProgress) : [];
  // The archive's order, which is Pocket's part order.
  const rank = new Map(order.map((name, i) => [name, i]));
  entries.sort((a, b) => (rank.get(a.name) ?? 0) - (rank.get(b.name) ?? 0));
  return { entries, skipped };
}

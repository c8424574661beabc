import { t } from '../i18n';
import { capLine } from '../infra/limits';
import { ImportError, isImportError } from './errors';
import { MAX_LINK_FILE_BYTES } from './format';
import {
  checkLinksAsync,
  detectImport,
  type PreparedImport,
  prepareImportAsync,
  type ProgressListener,
  readLinkFile,
} from './import';
import type { ParsedLinks } from './links';
import { type ArchiveSummary, openZip, readZipBytes, type ZipSkip, type ZipText } from './zip';
import { tooLargeError } from './parse';

/**
 * The links of all a zip's files together: Pocket's 10,000-row parts are one export. Each file is
 * held to its own kind's cap as if chosen alone; this caps them together (Pocket: 100,000 saves ≈
 * 15 MB of CSV).
 */
export const MAX_ZIP_LINK_BYTES = 4 * MAX_LINK_FILE_BYTES.csv;

/** How many of a zip's refusals the message names; the preview lists them all. */
const NAMED_REASONS = 3;

/**
 * What a chosen zip holds, ready for the preview; or, when it holds bookmark files, those texts
 * for the page to read (its HTML parser is the browser's) and the other files' links to join them.
 */
export type PreparedZip =
  | { kind: 'ready'; prepared: PreparedImport; archive: ArchiveSummary }
  | { kind: 'needs-page'; pages: string[]; links: ParsedLinks | null; archive: ArchiveSummary };

/**
 * One list of links from several files, in the zip's order: positions run on from one file to the
 * next, as rows of one export do, so a skipped entry and a duplicate's first place stay distinct.
 */
export function joinLinks(parts: readonly ParsedLinks[]): ParsedLinks {
  // Mixed files are named after the first: the preview lists every file the links came from.
  const source = parts[0]?.source ?? 'urls';
  const entries: ParsedLinks['entries'] = [];
  let offset = 0;
  for (const part of parts) {
    let last = 0;
    for (const entry of part.entries) {
      entries.push({ ...entry, position: entry.position + offset });
      last = Math.max(last, entry.position);
    }
    offset += last;
  }
  return { source, entries };
}

interface Sorted {
  backups: { name: string; prepared: PreparedImport }[];
  links: { name: string; links: ParsedLinks }[];
  others: { name: string; prepared: PreparedImport }[];
  pages: ZipText[];
  failed: ZipSkip[];
  errors: ImportError[];
}

const shown = (name: string) => capLine(name, 200);

/** A file's refusal as a reason beside its name: the zip's other files may still be imported. */
function fileReason(error: ImportError): string {
  return error.message.replace(t('backupNothingImported'), '').trim();
}

/** Each file as if chosen alone: the same detection and reading, a refusal kept as that file's reason. */
async function sortEntries(entries: ZipText[], now: number): Promise<Sorted> {
  const sorted: Sorted = { backups: [], links: [], others: [], pages: [], failed: [], errors: [] };
  let linkBytes = 0;
  for (const entry of entries) {
    try {
      const kind = detectImport(entry.text, entry.name);
      if (kind !== 'json') {
        linkBytes += entry.text.length;
        if (linkBytes > MAX_ZIP_LINK_BYTES) throw tooLargeError(linkBytes, MAX_ZIP_LINK_BYTES);
      }
      if (kind === 'html') {
        sorted.pages.push(entry);
        continue;
      }
      if (kind === 'csv' || kind === 'urls') {
        sorted.links.push({ name: entry.name, links: await readLinkFile(kind, entry.text, now) });
        continue;
      }
      const prepared = await prepareImportAsync(entry.text, entry.name, undefined, now, kind);
      if (prepared.kind === 'backup') sorted.backups.push({ name: entry.name, prepared });
      else if (prepared.kind === 'links') sorted.links.push({ name: entry.name, links: prepared.links });
      else sorted.others.push({ name: entry.name, prepared });
    } catch (error) {
      if (!isImportError(error) || error.code === 'too-large') throw error;
      sorted.failed.push({ name: shown(entry.name), reason: fileReason(error) });
      sorted.errors.push(error);
    }
  }
  return sorted;
}

const aside = (names: string[], reason: string): ZipSkip[] => names.map((name) => ({ name: shown(name), reason }));

/** Nothing importable: say why, naming the files' own reasons. */
function nothingToImport(entries: ZipText[], sorted: Sorted, skipped: ZipSkip[]): never {
  const [only] = sorted.errors;
  if (entries.length === 1 && only && !skipped.length) throw only;
  const reasons = [...sorted.failed, ...skipped]
    .slice(0, NAMED_REASONS)
    .map((skip) => `${skip.name}: ${skip.reason.replace(/\.?$/, '.')}`);
  if (!reasons.length) throw new ImportError('nothing-found', t('zipErrorEmpty'));
  throw new ImportError('nothing-found', t('zipErrorNothing', reasons.join(' ')));
}

/**
 * Open a zip the user chose and read what it holds as one import: a backup inside it alone (with
 * Merge or Replace; the zip's other files are named as not imported with it), otherwise the links
 * of all its link files together; a file of a kind imported on its own (one that is neither) only
 * when the zip holds nothing else. Writes nothing.
 */
export async function prepareZip(file: Blob, onProgress?: ProgressListener, now = Date.now()): Promise<PreparedZip> {
  const bytes = await readZipBytes(file);
  const opened = await openZip(bytes, (done, total) => onProgress?.({ phase: 'reading', done, total }));
  onProgress?.({ phase: 'checking', done: 0, total: 0 });
  const sorted = await sortEntries(opened.entries, now);
  const skipped = [...opened.skipped, ...sorted.failed];
  const names = (list: { name: string }[]) => list.map((item) => item.name);
  const [backup, ...moreBackups] = sorted.backups;
  if (backup) {
    const rest = [...names(moreBackups), ...names(sorted.links), ...names(sorted.pages), ...names(sorted.others)];
    const archive = { files: [shown(backup.name)], skipped: [...skipped, ...aside(rest, t('zipSkipBesideBackup'))] };
    return { kind: 'ready', prepared: backup.prepared, archive };
  }
  if (sorted.links.length || sorted.pages.length) {
    const files = [...names(sorted.links), ...names(sorted.pages)].map(shown);
    const archive = { files, skipped: [...skipped, ...aside(names(sorted.others), t('zipSkipAlone'))] };
    const links = sorted.links.length ? joinLinks(sorted.links.map((part) => part.links)) : null;
    if (sorted.pages.length || !links) {
      return { kind: 'needs-page', pages: sorted.pages.map((page) => page.text), links, archive };
    }
    // Checked once, all files together: a link in two parts is a duplicate like one in two rows.
    const prepared = await checkLinksAsync(links, now);
    return { kind: 'ready', prepared, archive };
  }
  const [other, ...moreOthers] = sorted.others;
  if (other) {
    const archive = {
      files: [shown(other.name)],
      skipped: [...skipped, ...aside(names(moreOthers), t('zipSkipAlone'))],
    };
    return { kind: 'ready', prepared: other.prepared, archive };
  }
  return nothingToImport(opened.entries, sorted, opened.skipped);
}

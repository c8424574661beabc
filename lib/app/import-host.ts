import { isImportError, type ImportErrorCode } from '../backup/errors';
import {
  checkLinksAsync,
  detectImport,
  type ImportChanges,
  type ImportMode,
  type ImportProgress,
  type ImportResult,
  type ImportSummary,
  type PreparedImport,
  prepareImportAsync,
  previewImport,
  readImportFile,
  runImportRecords,
  summariseImport,
} from '../backup/import';
import type { LinkEntry, ParsedLinks } from '../backup/links';
import { joinLinks, prepareZip } from '../backup/zip-import';
import { type ArchiveSummary, isZipFile } from '../backup/zip';
import type { ParsedBackup } from '../backup/parse';
import { type Dictionary, type Language, useDictionary } from '../i18n';

/**
 * An import's reading, checking and writing, where a large file cannot hold up the page: in a
 * worker of the settings page (lib/app/import.worker.ts). The page keeps what needs the
 * extension's own APIs (the settings the backup carries, the snapshot before, the notice after)
 * and, for a bookmark file, the browser's HTML parser, which a worker has not.
 */

export type ToImportHost =
  | {
      type: 'prepare';
      file: Blob;
      fileName: string;
      now: number;
      /** The page's messages, so refusals read in its language (a worker has no browser.i18n). */
      language?: Language;
      messages?: Dictionary;
    }
  /**
   * A bookmark file's links, read by the page after the host answered `needs-page`, sent a part at
   * a time (copying them all at once held the page up): the host answers the last part.
   */
  | { type: 'links'; source: ParsedLinks['source']; entries: LinkEntry[]; last: boolean; now: number }
  | { type: 'run'; mode: ImportMode; now: number; reviewsPerDay?: number };

export type ImportFailure =
  | { kind: 'refused'; code: ImportErrorCode; message: string }
  | { kind: 'write'; name: string; message: string };

export type FromImportHost =
  | { type: 'progress'; progress: ImportProgress }
  /** A bookmark file, or a zip's bookmark files (`pages`, their texts), for the page to read. */
  | { type: 'needs-page'; pages?: string[] }
  | { type: 'prepared'; summary: ImportSummary; changes: ImportChanges }
  | { type: 'done'; result: ImportResult; settings: ParsedBackup['settings'] | null }
  | { type: 'failed'; failure: ImportFailure };

/** Either end of the conversation: a worker's scope, a Worker, or two ends in one thread (tests). */
export interface ImportPort<In, Out> {
  post(message: Out): void;
  listen(receive: (message: In) => void): void;
}

function failureOf(error: unknown): ImportFailure {
  if (isImportError(error)) return { kind: 'refused', code: error.code, message: error.message };
  if (error instanceof Error || error instanceof DOMException)
    return { kind: 'write', name: error.name, message: error.message };
  return { kind: 'write', name: 'Error', message: String(error) };
}

/** Serve one file's import: prepare it, then write it as often as the page asks (Try again). */
export function serveImport(port: ImportPort<ToImportHost, FromImportHost>): void {
  let prepared: PreparedImport | null = null;
  let received: LinkEntry[] = [];
  /** A zip's other files, waiting for its bookmark files' links from the page. */
  let zip: { links: ParsedLinks | null; archive: ArchiveSummary } | null = null;
  const progress = (value: ImportProgress) => port.post({ type: 'progress', progress: value });
  const answer = async (work: () => Promise<FromImportHost | null>) => {
    try {
      const message = await work();
      if (message) port.post(message);
    } catch (error) {
      port.post({ type: 'failed', failure: failureOf(error) });
    }
  };
  /** Prepared: what the file holds, and what it would change were it imported now (nothing written). */
  const ready = async (value: PreparedImport, now: number, archive?: ArchiveSummary): Promise<FromImportHost> => {
    prepared = value;
    const summary = { ...summariseImport(value), ...(archive ? { archive } : {}) };
    return { type: 'prepared', summary, changes: await previewImport(value, now) };
  };
  /** A zip, read as bytes here: what it holds, or its bookmark files for the page. */
  const openZip = async (file: Blob, now: number): Promise<FromImportHost> => {
    const opened = await prepareZip(file, progress, now);
    if (opened.kind === 'ready') return ready(opened.prepared, now, opened.archive);
    zip = { links: opened.links, archive: opened.archive };
    return { type: 'needs-page', pages: opened.pages };
  };
  port.listen((message) => {
    switch (message.type) {
      case 'prepare':
        if (message.language && message.messages) useDictionary(message.language, message.messages);
        void answer(async () => {
          if (await isZipFile(message.file, message.fileName)) return openZip(message.file, message.now);
          const text = await readImportFile(message.file);
          const kind = detectImport(text, message.fileName);
          if (kind === 'html') return { type: 'needs-page' };
          return ready(await prepareImportAsync(text, message.fileName, progress, message.now, kind), message.now);
        });
        return;
      case 'links': {
        received.push(...message.entries);
        if (!message.last) return;
        const read: ParsedLinks = { source: message.source, entries: received };
        const links = zip?.links ? joinLinks([zip.links, read]) : read;
        const archive = zip?.archive;
        received = [];
        zip = null;
        void answer(async () => ready(await checkLinksAsync(links, message.now), message.now, archive));
        return;
      }
      case 'run':
        void answer(async () => {
          if (!prepared) throw new Error('Nothing prepared to import');
          const result = await runImportRecords(prepared, {
            mode: message.mode,
            now: message.now,
            onProgress: progress,
            ...(message.reviewsPerDay !== undefined ? { reviewsPerDay: message.reviewsPerDay } : {}),
          });
          return { type: 'done', result, settings: prepared.kind === 'backup' ? prepared.backup.settings : null };
        });
        return;
    }
  });
}

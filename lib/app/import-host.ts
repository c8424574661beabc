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
  | { type: 'run'; mode: ImportMode; now: number };

export type ImportFailure =
  | { kind: 'refused'; code: ImportErrorCode; message: string }
  | { kind: 'write'; name: string; message: string };

export type FromImportHost =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'needs-page' }
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
  const ready = async (value: PreparedImport, now: number): Promise<FromImportHost> => {
    prepared = value;
    return { type: 'prepared', summary: summariseImport(value), changes: await previewImport(value, now) };
  };
  port.listen((message) => {
    switch (message.type) {
      case 'prepare':
        if (message.language && message.messages) useDictionary(message.language, message.messages);
        void answer(async () => {
          const text = await readImportFile(message.file);
          const kind = detectImport(text, message.fileName);
          if (kind === 'html') return { type: 'needs-page' };
          return ready(await prepareImportAsync(text, message.fileName, progress, message.now, kind), message.now);
        });
        return;
      case 'links': {
        received.push(...message.entries);
        if (!message.last) return;
        const links: ParsedLinks = { source: message.source, entries: received };
        received = [];
        void answer(async () => ready(await checkLinksAsync(links, message.now), message.now));
        return;
      }
      case 'run':
        void answer(async () => {
          if (!prepared) throw new Error('Nothing prepared to import');
          const result = await runImportRecords(prepared, {
            mode: message.mode,
            now: message.now,
            onProgress: progress,
          });
          return { type: 'done', result, settings: prepared.kind === 'backup' ? prepared.backup.settings : null };
        });
        return;
    }
  });
}

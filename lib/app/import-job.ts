import { ImportError } from '../backup/errors';
import {
  applyImportedSettings,
  bookmarkLinks,
  importStores,
  readImportFile,
  type ImportChanges,
  type ImportMode,
  type ImportResult,
  type ImportSummary,
  type ProgressListener,
} from '../backup/import';
import type { ParsedLinks } from '../backup/links';
import { joinLinks } from '../backup/zip-import';
import { currentMessages, t } from '../i18n';
import { importedReviewsPerDay } from '../settings';
import { importCommitted, snapshotBeforeImport } from './backup';
import { markBeforeWrite } from './commit';
import {
  type FromImportHost,
  type ImportFailure,
  type ImportPort,
  serveImport,
  type ToImportHost,
} from './import-host';

/**
 * One chosen file's import, as the settings page drives it: `openImportJob` reads and checks
 * the file, `summary` and `changes` are what the preview shows, `run` writes it (again, after a failure:
 * Try again needs no new pick), `close` lets it go. The reading, checking and writing happen
 * in a worker, so no file, however large, holds up the page.
 */
export interface ImportJob {
  readonly summary: ImportSummary;
  /** What it would change, were it run now: the preview shows this before anything is written. */
  readonly changes: ImportChanges;
  run(mode: ImportMode, onProgress?: ProgressListener): Promise<ImportResult>;
  close(): void;
}

export interface ImportHostConnection {
  port: ImportPort<FromImportHost, ToImportHost>;
  close(): void;
  /** What a worker needs to speak the page's language. */
  messages?: Awaited<ReturnType<typeof currentMessages>>;
}

type Answer = Exclude<FromImportHost, { type: 'progress' }>;

/** Links copied to the worker in one message: a few milliseconds of the page's time each. */
const LINKS_PER_MESSAGE = 2_000;

/** A zip's bookmark files, read one after the other, as one list. */
async function zipBookmarkLinks(pages: string[]): Promise<ParsedLinks> {
  const parts: ParsedLinks[] = [];
  for (const page of pages) parts.push(await bookmarkLinks(page));
  return joinLinks(parts);
}

/** The host's refusal or the write's failure, as the page's own code would have thrown it. */
function errorOf(failure: ImportFailure): Error {
  if (failure.kind === 'refused') return new ImportError(failure.code, failure.message);
  return new DOMException(failure.message, failure.name);
}

export async function openImportJob(
  file: File,
  onProgress?: ProgressListener,
  connect: () => Promise<ImportHostConnection> = connectImportHost,
): Promise<ImportJob> {
  const host = await connect();
  let listener = onProgress;
  let waiting: ((answer: Answer) => void) | null = null;
  host.port.listen((message) => {
    if (message.type === 'progress') listener?.(message.progress);
    else waiting?.(message);
  });
  const ask = (message: ToImportHost): Promise<Answer> =>
    new Promise((resolve) => {
      waiting = resolve;
      host.port.post(message);
    });
  const expect = <T extends Answer['type']>(answer: Answer, type: T): Extract<Answer, { type: T }> => {
    if (answer.type === 'failed') throw errorOf(answer.failure);
    if (answer.type !== type) throw new Error(`The import answered ${answer.type}, not ${type}`);
    return answer as Extract<Answer, { type: T }>;
  };

  try {
    const { messages } = host;
    let answer = await ask({ type: 'prepare', file, fileName: file.name, now: Date.now(), ...messages });
    if (answer.type === 'needs-page') {
      // A bookmark file: the browser's HTML parser is the page's, in parts with the page free.
      onProgress?.({ phase: 'checking', done: 0, total: 0 });
      const { source, entries } = answer.pages
        ? await zipBookmarkLinks(answer.pages)
        : await bookmarkLinks(await readImportFile(file));
      const now = Date.now();
      const lastStart = Math.max(0, Math.ceil(entries.length / LINKS_PER_MESSAGE) - 1) * LINKS_PER_MESSAGE;
      for (let start = 0; start < lastStart; start += LINKS_PER_MESSAGE) {
        const part = entries.slice(start, start + LINKS_PER_MESSAGE);
        host.port.post({ type: 'links', source, entries: part, last: false, now });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      answer = await ask({ type: 'links', source, entries: entries.slice(lastStart), last: true, now });
    }
    const { summary, changes } = expect(answer, 'prepared');
    return {
      summary,
      changes,
      async run(mode, progress) {
        listener = progress;
        await snapshotBeforeImport();
        await markBeforeWrite(importStores(summary.source));
        // The worker has no extension storage: the page reads the setting for it.
        const reviewsPerDay = await importedReviewsPerDay.getValue();
        const done = expect(await ask({ type: 'run', mode, now: Date.now(), reviewsPerDay }), 'done');
        const result = done.settings
          ? { ...done.result, settings: await applyImportedSettings(done.settings, mode) }
          : done.result;
        await importCommitted(result);
        return result;
      },
      close: () => host.close(),
    };
  } catch (error) {
    host.close();
    throw error;
  }
}

/** A worker where the page can start one; otherwise (unit tests' DOM) the same host in this thread. */
export async function connectImportHost(): Promise<ImportHostConnection> {
  if (typeof Worker !== 'function') return inThreadHost();
  // Vite builds the worker and its parts as their own files; the settings page loads them only here.
  const { default: ImportWorker } = await import('./import.worker.ts?worker');
  const worker = new ImportWorker();
  return {
    port: {
      post: (message) => worker.postMessage(message),
      listen: (receive) => {
        worker.addEventListener('message', (event: MessageEvent<FromImportHost>) => receive(event.data));
        // A worker that cannot start (or dies) answers as a failed write: the page says so.
        worker.addEventListener('error', (event) =>
          receive({
            type: 'failed',
            failure: { kind: 'write', name: 'Error', message: event.message || t('backupImportCouldNotStart') },
          }),
        );
      },
    },
    close: () => worker.terminate(),
    messages: await currentMessages(),
  };
}

/**
 * Both ends in this thread, each message delivered in a later task and copied as a worker's would
 * be (but the chosen file, which a worker receives as the same Blob).
 */
export async function inThreadHost(): Promise<ImportHostConnection> {
  const toPage: ((message: FromImportHost) => void)[] = [];
  const toHost: ((message: ToImportHost) => void)[] = [];
  let open = true;
  const deliver = <M extends { type: string }>(to: ((message: M) => void)[], message: M) => {
    const copy = message.type === 'prepare' ? message : structuredClone(message);
    setTimeout(() => {
      if (open) for (const receive of to) receive(copy);
    }, 0);
  };
  serveImport({ post: (message) => deliver(toPage, message), listen: (receive) => toHost.push(receive) });
  return {
    port: { post: (message) => deliver(toHost, message), listen: (receive) => toPage.push(receive) },
    close: () => {
      open = false;
    },
  };
}

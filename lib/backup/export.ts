import { readAllRecords } from '../db/backup-reads';
import type { LoopDatabase } from '../db/open';
import { BACKUP_FORMAT, BACKUP_VERSION, STORES, type BackupFile } from './format';
import { readSettings } from './settings';

export interface ExportOptions {
  /** The webhook URL is a secret: only in the file when the user asks. */
  includeWebhook?: boolean;
  now?: number;
  db?: LoopDatabase;
}

/**
 * The backup file: every store, read in one transaction so the file is one consistent moment
 * (lib/db/backup-reads.ts), and the settings.
 */
export async function buildBackup(options: ExportOptions = {}): Promise<BackupFile> {
  const now = options.now ?? Date.now();
  const [records, settings] = await Promise.all([
    readAllRecords(options.db),
    readSettings(options.includeWebhook ?? false),
  ]);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    ...records,
    settings,
  };
}

/**
 * JSON with one record a line: small like compact JSON, yet a person (or a diff) can read it.
 * `JSON.parse` of the result equals the input.
 */
export function serializeBackup(file: BackupFile): string {
  return serializedParts(file).join('');
}

/**
 * The file's text in pieces, a store each, that make `serializeBackup`'s text end to end: a
 * download takes them as they are (joining 10,000 resources' text first was a twentieth of a
 * second of the export).
 */
export function serializedParts(file: BackupFile): string[] {
  const head = JSON.stringify({ format: file.format, version: file.version, exportedAt: file.exportedAt });
  const parts = [head.slice(0, -1)];
  for (const store of STORES) {
    const list = file[store] as unknown[];
    parts.push(
      `,\n"${store}": [${list.length ? '\n' : ''}${list.map((record) => JSON.stringify(record)).join(',\n')}${list.length ? '\n' : ''}]`,
    );
  }
  parts.push(`,\n"settings": ${JSON.stringify(file.settings)}\n}\n`);
  return parts;
}

/** learning-loop-2025-03-14.json (local date). */
export function backupFileName(now: number, extension = 'json'): string {
  const d = new Date(now);
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `learning-loop-${date}.${extension}`;
}

/** Hand a file to the browser's downloads: a Blob and a temporary <a download>. `content`: its text or bytes, whole or in pieces. */
export function downloadFile(
  name: string,
  content: string | readonly (string | ArrayBuffer)[],
  type: string,
  doc: Document = document,
): number {
  const blob = new Blob(typeof content === 'string' ? [content] : [...content], { type });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the blob by now; give it a moment all the same.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob.size;
}

export interface ExportResult {
  fileName: string;
  bytes: number;
  records: number;
}

/** Export everything as a download (the application layer remembers when, for the reminder). */
export async function exportBackup(options: ExportOptions = {}, doc?: Document): Promise<ExportResult> {
  const now = options.now ?? Date.now();
  const file = await buildBackup({ ...options, now });
  const fileName = backupFileName(now);
  const bytes = downloadFile(fileName, serializedParts(file), 'application/json', doc);
  const records = STORES.reduce((sum, store) => sum + file[store].length, 0);
  return { fileName, bytes, records };
}

import { readAllRecords } from '../db/backup-reads';
import { downloadFile } from '../backup/export';
import { localDay } from '../infra/time';

/**
 * Taking the library elsewhere: Markdown for Obsidian and Logseq, quotes for highlight tools.
 * Nothing is written, so nothing is committed; and neither counts as a backup (neither restores).
 * The builders, the YAML and zip libraries load only when the user asks for a file.
 */

export interface ExportedFile {
  fileName: string;
  bytes: number;
  /** Files in the zip, or quotes in the CSV. */
  count: number;
}

/** learning-loop-markdown-2026-12-08.zip: the vault, a file per resource and activity, a file per journal month. */
export async function exportMarkdown(now = Date.now(), doc?: Document): Promise<ExportedFile> {
  const [records, { markdownZip }] = await Promise.all([readAllRecords(), import('../backup/markdown-export')]);
  const { bytes, files } = await markdownZip(records, { mtime: now });
  const fileName = `learning-loop-markdown-${localDay(now)}.zip`;
  // The zip's bytes fill a buffer of their own (markdownZip makes it whole), as a Blob wants.
  const size = downloadFile(fileName, [bytes.buffer as ArrayBuffer], 'application/zip', doc);
  return { fileName, bytes: size, count: files };
}

/** learning-loop-quotes-2026-12-08.csv: every quote in Readwise's export columns. */
export async function exportQuotesCsv(now = Date.now(), doc?: Document): Promise<ExportedFile> {
  const [{ resources }, { quotesToReadwiseCsv }] = await Promise.all([
    readAllRecords(),
    import('../backup/readwise-export'),
  ]);
  const { csv, quotes } = quotesToReadwiseCsv(resources);
  const fileName = `learning-loop-quotes-${localDay(now)}.csv`;
  const size = downloadFile(fileName, csv, 'text/csv;charset=utf-8', doc);
  return { fileName, bytes: size, count: quotes };
}

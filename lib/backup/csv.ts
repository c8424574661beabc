import Papa from 'papaparse';
import type { ResourceStatus } from '../model/resource';
import { t } from '../i18n';
import { ImportError } from './errors';
import { epochMs, type LinkEntry, type ParsedLinks } from './links';

const POCKET_HEADER = ['title', 'url', 'time_added', 'tags', 'status'];

/** Column names other read-later tools use for the same things (Pocket, Instapaper, Raindrop, Omnivore…). */
const COLUMNS = {
  url: ['url', 'link', 'href', 'address'],
  title: ['title', 'name'],
  tags: ['tags', 'labels'],
  added: ['time_added', 'created', 'timestamp', 'saved_at', 'date_added', 'added'],
  status: ['status', 'state', 'folder'],
  description: ['excerpt', 'description'],
  notes: ['note', 'notes'],
} as const;

function column(header: readonly string[], names: readonly string[]): number {
  return header.findIndex((name) => names.includes(name));
}

/** Pocket: unread/archive; Instapaper: a folder named Archive. Anything else stays "to learn". */
function statusOf(value: string | undefined): ResourceStatus | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (v === 'archive' || v === 'archived' || v === 'read' || v === 'done') return 'learned';
  return 'queued';
}

/** Pocket separates tags with `|`, others with commas. */
function splitTags(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[|,]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * Pocket's CSV export (`title,url,time_added,tags,status`, tags separated by `|`, status
 * `unread`/`archive`), and any CSV with a `url` column. Parsed with papaparse (quotes, commas and
 * line breaks inside cells, CRLF, BOM). Lenient: rows are checked later, one by one.
 */
export function parseCsvLinks(text: string, now = Date.now()): ParsedLinks {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
  return linksFromRows(result.data, now);
}

/** Characters papaparse reads between two yields to the page (about 10 ms of parsing). */
const CSV_PART_CHARS = 512 * 1024;

/** The same, parsed a part at a time with the page free between parts. */
export function parseCsvLinksAsync(text: string, now = Date.now()): Promise<ParsedLinks> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
      header: false,
      skipEmptyLines: 'greedy',
      chunkSize: CSV_PART_CHARS,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        for (const row of results.data) rows.push(row);
        parser.pause();
        setTimeout(() => parser.resume(), 0);
      },
      complete: () => {
        try {
          resolve(linksFromRows(rows, now));
        } catch (error) {
          reject(error);
        }
      },
      error: (error: Error) => reject(error),
    });
  });
}

function linksFromRows(data: readonly unknown[], now: number): ParsedLinks {
  const rows = data.filter((row): row is string[] => Array.isArray(row));
  const header = (rows[0] ?? []).map((name) => String(name).trim().toLowerCase());
  const at = {
    url: column(header, COLUMNS.url),
    title: column(header, COLUMNS.title),
    tags: column(header, COLUMNS.tags),
    added: column(header, COLUMNS.added),
    status: column(header, COLUMNS.status),
    description: column(header, COLUMNS.description),
    notes: column(header, COLUMNS.notes),
  };
  if (at.url < 0) throw new ImportError('no-url-column', t('backupErrorNoUrlColumn'));
  const pocket = POCKET_HEADER.every((name) => header.includes(name));
  const cell = (row: string[], index: number) => (index >= 0 ? String(row[index] ?? '') : undefined);

  const entries: LinkEntry[] = rows.slice(1).map((row, i) => {
    const entry: LinkEntry = { position: i + 1, url: cell(row, at.url) ?? '', tags: splitTags(cell(row, at.tags)) };
    const title = cell(row, at.title)?.trim();
    if (title) entry.title = title;
    const addedAt = epochMs(cell(row, at.added), now);
    if (addedAt !== undefined) entry.addedAt = addedAt;
    const statusCell = cell(row, at.status);
    const status = statusOf(statusCell);
    if (status) entry.status = status;
    // Instapaper keeps its folders in the same column: a folder that is not a state is a tag.
    if (header[at.status] === 'folder' && statusCell && !/^(unread|archive|starred)$/i.test(statusCell.trim()))
      entry.tags.push(statusCell.trim());
    const description = cell(row, at.description)?.trim();
    if (description) entry.description = description;
    const notes = cell(row, at.notes)?.trim();
    if (notes) entry.notes = notes;
    return entry;
  });
  return { source: pocket ? 'pocket' : 'csv', entries };
}

/** A CSV with a url column in its first line? */
export function looksLikeCsv(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (!first.includes(',') && !first.includes(';') && !first.includes('\t')) return false;
  return first
    .toLowerCase()
    .split(/[,;\t]/)
    .map((name) => name.trim().replace(/^"|"$/g, ''))
    .some((name) => (COLUMNS.url as readonly string[]).includes(name));
}

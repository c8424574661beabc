import { isFormattableTime } from '../infra/time';
import { takeawaysText } from '../model/takeaway-text';
import Papa from 'papaparse';
import type { Resource } from '../model/resource';

/**
 * Cells a spreadsheet would run as a formula (OWASP: leading =, +, -, @, tab, carriage return)
 * get a leading apostrophe. papaparse's own default pattern misses cells with a line break,
 * so the pattern is given here.
 */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

function isoOrEmpty(ms: number | undefined): string {
  return isFormattableTime(ms) ? new Date(ms as number).toISOString() : '';
}

/** Resources as CSV for a spreadsheet: one row each, tags joined with `|` as Pocket did. */
export function resourcesToCsv(resources: readonly Resource[]): string {
  const rows = resources.map((r) => ({
    title: r.title,
    url: r.url ?? '',
    kind: r.kind,
    status: r.status,
    tags: r.tags.join('|'),
    notes: r.notes,
    takeaways: takeawaysText(r.takeaways),
    site: r.site ?? '',
    author: r.author ?? '',
    created: isoOrEmpty(r.createdAt),
    updated: isoOrEmpty(r.updatedAt),
    learned: isoOrEmpty(r.learnedAt),
    shared: isoOrEmpty(r.sharedAt),
    // Learning with no link: what kind, the day it happened, with whom (empty for pages).
    'activity type': r.activityType ?? '',
    happened: r.happenedOn ?? '',
    'with whom': r.withWhom ?? '',
  }));
  const columns = [
    'title',
    'url',
    'kind',
    'status',
    'tags',
    'notes',
    'takeaways',
    'site',
    'author',
    'created',
    'updated',
    'learned',
    'shared',
    'activity type',
    'happened',
    'with whom',
  ];
  // A BOM so spreadsheet programs read UTF-8 (å, ä, ö, emoji) correctly.
  return `\uFEFF${Papa.unparse({ fields: columns, data: rows.map((row) => columns.map((c) => row[c as keyof typeof row])) }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}\r\n`;
}

import { stringify } from 'yaml';
import { t } from '../i18n';
import { localDay } from '../infra/time';
import { formatClipTime } from '../infra/video-time';
import { openUrl } from '../format/resource-links';
import type { Action } from '../model/action';
import type { Quote } from '../model/quote';
import type { Reflection } from '../model/reflection';
import type { Resource } from '../model/resource';
import { quoteHref } from '../quotes/fragment';
import { escapeMarkdown, escapeMarkdownLine, markdownLink } from '../share/escape';
import { uniqueNames } from './slug';

/**
 * The library as Markdown files for Obsidian (Logseq reads the same files as pages): one file per
 * resource and per activity, one per month of the journal. A pure function of the records, so the
 * same library gives the same files and names, and a second export overwrites the first.
 *
 * Folder names stay English whatever the language, so switching language does not make a second
 * copy of the vault; headings and labels inside are in the user's language (`t()`), as the files
 * are the user's own reading. Text from pages (titles, quotes, sites, chapters) is escaped, as the
 * digest escapes it; what the user wrote (notes, takeaways, answers) is kept as written, Markdown
 * and all, as that is how such notes are usually written.
 */

export interface MarkdownLibrary {
  resources: readonly Resource[];
  reflections: readonly Reflection[];
  actions: readonly Action[];
}

export const MARKDOWN_FOLDERS = { resources: 'Resources', activities: 'Activities', journal: 'Journal' } as const;

/** What a file holds after its frontmatter: text or nothing, so empty sections leave no heading. */
type Section = readonly string[];

function isoDay(ms: number | undefined): string | undefined {
  return ms !== undefined && Number.isFinite(ms) ? localDay(ms) : undefined;
}

/** Obsidian's tags hold no spaces and no leading `#`: a space becomes `-`, as Obsidian suggests. */
function obsidianTag(tag: string): string {
  return tag.replace(/^#+/, '').trim().replace(/\s+/g, '-');
}

/** YAML written by the library, never by hand: a title with a colon, quotes or `#` stays a string. */
function frontmatter(resource: Resource): string {
  const fields: Record<string, unknown> = { title: resource.title };
  if (resource.kind === 'activity') {
    fields.source = resource.activityType;
    fields.happened = resource.happenedOn;
    fields.with = resource.withWhom;
    fields.isbn = resource.isbn;
  } else {
    fields.url = resource.url;
  }
  Object.assign(fields, {
    author: resource.author,
    site: resource.site,
    kind: resource.kind,
    status: resource.status,
    tags: resource.tags.map(obsidianTag).filter(Boolean),
    saved: isoDay(resource.createdAt),
    learned: isoDay(resource.learnedAt),
    shared: isoDay(resource.sharedAt),
    id: resource.id,
  });
  for (const key of Object.keys(fields)) if (fields[key] === undefined || fields[key] === '') delete fields[key];
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n`;
}

function section(heading: string, body: readonly string[]): Section {
  return body.length ? [`## ${heading}`, '', ...body, ''] : [];
}

/** Where a quote stands: "p. 12 · loc. 170-172". */
function quoteWhere(quote: Quote): string[] {
  const out: string[] = [];
  if (quote.location?.page) out.push(t('mdQuotePage', escapeMarkdown(quote.location.page)));
  if (quote.location?.loc) out.push(t('mdQuoteLoc', escapeMarkdown(quote.location.loc)));
  return out;
}

/** A quote as a blockquote, every line of it prefixed, its place and link last, its note below. */
function quoteBlock(resource: Resource, quote: Quote): string[] {
  const lines = quote.exact.split(/\r?\n/).map((line) => (line.trim() ? `> ${escapeMarkdownLine(line)}` : '>'));
  // To the passage where the quote has a directive, else to its page; an activity has neither.
  const href = quoteHref(resource.url, quote.fragment);
  const label = quote.fragment ? t('mdQuoteOpen') : t('mdQuoteOpenPage');
  const where = [...quoteWhere(quote), ...(href ? [markdownLink(label, href)] : [])];
  if (where.length) lines.push('>', `> — ${where.join(' · ')}`);
  if (quote.note.trim()) lines.push('', quote.note.trim());
  return [...lines, ''];
}

/** "- [1:23](…&t=83s) · Chapter — note": the link opens the video at that second. */
function clipLine(resource: Resource, clip: Resource['clips'][number]): string {
  const text = [clip.chapter ? escapeMarkdown(clip.chapter) : '', clip.note.trim().replace(/\s*\n\s*/g, ' ')]
    .filter(Boolean)
    .join(' — ');
  return `- ${markdownLink(formatClipTime(clip), openUrl(resource, clip.atSec))}${text ? ` · ${text}` : ''}`;
}

/** "- [x] Text — done 2026-12-01" and its effect below: Obsidian's task list, read by its Tasks plugin too. */
function actionLines(action: Action): string[] {
  const box = action.status === 'done' ? '[x]' : action.status === 'dropped' ? '[-]' : '[ ]';
  const state =
    action.status === 'done'
      ? [t('mdActionDone'), isoDay(action.doneAt)].filter(Boolean).join(' ')
      : action.status === 'dropped'
        ? t('mdActionDropped')
        : action.followUpAt !== undefined
          ? t('mdActionFollowUp', isoDay(action.followUpAt) ?? '')
          : t('mdActionOpen');
  const lines = [`- ${box} ${action.text.trim().replace(/\s*\n\s*/g, ' ')} — ${state}`];
  if (action.outcome?.trim()) lines.push(`  - ${t('mdActionEffect', action.outcome.trim().replace(/\s*\n\s*/g, ' '))}`);
  return lines;
}

/** "### 2026-12-02 · What did you learn?" and the answer. */
function reflectionLines(reflection: Reflection, level: '##' | '###'): string[] {
  const question = escapeMarkdown(reflection.promptText.replace(/\s+/g, ' ').trim());
  const day = isoDay(reflection.createdAt) ?? '';
  return [`${level} ${[day, question].filter(Boolean).join(' · ')}`, '', reflection.answer.trim(), ''];
}

const byTime = <T extends { createdAt: number }>(a: T, b: T) => a.createdAt - b.createdAt;

function resourceFile(resource: Resource, actions: readonly Action[], reflections: readonly Reflection[]): string {
  const head = [`# ${escapeMarkdown(resource.title.replace(/\s+/g, ' ').trim())}`, ''];
  const body = [
    ...section(t('mdNotes'), resource.notes.trim() ? [resource.notes.trim()] : []),
    ...section(
      t('mdTakeaways'),
      resource.takeaways.map((item) => `- ${item.text.trim().replace(/\s*\n\s*/g, ' ')}`),
    ),
    ...section(
      t('mdQuotes'),
      [...(resource.quotes ?? [])].sort(byTime).flatMap((quote) => quoteBlock(resource, quote)),
    ),
    ...section(
      t('mdClips'),
      resource.clips.map((clip) => clipLine(resource, clip)),
    ),
    ...section(t('mdActions'), [...actions].sort(byTime).flatMap(actionLines)),
    ...section(
      t('mdReflections'),
      [...reflections].sort(byTime).flatMap((r) => reflectionLines(r, '###')),
    ),
  ];
  return [frontmatter(resource), ...head, ...body]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
}

/** The link from a journal entry to its resource's file: `[[Resources/Name (abc123)|Title]]`. */
function wikiLink(path: string, title: string): string {
  const alias = title
    .replace(/[[\]|#^]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `[[${path.replace(/\.md$/, '')}${alias ? `|${alias}` : ''}]]`;
}

function journalFile(
  month: string,
  reflections: readonly Reflection[],
  paths: ReadonlyMap<string, string>,
  actionsByReflection: ReadonlyMap<string, Action[]>,
): string {
  const fields = { title: t('mdJournalTitle', month), month };
  const lines = [`---\n${stringify(fields, { lineWidth: 0 })}---\n`, `# ${t('mdJournalTitle', month)}`, ''];
  for (const reflection of [...reflections].sort(byTime)) {
    lines.push(...reflectionLines(reflection, '##'));
    const path = reflection.resourceId ? paths.get(reflection.resourceId) : undefined;
    if (path) lines.push(t('mdAbout', wikiLink(path, reflection.resourceTitle ?? '')), '');
    else if (reflection.resourceTitle) lines.push(t('mdAbout', escapeMarkdown(reflection.resourceTitle)), '');
    const actions = actionsByReflection.get(reflection.id) ?? [];
    if (actions.length) lines.push(...actions.sort(byTime).flatMap(actionLines), '');
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
}

function groupBy<T>(list: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    if (k === undefined) continue;
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * Every file of the vault in path order, each text made only when asked: the paths are quick,
 * the texts are most of the work, so a caller can make them a slice at a time.
 */
function vaultEntries(library: MarkdownLibrary): [path: string, text: () => string][] {
  const names = uniqueNames(library.resources, (resource) => resource.title);
  const paths = new Map<string, string>();
  for (const resource of library.resources) {
    const folder = resource.kind === 'activity' ? MARKDOWN_FOLDERS.activities : MARKDOWN_FOLDERS.resources;
    paths.set(resource.id, `${folder}/${names.get(resource.id)}`);
  }
  const actionsByResource = groupBy(library.actions, (a) => (a.source.kind === 'resource' ? a.source.id : undefined));
  const actionsByReflection = groupBy(library.actions, (a) =>
    a.source.kind === 'reflection' ? a.source.id : undefined,
  );
  const reflectionsByResource = groupBy(library.reflections, (r) => r.resourceId);

  const entries: [string, () => string][] = library.resources.map((resource) => [
    paths.get(resource.id)!,
    () =>
      resourceFile(resource, actionsByResource.get(resource.id) ?? [], reflectionsByResource.get(resource.id) ?? []),
  ]);
  const months = groupBy(library.reflections, (r) => isoDay(r.createdAt)?.slice(0, 7));
  for (const [month, reflections] of months)
    entries.push([
      `${MARKDOWN_FOLDERS.journal}/${month}.md`,
      () => journalFile(month, reflections, paths, actionsByReflection),
    ]);
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Every file of the vault, by its path inside the zip: `Resources/<slug> (<id>).md`,
 * `Activities/<slug> (<id>).md`, `Journal/2026-12.md`. In path order, so a zip lists them alike.
 */
export function markdownVault(library: MarkdownLibrary): Map<string, string> {
  return new Map(vaultEntries(library).map(([path, text]) => [path, text()]));
}

export interface ZipOptions {
  /** The files' time in the zip (default: now). */
  mtime?: number;
  /** How long to work before letting the page draw and answer (10,000 resources take about a second and a half). */
  sliceMs?: number;
  /** Hands the thread back for a moment: by default, a task later. */
  pause?: () => Promise<void>;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The vault as a zip's bytes, each file written and deflated in turn, the page given its thread
 * back every `sliceMs`, so a large library never holds up the page for the whole export. fflate
 * loads with this module, only when the user exports.
 */
export async function markdownZip(
  library: MarkdownLibrary,
  options: ZipOptions = {},
): Promise<{ bytes: Uint8Array; files: number }> {
  const { Zip, ZipDeflate, strToU8 } = await import('fflate');
  const { sliceMs = 40, pause = nextTask } = options;
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else chunks.push(data);
  });
  const entries = vaultEntries(library);
  let sliceStart = performance.now();
  for (const [path, text] of entries) {
    const file = new ZipDeflate(path, { level: 6, ...(options.mtime === undefined ? {} : { mtime: options.mtime }) });
    zip.add(file);
    file.push(strToU8(text()), true);
    if (failure) throw failure;
    if (performance.now() - sliceStart > sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
  zip.end();
  if (failure) throw failure;
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { bytes, files: entries.length };
}

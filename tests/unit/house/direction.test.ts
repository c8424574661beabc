import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Text a user, a page or a teammate wrote is drawn with its direction isolated (`dir="auto"` on
 * the element or an ancestor close by, or `<bdi>`), so a right-to-left override (U+202E) in a
 * title cannot reorder the words around it. This finds every place a view draws such a field as
 * a child (`{resource.title}`, `{quote.exact || …}`) and asks its nearest elements for `dir`.
 */
const ROOT = join(__dirname, '../../..');
const FIELD =
  /\{([A-Za-z_]+)\??\.(title|text|answer|exact|prefix|suffix|chapter|resourceTitle|author|channel|note)(?:\.length)?(?:\s*(?:\|\||\?\?)[^}]*)?\}/g;
/** Words the extension wrote itself, not the user: status lines and notices. */
const OWN_TEXT = new Set(['message', 'said', 'outcome', 'notice', 'status', 'step']);
/** How many enclosing elements may stand between the text and the element that isolates it. */
const NEAREST = 3;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

/** The opening tags that enclose `at`, nearest first (a small scan, enough for this code's JSX). */
function enclosingTags(source: string, at: number): string[] {
  const tags = /<(\/?)([A-Za-z][\w.]*)((?:[^<>"'{}]|"[^"]*"|'[^']*'|\{(?:[^{}]|\{[^{}]*\})*\})*?)(\/?)>/g;
  const open: string[] = [];
  for (const match of source.slice(0, at).matchAll(tags)) {
    const [whole, closing, , , selfClosing] = match;
    if (selfClosing) continue;
    if (closing) open.pop();
    else open.push(whole);
  }
  return open.reverse();
}

function unisolatedFields(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(FIELD)) {
    const [whole, owner] = match;
    if (owner === undefined || OWN_TEXT.has(owner)) continue;
    const before = source.slice(Math.max(0, match.index - 2), match.index);
    // An attribute's value (`value={…}`, `title={…}`) or a template's part, not text drawn in the page.
    if (before.endsWith('=') || before.endsWith('$') || whole.includes('.length')) continue;
    const line = source.slice(source.lastIndexOf('\n', match.index) + 1, match.index);
    if (/\w=\{?$/.test(line.trimEnd()) || /`\$$/.test(line)) continue;
    const tags = enclosingTags(source, match.index).slice(0, NEAREST);
    if (!tags.some((tag) => /\sdir=|^<bdi\b/.test(tag))) found.push(whole);
  }
  return found;
}

describe('direction isolation of written text', () => {
  it('finds an unisolated title, and none once dir="auto" is set', () => {
    expect(unisolatedFields('<p class="x">\n  {resource.title}\n</p>')).toEqual(['{resource.title}']);
    expect(unisolatedFields('<p class="x" dir="auto">\n  {resource.title}\n</p>')).toEqual([]);
    expect(unisolatedFields('<blockquote dir="auto"><span>{quote.exact}</span></blockquote>')).toEqual([]);
    expect(unisolatedFields('<bdi>{row.title || t("untitled")}</bdi>')).toEqual([]);
    expect(unisolatedFields('<input value={clip.note} />')).toEqual([]);
    expect(unisolatedFields('<p>{message.text}</p>')).toEqual([]);
  });

  const files = [...tsxFiles(join(ROOT, 'components')), ...tsxFiles(join(ROOT, 'entrypoints'))];
  it.each(files.map((file) => [relative(ROOT, file), file]))('%s isolates what users wrote', (_, file) => {
    expect(unisolatedFields(readFileSync(file, 'utf8'))).toEqual([]);
  });
});

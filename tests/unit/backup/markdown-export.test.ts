import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { markdownVault, markdownZip } from '../../../lib/backup/markdown-export';
import { SLUG_MAX_CHARS, slugify, uniqueNames } from '../../../lib/backup/slug';
import type { Action } from '../../../lib/model/action';
import type { Reflection } from '../../../lib/model/reflection';
import type { Resource } from '../../../lib/model/resource';
import { localDay } from '../../../lib/infra/time';
import { sampleRecords } from './helpers';

const NOON = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d, 12);

function resource(partial: Partial<Resource> & Pick<Resource, 'id' | 'title'>): Resource {
  return {
    kind: 'article',
    url: 'https://example.com/post',
    canonicalUrl: 'https://example.com/post',
    notes: '',
    clips: [],
    takeaways: [],
    tags: [],
    status: 'learning',
    createdAt: NOON(2026, 11, 2),
    updatedAt: NOON(2026, 11, 2),
    ...partial,
  };
}

const article = resource({
  id: 'abcdef123456',
  title: 'Flow: the "state" of #work',
  author: 'Mihaly C.',
  site: 'example.com',
  tags: ['deep work', 'psychology'],
  status: 'learned',
  learnedAt: NOON(2026, 11, 20),
  sharedAt: NOON(2026, 11, 21),
  notes: 'My **own** notes.\nSecond line.',
  takeaways: [
    { id: 't1', text: 'Clear goals help', createdAt: NOON(2026, 11, 3) },
    { id: 't2', text: 'Feedback must be quick', createdAt: NOON(2026, 11, 4) },
  ],
  quotes: [
    {
      id: 'q1',
      exact: 'The best moments\nusually occur when',
      fragment: 'text=The%20best%20moments',
      note: 'Yes.',
      createdAt: NOON(2026, 11, 5),
      location: { page: '12', loc: '170-172' },
    },
  ],
});

const video = resource({
  id: 'vid999aaaa',
  kind: 'video',
  title: 'A talk',
  url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  videoId: 'dQw4w9WgXcQ',
  clips: [{ id: 'c1', atSec: 83, note: 'the key point', chapter: 'Intro', createdAt: NOON(2026, 11, 6) }],
});

const book = resource({
  id: 'book77xyz',
  kind: 'activity',
  url: undefined,
  canonicalUrl: undefined,
  activityType: 'book',
  happenedOn: '2026-10-30',
  title: 'Thinking, Fast and Slow',
  author: 'Daniel Kahneman',
  quotes: [
    {
      id: 'q9',
      exact: 'Nothing in life is as important as you think',
      note: '',
      createdAt: NOON(2026, 11, 7),
      location: { page: '402' },
    },
  ],
});

const action: Action = {
  id: 'act1',
  text: 'Block two hours of focus',
  source: { kind: 'resource', id: article.id, title: article.title },
  status: 'done',
  outcome: 'Shipped the draft',
  createdAt: NOON(2026, 11, 8),
  updatedAt: NOON(2026, 11, 9),
  doneAt: NOON(2026, 11, 9),
};

const reflection: Reflection = {
  id: 'ref1',
  promptId: 'p1',
  promptText: 'What did you try?',
  answer: 'I tried the focus block.',
  resourceId: article.id,
  resourceTitle: article.title,
  createdAt: NOON(2026, 12, 1),
  updatedAt: NOON(2026, 12, 1),
};

const library = { resources: [article, video, book], reflections: [reflection], actions: [action] };

function split(text: string): { fields: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`no frontmatter in:\n${text}`);
  return { fields: parseYaml(match[1]!) as Record<string, unknown>, body: match[2]! };
}

describe('Markdown export: the files', () => {
  // Built in each test: the messages the headings use are set up before each.
  const vault = () => markdownVault(library);

  it('names a file per resource and activity and one per journal month', () => {
    expect([...vault().keys()]).toEqual([
      'Activities/Thinking, Fast and Slow (book77).md',
      'Journal/2026-12.md',
      'Resources/A talk (vid999).md',
      'Resources/Flow the state of work (abcdef).md',
    ]);
  });

  it('a resource: frontmatter a YAML parser reads, then notes, takeaways, quotes, actions, reflections', () => {
    const { fields, body } = split(vault().get('Resources/Flow the state of work (abcdef).md')!);
    expect(fields).toEqual({
      title: 'Flow: the "state" of #work',
      url: 'https://example.com/post',
      author: 'Mihaly C.',
      site: 'example.com',
      kind: 'article',
      status: 'learned',
      tags: ['deep-work', 'psychology'],
      saved: '2026-11-02',
      learned: '2026-11-20',
      shared: '2026-11-21',
      id: 'abcdef123456',
    });
    expect(body).toContain('## Notes\n\nMy **own** notes.\nSecond line.\n');
    expect(body).toContain('## Takeaways\n\n- Clear goals help\n- Feedback must be quick\n');
    // Every line of a multi-line quote stays inside the blockquote; its place and link close it.
    expect(body).toContain(
      '> The best moments\n> usually occur when\n>\n> — p. 12 · loc. 170-172 · [open at the quote](https://example.com/post#:~:text=The%20best%20moments)\n\nYes.\n',
    );
    expect(body).toContain(
      '## Actions\n\n- [x] Block two hours of focus — done 2026-11-09\n  - Effect: Shipped the draft\n',
    );
    expect(body).toContain('## Reflections\n\n### 2026-12-01 · What did you try?\n\nI tried the focus block.\n');
  });

  it('a clip links to the video at its second', () => {
    const { body } = split(vault().get('Resources/A talk (vid999).md')!);
    expect(body).toContain(
      '## Clips\n\n- [1:23](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=83s) · Intro — the key point',
    );
  });

  it('an activity: its type as the source, its day, a typed quote with its page and no link', () => {
    const { fields, body } = split(vault().get('Activities/Thinking, Fast and Slow (book77).md')!);
    expect(fields).toMatchObject({
      title: 'Thinking, Fast and Slow',
      source: 'book',
      happened: '2026-10-30',
      kind: 'activity',
    });
    expect(fields).not.toHaveProperty('url');
    expect(body).toContain('> Nothing in life is as important as you think\n>\n> — p. 402\n');
  });

  it('a journal month: each entry with its day and question, linked to its resource', () => {
    const { fields, body } = split(vault().get('Journal/2026-12.md')!);
    expect(fields).toEqual({ title: 'Journal 2026-12', month: '2026-12' });
    expect(body).toContain('## 2026-12-01 · What did you try?\n\nI tried the focus block.\n');
    expect(body).toContain('About: [[Resources/Flow the state of work (abcdef)|Flow: the "state" of work]]');
  });

  it('text from a page stays text: a quote cannot start a heading or a link', () => {
    const hostile = resource({
      id: 'hostile1',
      title: '[click](https://evil.example)',
      quotes: [{ id: 'q', exact: '# Heading [x](javascript:alert(1))', note: '', createdAt: NOON(2026, 11, 2) }],
    });
    const text = [...markdownVault({ resources: [hostile], reflections: [], actions: [] }).values()][0]!;
    expect(text).toContain('# \\[click\\](https://evil.example)');
    expect(text).toContain('> \\# Heading \\[x\\](javascript:alert(1))');
    // No directive: the link opens the page itself.
    expect(text).toContain('> — [open the page](https://example.com/post)');
  });
});

describe('Markdown export: file names', () => {
  it.each([
    ['CON', 'CON-'],
    ['nul.txt', 'nul-.txt'],
    [`aux.${'z'.repeat(70)}`, `aux-.${'z'.repeat(55)}`],
    ['a/b:c', 'a b c'],
    ['Räksmörgås och ödla', 'Räksmörgås och ödla'],
    ['Emoji 🚀 launch', 'Emoji 🚀 launch'],
    ['', 'Untitled'],
    ['  ...  ', 'Untitled'],
    ['.hidden. ', 'hidden'],
    ['Tab\there\u202Eevil', 'Tab here evil'],
    ['What? *Really* <yes> | "no"', 'What Really yes no'],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('NFC: a decomposed å is the composed one', () => {
    expect(slugify('a\u030A')).toBe('å');
  });

  it('a 200-character title is cut to 60, never inside an emoji', () => {
    expect(slugify('x'.repeat(200))).toBe('x'.repeat(60));
    const cut = slugify(`${'y'.repeat(58)}👩‍👩‍👧 tail`);
    expect(Array.from(cut).length).toBeLessThanOrEqual(SLUG_MAX_CHARS);
    expect(cut).toBe('y'.repeat(58));
  });

  it('two titles alike with ids alike in their first characters still get two names', () => {
    const names = uniqueNames(
      [
        { id: 'import-1', title: 'Same' },
        { id: 'import-2', title: 'same' },
      ],
      (r) => r.title,
    );
    expect([...names.values()]).toEqual(['Same (import).md', 'same (import-).md']);
  });

  const UNSAFE = /[/\\:*?"<>|#^[\]\p{Cc}]|(?![\u200C\u200D])\p{Cf}/u;
  const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])\s*(\.|$)/i;

  it('for any library, names are unique, short, safe and the same in a second export', () => {
    const record = fc.record({
      id: fc.oneof(fc.uuid(), fc.string({ unit: 'binary', minLength: 1, maxLength: 14 })),
      title: fc.oneof(
        fc.string({ maxLength: 300 }),
        fc.string({ unit: 'binary', maxLength: 120 }),
        fc.string({ unit: 'grapheme', maxLength: 90 }),
        fc.constantFrom('CON', 'aux', 'a/b', ''),
      ),
    });
    fc.assert(
      fc.property(fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 30 }), (records) => {
        const first = uniqueNames(records, (r) => r.title);
        const again = uniqueNames([...records].reverse(), (r) => r.title);
        expect([...again].sort()).toEqual([...first].sort());
        const names = [...first.values()];
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(records.length);
        for (const name of names) {
          const slug = name.replace(/ \([^()]*\)\.md$/, '');
          expect(Array.from(slug).length).toBeLessThanOrEqual(SLUG_MAX_CHARS);
          expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
          expect(name).not.toMatch(UNSAFE);
          expect(name).not.toMatch(/^[.\s]|[.\s]$/);
          expect(name).not.toMatch(RESERVED);
          expect(name.normalize('NFC')).toBe(name);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('Markdown export: the zip opens as a vault', () => {
  it('every file unzips and its frontmatter parses; a second export gives the same names', async () => {
    const sample = sampleRecords(30, 3);
    const records = {
      resources: [...sample.resources, article, video, book],
      reflections: [...sample.reflections, reflection],
      actions: [...sample.actions, action],
    };
    const { bytes: zip, files } = await markdownZip(records);
    const entries = unzipSync(zip);
    const names = Object.keys(entries);
    expect(files).toBe(names.length);
    // What the zip holds is what the files are, byte for byte, sliced or not.
    expect(Object.fromEntries(names.map((n) => [n, strFromU8(entries[n]!)]))).toEqual(
      Object.fromEntries(markdownVault(records)),
    );
    expect(names.length).toBe(33 + new Set(records.reflections.map((r) => localDay(r.createdAt).slice(0, 7))).size);
    for (const name of names) {
      expect(name).toMatch(/^(Resources|Activities|Journal)\/[^/]+\.md$/);
      const { fields } = split(strFromU8(entries[name]!));
      expect(typeof fields.title).toBe('string');
    }
    const flow = split(strFromU8(entries['Resources/Flow the state of work (abcdef).md']!)).fields;
    expect(flow.title).toBe('Flow: the "state" of #work');
    expect(flow.tags).toEqual(['deep-work', 'psychology']);
    // Every resource's title comes back from its file, whatever it held (<script>, Arabic, emoji, quotes).
    const titles = names
      .filter((n) => !n.startsWith('Journal/'))
      .map((n) => split(strFromU8(entries[n]!)).fields.title);
    expect(titles.sort()).toEqual(records.resources.map((r) => r.title).sort());

    const again = Object.keys(unzipSync((await markdownZip(records, { sliceMs: 0 })).bytes));
    expect(again).toEqual(names);
  });
});

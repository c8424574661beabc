import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { validateSource } from '../../../scripts/team-setup.mjs';
import { buildBackup, serializeBackup } from '../../../lib/backup/export';
import { BACKUP_VERSION, backupVersionOfDatabase } from '../../../lib/backup/format';
import { importText } from '../../../lib/backup/import';
import { getResource } from '../../../lib/app/resources';
import { addResource } from '../../../lib/db/resources';
import { mergeRecords, mergeResource, rebasePatch } from '../../../lib/model/merge';
import { cleanQuote, type Quote } from '../../../lib/model/quote';
import { typedQuote } from '../../../lib/quotes/typed';
import type { Resource } from '../../../lib/model/resource';
import { RECORD_SCHEMAS } from '../../../lib/model/schemas';
import { checkRemoteDoc, docId } from '../../../lib/sync/records';
import { checkTeamDocWhy, teamCopyOf } from '../../../lib/team/documents';
import { digestItem, digestMarkdown, digestSlack, digestText, type Digest } from '../../../lib/share/digest';
import { genericPayload } from '../../../lib/share/payloads';
import { useDictionary } from '../../../lib/i18n';
import { readLocale } from '../../../scripts/locales';
import { backupText, sampleRecords } from '../backup/helpers';

// A quote's location (database version 7) goes everywhere the quote goes.

const T = Date.UTC(2026, 11, 8, 9);
const typed: Quote = {
  id: 'q-typed',
  exact: 'Team learning starts with dialogue.',
  note: 'For the retro',
  createdAt: T,
  location: { page: '12', loc: '170-172' },
};
const book = (quotes: Quote[] = [typed], fields: Partial<Resource> = {}): Resource => ({
  id: 'book-1',
  kind: 'activity',
  activityType: 'book',
  happenedOn: '2026-12-07',
  title: 'The Fifth Discipline',
  author: 'Peter Senge',
  notes: '',
  takeaways: [],
  clips: [],
  tags: [],
  status: 'learning',
  quotes,
  createdAt: T,
  updatedAt: T,
  ...fields,
});

describe('a quote’s location in the backup', () => {
  it('export → import keeps it exactly, into an empty library', async () => {
    await addResource(book());
    const file = await buildBackup();
    expect(file.version).toBe(BACKUP_VERSION);
    expect(BACKUP_VERSION).toBe(5);
    const text = serializeBackup(file);
    const { getDb } = await import('../../../lib/db/open');
    await (await getDb()).clear('resources');
    await importText(text, 'backup.json', { mode: 'replace' });
    expect((await getResource('book-1'))!.quotes).toEqual([typed]);
  });

  it('a file of export version 4 (no locations) still imports; a snapshot of a version-7 database reads as version 5', async () => {
    const records = sampleRecords(0);
    const { location: _none, ...old } = typed;
    const result = await importText(backupText({ ...records, resources: [book([old])] }, { version: 4 }), 'v4.json');
    expect(result.counts?.resources).toMatchObject({ added: 1 });
    expect((await getResource('book-1'))!.quotes).toEqual([old]);
    expect(backupVersionOfDatabase(7)).toBe(5);
  });

  it.each([
    ['a page longer than 24 characters', { page: 'x'.repeat(25) }],
    ['an empty location part', { page: '' }],
    ['a location that is not text', { loc: 172 }],
    ['an unknown part', { chapter: '3' }],
  ])('refuses %s, naming the record', async (_name, location) => {
    const bad = book([{ ...typed, location } as unknown as Quote]);
    expect(v.safeParse(RECORD_SCHEMAS.resources, bad).success).toBe(false);
    await expect(importText(backupText({ ...sampleRecords(0), resources: [bad] }), 'bad.json')).rejects.toThrow();
    expect(await getResource('book-1')).toBeUndefined();
  });

  it('an import meeting the same quote with a location added elsewhere keeps the newer record’s', () => {
    const { location: _none, ...old } = typed;
    const here = book([old], { updatedAt: T });
    const there = book([typed], { updatedAt: T + 1000 });
    expect(mergeResource(here, there, T + 2000).quotes).toEqual([typed]);
  });
});

describe('whatever is typed', () => {
  it('never throws; a quote kept from it is stored as it is and passes the backup’s and sync’s schema', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('', ' ', '\n\t'),
    );
    fc.assert(
      fc.property(
        fc.record({ text, page: text, loc: text, note: fc.string() }),
        fc.integer({ min: 0, max: 30 }),
        (draft, pad) => {
          const padded = { ...draft, page: draft.page.padEnd(draft.page.length + pad), text: draft.text };
          const { quote, problem } = typedQuote(padded, 'q', T);
          if (!quote) return problem !== undefined;
          expect(cleanQuote(quote)).toEqual(quote);
          expect(v.safeParse(RECORD_SCHEMAS.resources, book([quote])).issues).toBeUndefined();
          return true;
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('a quote’s location in sync', () => {
  it('a record document with it passes the server check whole; one with a location too long is skipped', () => {
    const record = book();
    const checked = checkRemoteDoc({ _id: docId('resources', record.id), store: 'resources', record });
    expect(checked).toMatchObject({ ok: true });
    expect(checked.ok && (checked.record as Resource).quotes).toEqual([typed]);
    const long = book([{ ...typed, location: { loc: '1'.repeat(25) } }]);
    expect(checkRemoteDoc({ _id: docId('resources', long.id), store: 'resources', record: long })).toMatchObject({
      ok: false,
    });
  });

  it('three-way: a page corrected on one device and a note edited on another keep both', () => {
    const { location: _none, ...base } = typed;
    const baseRecord = book([base]);
    const ours = book([{ ...base, location: { page: '12' } }], { updatedAt: T + 1 });
    const theirs = book([{ ...base, note: 'Edited on the phone' }], { updatedAt: T + 2 });
    const merged = mergeRecords('resources', baseRecord, ours, theirs, T + 3) as Resource;
    expect(merged.quotes).toHaveLength(1);
    expect(merged.quotes![0]!.location).toEqual({ page: '12' });
    expect(merged.quotes![0]!.note).toContain('Edited on the phone');
  });

  it('an autosaving edit of the location meets another writer’s note edit: neither is lost', () => {
    const { location: _none, ...base } = typed;
    const current = book([{ ...base, note: 'Theirs' }]);
    const patch = { quotes: [{ ...base, location: { page: '13' } }] };
    const next = rebasePatch(current, patch, { quotes: [base] }, T + 5);
    // Both versions of the quote are there: the page typed here and the note written there.
    expect(next.quotes!.map((q) => [q.note, q.location?.page])).toEqual(
      expect.arrayContaining([
        ['For the retro', '13'],
        ['Theirs', undefined],
      ]),
    );
  });
});

describe('a quote’s location in the team space', () => {
  const validate = new Function(`return (${validateSource()});`)() as (
    newDoc: Record<string, unknown>,
    oldDoc: Record<string, unknown> | null,
    userCtx: { name: string | null; roles: string[] },
  ) => void;

  it('is published with the quote, passes every teammate’s check and the server’s rules', () => {
    const { item } = teamCopyOf(book(), 'alice', { takeaways: false, quotes: true, clips: false }, T);
    expect(item.quotes).toEqual([
      { exact: 'Team learning starts with dialogue.', note: 'For the retro', location: { page: '12', loc: '170-172' } },
    ]);
    expect(checkTeamDocWhy(item)).toMatchObject({ ok: true });
    expect(() =>
      validate(item as unknown as Record<string, unknown>, null, { name: 'alice', roles: [] }),
    ).not.toThrow();
  });

  it('a teammate’s location past the cap is refused as unreadable, as any field past its cap', () => {
    const { item } = teamCopyOf(book(), 'alice', { takeaways: false, quotes: true, clips: false }, T);
    const long = { ...item, quotes: [{ exact: 'x', location: { page: 'p'.repeat(25) } }] };
    expect(checkTeamDocWhy(long)).toEqual({ ok: false, why: 'unreadable' });
  });
});

describe('a quote’s location in the digest', () => {
  it('each format cites the page and location; a typed quote has no link to a passage', () => {
    const item = digestItem(book(), []);
    expect(item.quotes).toEqual([
      { text: 'Team learning starts with dialogue.', note: 'For the retro', where: 'p. 12 · loc. 170–172' },
    ]);
    const digest: Digest = { kind: 'resource', items: [item] } as Digest;
    expect(digestMarkdown(digest)).toContain('> p. 12 · loc. 170–172 — For the retro');
    expect(digestText(digest)).toContain(
      '- “Team learning starts with dialogue.” (p. 12 · loc. 170–172) — For the retro',
    );
    expect(digestSlack(digest)).toContain('> p. 12 · loc. 170–172 — For the retro');
    expect(JSON.stringify(genericPayload(digest))).toContain('"where":"p. 12 · loc. 170–172"');
  });

  it('in Swedish: “s. 12 · pos. 170–172”', () => {
    useDictionary('sv', readLocale('sv'));
    try {
      expect(digestItem(book(), []).quotes[0]!.where).toBe('s. 12 · pos. 170–172');
    } finally {
      useDictionary('en', null);
    }
  });
});

import fc from 'fast-check';
import { missingReviewCards, reviewCardId } from '../../../lib/model/review-card';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../lib/backup/errors';
import { buildBackup, serializeBackup } from '../../../lib/backup/export';
import { STORES, type BackupRecords } from '../../../lib/backup/format';
import { importText, prepareImport } from '../../../lib/backup/import';
import { planMerge } from '../../../lib/backup/merge';
import { parseBackup } from '../../../lib/backup/parse';
import { closeDb } from '../../../lib/db/open';
import { ACTIVITY_TYPES } from '../../../lib/model/activity';
import { ITEM_KINDS, type Resource } from '../../../lib/model/resource';
import { REVIEW_ANSWERS, type ReviewCard } from '../../../lib/model/review-card';
import type { Action } from '../../../lib/model/action';
import type { Assessment } from '../../../lib/model/assessment';
import type { CustomPrompt } from '../../../lib/model/prompt';
import type { Reflection } from '../../../lib/model/reflection';
import { LIMITS, normaliseTags } from '../../../lib/infra/limits';
import { boundResourceTimes } from '../../../lib/model/clip';
import { backupText, readAll, sampleRecords, sorted } from './helpers';
import { IDBFactory } from 'fake-indexeddb';

const T0 = Date.UTC(2026, 0, 1);
const anyText = (max: number) => fc.string({ unit: 'binary', maxLength: Math.min(max, 60) });
// Record times as lib/infra/time.ts allows them: 1990 to a few years ahead.
const time = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.now() + 4 * 365 * 86_400_000 });
const webUrl = fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => u.length <= LIMITS.url);
const id = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });
/** valibot records skip these keys; condition ids are fixed names in code, so a real export never has them. */
const conditionKey = fc.string({ maxLength: 20 }).filter((k) => !['__proto__', 'constructor', 'prototype'].includes(k));

/** What the app stores: tags normalised and clip times inside the video, as every write leaves them. */
const resource: fc.Arbitrary<Resource> = fc
  .record(
    {
      id,
      url: webUrl,
      canonicalUrl: webUrl,
      kind: fc.constantFrom('video', 'article', 'page'),
      title: anyText(LIMITS.title),
      site: anyText(LIMITS.site),
      author: anyText(LIMITS.author),
      description: anyText(LIMITS.description),
      thumbnailUrl: webUrl,
      iconUrl: webUrl,
      publishedAt: fc.string({ maxLength: 30 }),
      durationSec: fc.nat(),
      readingMinutes: fc.double({ min: 0, max: 1000, noNaN: true }).filter((n) => !Object.is(n, -0)),
      videoId: fc.string({ maxLength: 11 }),
      positionSec: fc.nat(),
      notes: anyText(LIMITS.notes),
      clips: fc.uniqueArray(
        fc.record(
          {
            id,
            atSec: fc.nat(),
            endSec: fc.nat(),
            note: anyText(LIMITS.clipNote),
            chapter: anyText(LIMITS.chapter),
            transcript: fc.array(anyText(LIMITS.transcriptLine), { maxLength: 3 }),
            createdAt: time,
          },
          { requiredKeys: ['id', 'atSec', 'note', 'createdAt'] },
        ),
        { maxLength: 3, selector: (clip) => clip.id },
      ),
      takeaways: fc.uniqueArray(fc.record({ id, text: anyText(LIMITS.takeaway), createdAt: time }), {
        maxLength: 3,
        selector: (item) => item.id,
      }),
      tags: fc.array(fc.string({ maxLength: LIMITS.tag }), { maxLength: 5 }),
      status: fc.constantFrom('queued', 'learning', 'learned'),
      sharedAt: time,
      sharedHow: fc.constantFrom('chat', 'meeting', 'demo', 'write-up'),
      createdAt: time,
      updatedAt: time,
      learnedAt: time,
    },
    {
      requiredKeys: [
        'id',
        'url',
        'canonicalUrl',
        'kind',
        'title',
        'notes',
        'clips',
        'takeaways',
        'tags',
        'status',
        'createdAt',
        'updatedAt',
      ],
    },
  )
  .map((r) => boundResourceTimes({ ...r, tags: normaliseTags(r.tags) }));

/** Learning with no link: a resource without an address, with a type and the day it happened. */
const day = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const activity: fc.Arbitrary<Resource> = fc
  .tuple(
    resource,
    fc.constantFrom(...ACTIVITY_TYPES),
    day,
    fc.option(anyText(LIMITS.withWhom), { nil: undefined }),
    fc.option(fc.constantFrom('9780306406157', '0306406152'), { nil: undefined }),
  )
  .map(([{ url: _url, canonicalUrl: _canonical, ...rest }, activityType, happenedOn, withWhom, isbn]) => ({
    ...rest,
    kind: 'activity' as const,
    activityType,
    happenedOn,
    ...(withWhom === undefined ? {} : { withWhom }),
    ...(isbn === undefined ? {} : { isbn }),
  }));

const reflection: fc.Arbitrary<Reflection> = fc.record(
  {
    id,
    promptId: fc.string({ maxLength: 30 }),
    promptText: anyText(LIMITS.promptText),
    answer: anyText(LIMITS.answer),
    resourceId: id,
    resourceTitle: anyText(LIMITS.title),
    createdAt: time,
    updatedAt: time,
  },
  { requiredKeys: ['id', 'promptId', 'promptText', 'answer', 'createdAt', 'updatedAt'] },
);
const prompt: fc.Arbitrary<CustomPrompt> = fc.record({
  id,
  text: anyText(LIMITS.promptText),
  group: fc.string({ maxLength: 20 }),
  enabled: fc.boolean(),
  createdAt: time,
  updatedAt: time,
});
const action: fc.Arbitrary<Action> = fc.record(
  {
    id,
    text: anyText(LIMITS.actionText),
    source: fc.record(
      {
        kind: fc.constantFrom('reflection', 'resource', 'none'),
        id,
        title: anyText(LIMITS.title),
        item: fc.record({ kind: fc.constantFrom(...ITEM_KINDS), id }),
      },
      { requiredKeys: ['kind'] },
    ),
    followUpAt: time,
    status: fc.constantFrom('open', 'done', 'dropped'),
    outcome: anyText(LIMITS.outcome),
    createdAt: time,
    updatedAt: time,
    doneAt: time,
  },
  { requiredKeys: ['id', 'text', 'source', 'status', 'createdAt', 'updatedAt'] },
);
const assessment: fc.Arbitrary<Assessment> = fc.record(
  {
    id,
    createdAt: time,
    updatedAt: time,
    scores: fc.dictionary(conditionKey, fc.integer({ min: 1, max: 5 }), { maxKeys: 4 }),
    notes: fc.dictionary(conditionKey, anyText(200), { maxKeys: 3 }),
    note: anyText(200),
  },
  { requiredKeys: ['id', 'createdAt', 'updatedAt', 'scores'] },
);

const review: fc.Arbitrary<ReviewCard> = fc
  .record(
    {
      resourceId: id,
      itemKind: fc.constantFrom(...ITEM_KINDS),
      itemId: id,
      due: time,
      stability: fc.double({ min: 0, max: 1000, noNaN: true }).filter((n) => !Object.is(n, -0)),
      difficulty: fc.double({ min: 0, max: 10, noNaN: true }).filter((n) => !Object.is(n, -0)),
      scheduledDays: fc.nat({ max: 1000 }),
      reps: fc.nat({ max: 100 }),
      lapses: fc.nat({ max: 100 }),
      state: fc.integer({ min: 0, max: 3 }),
      lastReview: time,
      retiredAt: time,
      history: fc.array(fc.record({ at: time, answer: fc.constantFrom(...REVIEW_ANSWERS) }), { maxLength: 3 }),
      createdAt: time,
      updatedAt: time,
    },
    {
      requiredKeys: [
        'resourceId',
        'itemKind',
        'itemId',
        'stability',
        'difficulty',
        'scheduledDays',
        'reps',
        'lapses',
        'state',
        'history',
        'createdAt',
        'updatedAt',
      ],
    },
  )
  .map((card) => ({ id: reviewCardId(card.resourceId, card.itemKind, card.itemId), ...card }));

const records: fc.Arbitrary<BackupRecords> = fc
  .record({
    resources: fc.uniqueArray(fc.oneof(resource, activity), { selector: (r) => r.id, maxLength: 6 }).map((list) => {
      // canonicalUrl is a unique index: make them distinct (activities have none).
      const seen = new Set<string>();
      return list.filter(
        (r) => r.canonicalUrl === undefined || (!seen.has(r.canonicalUrl) && seen.add(r.canonicalUrl)),
      );
    }),
    reflections: fc.uniqueArray(reflection, { selector: (r) => r.id, maxLength: 4 }),
    prompts: fc.uniqueArray(prompt, { selector: (r) => r.id, maxLength: 3 }),
    actions: fc.uniqueArray(action, { selector: (r) => r.id, maxLength: 3 }),
    assessments: fc.uniqueArray(assessment, { selector: (r) => r.id, maxLength: 2 }),
    reviews: fc.uniqueArray(review, { selector: (r) => r.id, maxLength: 3 }),
  })
  .map((data) => ({
    ...data,
    // Every takeaway, quote and clip has its card (an import makes the missing ones, with today's time).
    reviews: [...data.reviews, ...missingReviewCards(data.resources, new Map(data.reviews.map((c) => [c.id, c])), T0)],
  }));

function onlyImportErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
  }
}

const fileNames = fc.constantFrom('', 'backup.json', 'pocket.csv', 'bookmarks.html', 'links.txt', 'noextension');

describe('import parsers never throw anything but ImportError', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fileNames, (text, name) =>
        onlyImportErrors(() => prepareImport(text, name)),
      ),
      { numRuns: 600 },
    );
  });

  it('on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fileNames, (value, name) =>
        onlyImportErrors(() => prepareImport(JSON.stringify(value) ?? '', name)),
      ),
      { numRuns: 400 },
    );
  });

  it('on a valid backup with any one value replaced by anything', () => {
    const base = JSON.parse(
      backupText(sampleRecords(3), { settings: { language: 'en', showThumbnails: true } }),
    ) as Record<string, unknown>;
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length)), fc.jsonValue(), (path, replacement) => {
        const copy = structuredClone(base);
        let target = copy as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
        target[path[path.length - 1]!] = replacement;
        onlyImportErrors(() => parseBackup(JSON.stringify(copy)));
      }),
      { numRuns: 500 },
    );
  });

  it('on CSV-, HTML- and list-shaped noise', () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.webUrl(),
      fc.constantFrom('"', '""', ',', '\n', '|', 'javascript:x', 'unread', 'archive'),
    );
    const csv = fc
      .array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 })
      .map((rows) => ['title,url,time_added,tags,status', ...rows.map((r) => r.join(','))].join('\n'));
    const html = fc
      .array(
        fc.oneof(
          fc.constantFrom('<DL><p>', '</DL>', '<DT>', '<H3>', '</H3>', '<A HREF="', '">', '</A>', '<DD>'),
          fc.string({ maxLength: 10 }),
          fc.webUrl(),
        ),
        { maxLength: 30 },
      )
      .map((parts) => `<!DOCTYPE NETSCAPE-Bookmark-file-1>${parts.join('')}`);
    const list = fc
      .array(fc.oneof(fc.webUrl(), fc.string({ maxLength: 30 })), { maxLength: 10 })
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(csv, (text) => onlyImportErrors(() => prepareImport(text, 'x.csv'))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(html, (text) => onlyImportErrors(() => prepareImport(text, 'x.html'))),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(list, (text) => onlyImportErrors(() => prepareImport(text, 'x.txt'))),
      { numRuns: 300 },
    );
  });
});

describe('valid exports always re-import', () => {
  it('any records: export → empty database → import gives the same records', async () => {
    await fc.assert(
      fc.asyncProperty(records, async (data) => {
        await closeDb();
        globalThis.indexedDB = new IDBFactory();
        const text = backupText(data);
        // Through the real export too: seed, export, wipe, import.
        await importText(text, 'seed.json');
        const exported = serializeBackup(await buildBackup());
        await closeDb();
        globalThis.indexedDB = new IDBFactory();
        const result = await importText(exported, 'again.json');
        expect(result.added).toBe(STORES.reduce((n, s) => n + data[s].length, 0));
        expect(sorted(await readAll())).toEqual(sorted(data));
      }),
      { numRuns: 40 },
    );
  });

  it('merging a file into what it already holds changes nothing', () => {
    fc.assert(
      fc.property(records, (data) => {
        const merged = planMerge(data, data);
        expect(merged.puts).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

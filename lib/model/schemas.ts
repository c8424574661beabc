import { isRecordTime } from '../infra/time';
import * as v from 'valibot';
import { ACTIVITY_TYPES } from './activity';
import type { Action } from './action';
import type { Assessment } from './assessment';
import type { CustomPrompt } from './prompt';
import type { Reflection } from './reflection';
import { ITEM_KINDS, type Resource } from './resource';
import { REVIEW_ANSWERS, type ReviewCard } from './review-card';
import type { StoreName } from './stores';
import { takeawaysAsItems } from './takeaway-text';
import { clipsFromTimestampNotes } from './clip-legacy';
import { boundResourceTimes } from './clip';
import { capText, isWebUrl, LIMITS, normaliseTags } from '../infra/limits';
import { isFragmentDirective } from './quote-directive';
import { isDay } from './activity';

/**
 * Valibot schemas for every record of our export format. Strict: an unknown field is an error
 * (it would be lost silently otherwise), a wrong type is an error, text a user wrote that is
 * longer than the app allows is an error. Page metadata (title, description…) is untrusted and
 * capped instead, as saveResource caps it. Only http(s) URLs pass.
 *
 * The `Same<…>` checks at the bottom fail the type check when a field is added to the model (lib/model/)
 * without being added here, so export → import can never drop a field nobody told us about.
 */

/** Issue messages are tokens; lib/backup/parse.ts turns them into sentences. */
export const WEB_URL = 'web-url';
export const RECORD_TIME = 'record-time';
export const DAY = 'day';
/** An activity's rules (kindRule): a field its kind needs, or one it cannot have. */
export const MUST_HAVE = 'must-have';
export const MUST_NOT_HAVE = 'must-not-have';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
/** A record time (lib/infra/time.ts): the bounds are checked when the file is read. */
const time = v.pipe(
  v.number(),
  v.integer(),
  v.check((value) => isRecordTime(value), RECORD_TIME),
);
const seconds = v.pipe(v.number(), v.minValue(0));
/** What the user wrote: never shortened, so too long is an error. */
const userText = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** What a page said: capped like a capture is. */
const pageText = (max: number) =>
  v.pipe(
    v.string(),
    v.transform((value) => capText(value, max)),
  );
const webUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url),
  v.check((value) => isWebUrl(value), WEB_URL),
);

/** A conflict version (lib/model/merge.ts): a whole text another writer wrote, kept until chosen. */
const conflictsSchema = v.optional(
  v.pipe(
    v.array(v.strictObject({ field: v.pipe(v.string(), v.maxLength(50)), text: userText(LIMITS.notes), at: time })),
    v.maxLength(20),
  ),
);

/** Export format 1's moments; they read as clips (lib/model/clip-legacy.ts). */
export const timestampNoteSchema = v.strictObject({
  atSec: seconds,
  text: userText(2_000),
});

export const clipSchema = v.strictObject({
  id,
  atSec: seconds,
  endSec: v.optional(seconds),
  note: userText(LIMITS.clipNote),
  chapter: v.optional(pageText(LIMITS.chapter)),
  transcript: v.optional(v.pipe(v.array(pageText(LIMITS.transcriptLine)), v.maxLength(LIMITS.transcriptLines))),
  createdAt: time,
});

/** A quote's page or location: one short line, as typed or as its source wrote it. */
const quoteLocationPart = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.quoteLocation));

export const quoteSchema = v.strictObject({
  id,
  exact: pageText(LIMITS.quote),
  prefix: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.quoteContext * 2))),
  suffix: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.quoteContext * 2))),
  fragment: v.optional(
    v.pipe(
      v.string(),
      v.check((value) => isFragmentDirective(value), 'fragment'),
    ),
  ),
  note: userText(LIMITS.quoteNote),
  createdAt: time,
  // Export format 5: where in a book it stands. A part is present only when it says something, as
  // `cleanQuoteLocation` stores it, so an import and a sync keep exactly what the database holds.
  location: v.optional(
    v.strictObject({
      page: v.optional(quoteLocationPart),
      loc: v.optional(quoteLocationPart),
    }),
  ),
});

export const takeawaySchema = v.strictObject({
  id,
  text: userText(LIMITS.takeaway),
  createdAt: time,
});

const resourceEntries = {
  id,
  url: v.optional(webUrl),
  canonicalUrl: v.optional(webUrl),
  kind: v.picklist(['video', 'article', 'page', 'activity']),
  activityType: v.optional(v.picklist(ACTIVITY_TYPES)),
  happenedOn: v.optional(
    v.pipe(
      v.string(),
      v.check((value) => isDay(value), DAY),
    ),
  ),
  withWhom: v.optional(userText(LIMITS.withWhom)),
  isbn: v.optional(v.pipe(v.string(), v.maxLength(20))),
  title: pageText(LIMITS.title),
  site: v.optional(pageText(LIMITS.site)),
  author: v.optional(pageText(LIMITS.author)),
  description: v.optional(pageText(LIMITS.description)),
  thumbnailUrl: v.optional(webUrl),
  iconUrl: v.optional(webUrl),
  publishedAt: v.optional(v.pipe(v.string(), v.maxLength(100))),
  durationSec: v.optional(seconds),
  readingMinutes: v.optional(seconds),
  videoId: v.optional(v.pipe(v.string(), v.maxLength(64))),
  positionSec: v.optional(seconds),
  notes: userText(LIMITS.notes),
  clips: v.pipe(v.array(clipSchema), v.maxLength(LIMITS.clips)),
  quotes: v.optional(v.pipe(v.array(quoteSchema), v.maxLength(LIMITS.quotes))),
  takeaways: v.pipe(v.array(takeawaySchema), v.maxLength(LIMITS.takeawayItems)),
  // The one normalisation a typed tag gets (lib/infra/limits.ts), so an import or a sync stores no
  // blank, invisible or second-spelling tag either.
  tags: v.pipe(
    v.array(userText(LIMITS.tag)),
    v.maxLength(LIMITS.tags),
    v.transform((tags: string[]) => normaliseTags(tags)),
  ),
  status: v.picklist(['queued', 'learning', 'learned']),
  sharedAt: v.optional(time),
  sharedHow: v.optional(v.picklist(['chat', 'meeting', 'demo', 'write-up'])),
  createdAt: time,
  updatedAt: time,
  learnedAt: v.optional(time),
  conflicts: conflictsSchema,
};

const resourceObject = v.strictObject(resourceEntries);
const LINK_FIELDS = ['url', 'canonicalUrl'] as const;
const ACTIVITY_FIELDS = ['activityType', 'happenedOn'] as const;

type KindFields = { kind: string } & Partial<
  Record<(typeof LINK_FIELDS)[number] | (typeof ACTIVITY_FIELDS)[number], string>
>;

/**
 * Pages have a link and no activity type or day; an activity has both and no link (nothing
 * pretends to be one). Each issue names its field, so the message says which.
 */
function kindRule<T extends KindFields>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const record = dataset.value;
    const activity = record.kind === 'activity';
    const issue = (key: (typeof LINK_FIELDS)[number] | (typeof ACTIVITY_FIELDS)[number], message: string) =>
      addIssue({ message, path: [{ type: 'object', origin: 'value', input: record, key, value: record[key] }] });
    for (const key of activity ? ACTIVITY_FIELDS : LINK_FIELDS) if (record[key] === undefined) issue(key, MUST_HAVE);
    for (const key of activity ? LINK_FIELDS : ACTIVITY_FIELDS)
      if (record[key] !== undefined) issue(key, MUST_NOT_HAVE);
  });
}

export const resourceSchema = v.pipe(
  resourceObject,
  kindRule<v.InferOutput<typeof resourceObject>>(),
  v.transform(boundResourceTimes),
);

export const reflectionSchema = v.strictObject({
  id,
  promptId: v.pipe(v.string(), v.maxLength(200)),
  promptText: userText(LIMITS.promptText),
  answer: userText(LIMITS.answer),
  resourceId: v.optional(id),
  resourceTitle: v.optional(pageText(LIMITS.title)),
  createdAt: time,
  updatedAt: time,
  conflicts: conflictsSchema,
});

export const promptSchema = v.strictObject({
  id,
  text: userText(LIMITS.promptText),
  group: v.pipe(v.string(), v.maxLength(200)),
  enabled: v.boolean(),
  createdAt: time,
  updatedAt: time,
});

export const actionSchema = v.strictObject({
  id,
  text: userText(LIMITS.actionText),
  source: v.strictObject({
    kind: v.picklist(['reflection', 'resource', 'none']),
    id: v.optional(id),
    title: v.optional(pageText(LIMITS.title)),
    item: v.optional(v.strictObject({ kind: v.picklist(ITEM_KINDS), id })),
    team: v.optional(
      v.strictObject({
        author: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
        resourceId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
      }),
    ),
  }),
  followUpAt: v.optional(time),
  status: v.picklist(['open', 'done', 'dropped']),
  outcome: v.optional(userText(LIMITS.outcome)),
  createdAt: time,
  updatedAt: time,
  doneAt: v.optional(time),
  conflicts: conflictsSchema,
});

const conditionKey = v.pipe(v.string(), v.maxLength(200));
export const assessmentSchema = v.strictObject({
  id,
  createdAt: time,
  updatedAt: time,
  scores: v.record(conditionKey, v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
  notes: v.optional(v.record(conditionKey, userText(LIMITS.answer))),
  note: v.optional(userText(LIMITS.answer)),
});

export const reviewSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(620)),
  resourceId: id,
  itemKind: v.picklist(ITEM_KINDS),
  itemId: id,
  due: v.optional(time),
  stability: v.pipe(v.number(), v.minValue(0)),
  difficulty: v.pipe(v.number(), v.minValue(0)),
  scheduledDays: v.pipe(v.number(), v.minValue(0)),
  reps: v.pipe(v.number(), v.integer(), v.minValue(0)),
  lapses: v.pipe(v.number(), v.integer(), v.minValue(0)),
  state: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3)),
  lastReview: v.optional(time),
  retiredAt: v.optional(time),
  history: v.pipe(
    v.array(v.strictObject({ at: time, answer: v.picklist(REVIEW_ANSWERS) })),
    v.maxLength(LIMITS.reviewHistory),
  ),
  createdAt: time,
  updatedAt: time,
});

export const RECORD_SCHEMAS = {
  resources: resourceSchema,
  reflections: reflectionSchema,
  prompts: promptSchema,
  actions: actionSchema,
  assessments: assessmentSchema,
  reviews: reviewSchema,
} as const satisfies Record<StoreName, v.GenericSchema>;

/**
 * Export format 1 (database versions 1 to 4): a resource's moments were `timestampNotes`. Read
 * with this schema, then turned into clips by `upgradeRecord` (the database upgrade does the same).
 */
const { clips: _clips, ...resourceEntriesV1 } = resourceEntries;
export const resourceSchemaV1 = v.strictObject({
  ...resourceEntriesV1,
  url: webUrl,
  canonicalUrl: webUrl,
  kind: v.picklist(['video', 'article', 'page']),
  timestampNotes: v.pipe(v.array(timestampNoteSchema), v.maxLength(500)),
  takeaways: userText(LIMITS.takeaways),
});

/** Export formats 2 and 3: takeaways were one text, actions had no source item, no review cards. */
const resourceObjectV3 = v.strictObject({ ...resourceEntries, takeaways: userText(LIMITS.takeaways) });
export const resourceSchemaV3 = v.pipe(resourceObjectV3, kindRule<v.InferOutput<typeof resourceObjectV3>>());

/** The schemas a file of export `version` is read with. */
export function recordSchemasFor(version: number): Record<StoreName, v.GenericSchema> {
  if (version < 2) return { ...RECORD_SCHEMAS, resources: resourceSchemaV1 };
  if (version < 4) return { ...RECORD_SCHEMAS, resources: resourceSchemaV3 };
  return RECORD_SCHEMAS;
}

/** A record read from an older file, in today's shape. */
export function upgradeRecord(store: StoreName, record: unknown, version: number): unknown {
  if (store !== 'resources' || version >= 4) return record;
  let value = record as Record<string, unknown> & { createdAt: number };
  if (version < 2) {
    const { timestampNotes, ...rest } = value as unknown as v.InferOutput<typeof resourceSchemaV1>;
    value = { ...rest, clips: clipsFromTimestampNotes(timestampNotes, rest.createdAt) };
  }
  // Takeaways as items, with the ids the database upgrade gives them (lib/db/upgrade.ts).
  return boundResourceTimes(takeawaysAsItems(value as unknown as Resource & { takeaways: unknown }));
}

/** The file around the records: checked first, records one by one after (for progress and precise messages). */
export const envelopeSchema = v.strictObject({
  format: v.string(),
  version: v.number(),
  exportedAt: v.pipe(v.string(), v.maxLength(100)),
  resources: v.array(v.unknown()),
  reflections: v.array(v.unknown()),
  prompts: v.array(v.unknown()),
  actions: v.array(v.unknown()),
  assessments: v.array(v.unknown()),
  /** From export format 4; older files have no review cards (each item gets a new one). */
  reviews: v.optional(v.array(v.unknown()), []),
  settings: v.record(v.string(), v.unknown()),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// A compile error on one of these lines: the model (lib/model/) and this schema disagree. Add the field
// here (and a fixture in tests/fixtures/db/ if the database changed).
export const schemaMatchesTypes: [
  Same<v.InferOutput<typeof resourceSchema>, Resource>,
  Same<v.InferOutput<typeof reflectionSchema>, Reflection>,
  Same<v.InferOutput<typeof promptSchema>, CustomPrompt>,
  Same<v.InferOutput<typeof actionSchema>, Action>,
  Same<v.InferOutput<typeof assessmentSchema>, Assessment>,
  Same<v.InferOutput<typeof reviewSchema>, ReviewCard>,
] = [true, true, true, true, true, true];

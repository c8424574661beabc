import { isDay } from '../model/activity';
import type { Action, ActionStatus } from '../model/action';
import type { ActivityType } from '../model/activity';
import type { Reflection } from '../model/reflection';
import type { Resource, ResourceKind, SharedHow } from '../model/resource';
import type { Takeaway } from '../model/takeaway';
import { formatClipTime } from '../infra/video-time';
import { locale, t } from '../i18n';
import { capLine, LIMITS } from '../infra/limits';
import { quoteHref } from '../quotes/fragment';
import { countAnswers, type ReviewCard } from '../model/review-card';
import { openUrl } from '../format/resource-links';
import { activityTypeLabel, formatDay, kindLabel } from '../format/resource-format';
import { escapeMarkdown, escapeMarkdownLine, escapeSlack, markdownLink, slackLink } from './escape';
import { inPeriod, type Period } from './period';

export interface DigestAction {
  text: string;
  status: ActionStatus;
  followUpAt?: number;
  outcome?: string;
}

/** A clip as a digest lists it: "12:34 · Chapter — note", linked to that second. */
export interface DigestClip {
  /** "12:34" or "12:34–13:04". */
  at: string;
  atSec: number;
  chapter?: string;
  note: string;
  url?: string;
}

/** A quote as a digest lists it: the passage, the user's note, a link that opens the page at it. */
export interface DigestQuote {
  text: string;
  note: string;
  url?: string;
}

export interface DigestItem {
  id: string;
  title: string;
  url?: string;
  kind: ResourceKind;
  /** An activity (no link): its kind of learning, the day it happened, with whom. */
  activityType?: ActivityType;
  happenedOn?: string;
  withWhom?: string;
  /** A book's author (a page names its site instead). */
  author?: string;
  site?: string;
  learnedAt?: number;
  sharedAt?: number;
  sharedHow?: SharedHow;
  takeaways: string[];
  clips: DigestClip[];
  quotes: DigestQuote[];
  actions: DigestAction[];
}

/** What a digest says, before it is written as Markdown, Slack mrkdwn, a Teams card or JSON. */
export interface Digest {
  /** A period's digest, or one resource posted on its own. */
  kind: 'period' | 'resource';
  period?: Period;
  items: DigestItem[];
  learnedCount: number;
  sharedCount: number;
  /** Takeaways, quotes and clips the user said they applied in the period (the daily review). */
  appliedCount?: number;
  /** Dates are written in this time zone (tests pin it; the UI leaves it to the browser). */
  timeZone?: string;
  /** The learning-environment condition the user asked the team to talk about (a period's digest). */
  topic?: DigestTopicText;
}

/** A condition as the digest names it, in the user's language. */
export interface DigestTopicText {
  name: string;
  score: number;
  suggestion: string;
}

/** Takeaways as list items, one line each (an item's own line breaks fold to spaces). */
export function takeawayLines(takeaways: readonly Takeaway[]): string[] {
  return takeaways.map((item) => capLine(item.text, LIMITS.takeaway)).filter(Boolean);
}

function digestAction(action: Action): DigestAction {
  const out: DigestAction = { text: capLine(action.text, LIMITS.actionText), status: action.status };
  if (action.followUpAt !== undefined) out.followUpAt = action.followUpAt;
  if (action.outcome) out.outcome = capLine(action.outcome, LIMITS.outcome);
  return out;
}

export function digestItem(resource: Resource, actions: readonly Action[]): DigestItem {
  const item: DigestItem = {
    id: resource.id,
    title: resource.title || t('untitled'),
    kind: resource.kind,
    takeaways: takeawayLines(resource.takeaways),
    clips: resource.clips.map((clip) => {
      const out: DigestClip = {
        at: formatClipTime(clip),
        atSec: clip.atSec,
        note: capLine(clip.note, LIMITS.clipNote),
      };
      if (clip.chapter) out.chapter = clip.chapter;
      const url = openUrl(resource, clip.atSec);
      if (url) out.url = new URL(url).href;
      return out;
    }),
    quotes: (resource.quotes ?? []).map((quote) => {
      const out: DigestQuote = {
        text: capLine(quote.exact, LIMITS.quote),
        note: capLine(quote.note, LIMITS.quoteNote),
      };
      const url = quoteHref(resource.url, quote.fragment);
      if (url) out.url = url;
      return out;
    }),
    actions: actions
      .filter((a) => a.status !== 'dropped')
      .sort((a, b) => a.createdAt - b.createdAt)
      .map(digestAction),
  };
  const url = openUrl(resource);
  if (url) item.url = new URL(url).href;
  if (resource.site) item.site = resource.site;
  if (resource.activityType) item.activityType = resource.activityType;
  if (resource.happenedOn) item.happenedOn = resource.happenedOn;
  if (resource.withWhom) item.withWhom = resource.withWhom;
  if (resource.kind === 'activity' && resource.author) item.author = resource.author;
  if (resource.status === 'learned' && resource.learnedAt !== undefined) item.learnedAt = resource.learnedAt;
  if (resource.sharedAt !== undefined) item.sharedAt = resource.sharedAt;
  if (resource.sharedHow) item.sharedHow = resource.sharedHow;
  return item;
}

/** What a digest reads (lib/db/digest.ts and its neighbours; lib/app/share-reads.ts wires them). */
export interface DigestReads {
  /** Every resource marked learned. */
  learned(): Promise<Resource[]>;
  /** Resources shared from `start` up to (not including) `end`. */
  sharedBetween(start: number, end: number): Promise<Resource[]>;
  actions(): Promise<Action[]>;
  reflection(id: string): Promise<Reflection | undefined>;
  /** Review cards answered (or made) since `since`. */
  cardsChangedSince(since: number): Promise<ReviewCard[]>;
}

/** Actions made from each resource, directly or from a reflection about it. */
async function actionsByResource(
  resourceIds: ReadonlySet<string>,
  read: Pick<DigestReads, 'actions' | 'reflection'>,
): Promise<Map<string, Action[]>> {
  const out = new Map<string, Action[]>();
  if (!resourceIds.size) return out;
  const actions = await read.actions();
  for (const action of actions) {
    let resourceId: string | undefined;
    if (action.source.kind === 'resource') resourceId = action.source.id;
    else if (action.source.kind === 'reflection' && action.source.id)
      resourceId = (await read.reflection(action.source.id))?.resourceId;
    if (!resourceId || !resourceIds.has(resourceId)) continue;
    out.set(resourceId, [...(out.get(resourceId) ?? []), action]);
  }
  return out;
}

export interface DigestOptions {
  timeZone?: string;
  topic?: DigestTopicText;
}

/** What was learned or shared in the period, oldest first, read through the indexes. */
export async function collectDigest(period: Period, read: DigestReads, options: DigestOptions = {}): Promise<Digest> {
  const learned = (await read.learned()).filter((r) => inPeriod(r.learnedAt, period));
  const shared = await read.sharedBetween(period.start, period.end);
  const byId = new Map<string, Resource>();
  for (const resource of [...learned, ...shared]) byId.set(resource.id, resource);
  const when = (r: Resource) => Math.min(...[r.learnedAt, r.sharedAt].filter((x): x is number => inPeriod(x, period)));
  const resources = [...byId.values()].sort((a, b) => when(a) - when(b) || a.title.localeCompare(b.title));
  const actions = await actionsByResource(new Set(byId.keys()), read);
  // A card answered in the period was updated in it or later: the updatedAt index finds them.
  const cards = await read.cardsChangedSince(period.start);
  const appliedCount = countAnswers(cards, period.start, period.end, ['applied']);
  return {
    kind: 'period',
    period,
    items: resources.map((r) => digestItem(r, actions.get(r.id) ?? [])),
    learnedCount: learned.length,
    sharedCount: shared.length,
    ...(appliedCount ? { appliedCount } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.topic ? { topic: options.topic } : {}),
  };
}

/** One resource, posted on its own ("teach it forward"). */
export async function collectResourceDigest(
  resource: Resource,
  read: Pick<DigestReads, 'actions' | 'reflection'>,
  options: DigestOptions = {},
): Promise<Digest> {
  return resourcesDigest([resource], await actionsByResource(new Set([resource.id]), read), options);
}

/** Actions made from each of these resources, for digests built later without a database read. */
export function actionsForResources(
  resources: readonly Resource[],
  read: Pick<DigestReads, 'actions' | 'reflection'>,
): Promise<Map<string, Action[]>> {
  return actionsByResource(new Set(resources.map((r) => r.id)), read);
}

/** Resources posted on their own (not a period): synchronous, so a click can build it and post. */
export function resourcesDigest(
  resources: readonly Resource[],
  actions: ReadonlyMap<string, readonly Action[]>,
  options: Pick<DigestOptions, 'timeZone'> = {},
): Digest {
  return {
    kind: 'resource',
    items: resources.map((resource) => digestItem(resource, actions.get(resource.id) ?? [])),
    learnedCount: resources.filter((resource) => resource.status === 'learned').length,
    sharedCount: resources.filter((resource) => resource.sharedAt !== undefined).length,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  };
}

// ---- Writing it out -------------------------------------------------------------------

function day(time: number, digest: Digest): string {
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    ...(digest.timeZone ? { timeZone: digest.timeZone } : {}),
  }).format(new Date(time));
}

export function periodLabel(period: Period, timeZone?: string): string {
  const format = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
  return format.formatRange(new Date(period.start), new Date(period.end - 1));
}

export function digestTitle(digest: Digest): string {
  if (digest.kind === 'resource' || !digest.period) return t('digestResourceTitle');
  return t('digestTitle', periodLabel(digest.period, digest.timeZone));
}

export function digestSummary(digest: Digest): string {
  const summary = t('digestSummary', digest.learnedCount, digest.sharedCount);
  return digest.appliedCount ? `${summary} · ${t('digestApplied', digest.appliedCount)}` : summary;
}

/** "To talk about at the next team meeting: Time to learn (2 of 5 in my latest check)" (plain text). */
export function topicLine(topic: DigestTopicText): string {
  return t('digestTopic', topic.name, topic.score);
}

function sharedLabel(how: SharedHow | undefined): string {
  switch (how) {
    case 'chat':
      return t('digestSharedChat');
    case 'meeting':
      return t('digestSharedMeeting');
    case 'demo':
      return t('digestSharedDemo');
    case 'write-up':
      return t('digestSharedWriteUp');
    default:
      return t('digestShared');
  }
}

/** "Video · YouTube · Learned 4 Mar 2025 · Shared in a meeting 5 Mar 2025" (plain text). */
export function itemMeta(item: DigestItem, digest: Digest): string {
  const parts = [item.activityType ? activityTypeLabel(item.activityType) : kindLabel(item.kind)];
  if (item.happenedOn && isDay(item.happenedOn)) parts.push(formatDay(item.happenedOn));
  if (item.withWhom) parts.push(t('activityWith', item.withWhom));
  if (item.author) parts.push(item.author);
  if (item.site) parts.push(item.site);
  if (item.learnedAt !== undefined) parts.push(t('digestLearnedOn', day(item.learnedAt, digest)));
  if (item.sharedAt !== undefined) parts.push(`${sharedLabel(item.sharedHow)} ${day(item.sharedAt, digest)}`);
  return parts.join(' · ');
}

/** "Run a retro — done. Effect: we found two blockers" (plain text). */
export function actionLine(action: DigestAction, digest: Digest): string {
  const parts: string[] = [];
  if (action.status === 'done') parts.push(t('digestActionDone'));
  else if (action.followUpAt !== undefined) parts.push(t('digestActionFollowUp', day(action.followUpAt, digest)));
  const status = parts.length ? ` — ${parts.join('')}` : '';
  const outcome = action.outcome ? `. ${t('digestActionOutcome', action.outcome)}` : '';
  return `${action.text}${status}${outcome}`;
}

/** "Chapter — note" (plain text), either part left out when empty. */
export function clipText(clip: DigestClip): string {
  return [clip.chapter, clip.note].filter(Boolean).join(' — ');
}

/** "“The passage” — note" (plain text). */
export function quoteLine(quote: DigestQuote): string {
  return `“${quote.text}”${quote.note ? ` — ${quote.note}` : ''}`;
}

/** Markdown: reads as plain text when pasted anywhere, renders in Mattermost, Discord, GitHub. */
export function digestMarkdown(digest: Digest): string {
  const out: string[] = [`# ${escapeMarkdown(digestTitle(digest))}`, ''];
  if (digest.kind === 'period') out.push(escapeMarkdown(digestSummary(digest)), '');
  if (digest.topic)
    out.push(`**${escapeMarkdown(topicLine(digest.topic))}**`, '', escapeMarkdown(digest.topic.suggestion), '');
  if (!digest.items.length) out.push(escapeMarkdown(t('digestEmpty')), '');
  for (const item of digest.items) {
    out.push(`## ${markdownLink(item.title, item.url)}`, '', escapeMarkdown(itemMeta(item, digest)), '');
    if (item.takeaways.length) {
      out.push(`**${t('digestTakeaways')}**`, '', ...item.takeaways.map((line) => `- ${line}`), '');
    }
    if (item.clips.length) {
      const line = (clip: DigestClip) => {
        const text = clipText(clip);
        return `- ${markdownLink(clip.at, clip.url)}${text ? ` · ${escapeMarkdown(text)}` : ''}`;
      };
      out.push(`**${t('digestClips')}**`, '', ...item.clips.map(line), '');
    }
    if (item.quotes.length) {
      out.push(`**${t('digestQuotes')}**`, '');
      for (const quote of item.quotes) {
        const after = [
          quote.note && `— ${escapeMarkdown(quote.note)}`,
          quote.url && markdownLink(t('digestQuoteOpen'), quote.url),
        ]
          .filter(Boolean)
          .join(' · ');
        out.push(`> ${escapeMarkdownLine(quote.text)}`, ...(after ? ['>', `> ${after}`] : []), '');
      }
    }
    if (item.actions.length) {
      out.push(`**${t('digestActions')}**`, '', ...item.actions.map((a) => `- ${actionLine(a, digest)}`), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Plain text: for the generic webhook's `text` and anything that renders no markup. */
export function digestText(digest: Digest): string {
  const out: string[] = [digestTitle(digest)];
  if (digest.kind === 'period') out.push(digestSummary(digest));
  out.push('');
  if (digest.topic) out.push(topicLine(digest.topic), digest.topic.suggestion, '');
  if (!digest.items.length) out.push(t('digestEmpty'), '');
  for (const item of digest.items) {
    out.push(item.title);
    if (item.url) out.push(item.url);
    out.push(itemMeta(item, digest));
    if (item.takeaways.length) out.push(`${t('digestTakeaways')}:`, ...item.takeaways.map((line) => `- ${line}`));
    if (item.clips.length)
      out.push(
        `${t('digestClips')}:`,
        ...item.clips.map(
          (clip) => `- ${[clip.at, clipText(clip)].filter(Boolean).join(' · ')}${clip.url ? ` ${clip.url}` : ''}`,
        ),
      );
    if (item.quotes.length)
      out.push(
        `${t('digestQuotes')}:`,
        ...item.quotes.map((quote) => `- ${quoteLine(quote)}${quote.url ? ` ${quote.url}` : ''}`),
      );
    if (item.actions.length)
      out.push(`${t('digestActions')}:`, ...item.actions.map((a) => `- ${actionLine(a, digest)}`));
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Slack's own mrkdwn: *bold*, _italic_, <url|text>, and &, <, > as entities. */
export function digestSlack(digest: Digest): string {
  const out: string[] = [`*${escapeSlack(digestTitle(digest))}*`];
  if (digest.kind === 'period') out.push(escapeSlack(digestSummary(digest)));
  out.push('');
  if (digest.topic) out.push(`*${escapeSlack(topicLine(digest.topic))}*`, escapeSlack(digest.topic.suggestion), '');
  if (!digest.items.length) out.push(escapeSlack(t('digestEmpty')), '');
  for (const item of digest.items) {
    out.push(`*${slackLink(item.title, item.url)}*`, escapeSlack(itemMeta(item, digest)));
    if (item.takeaways.length)
      out.push(`_${escapeSlack(t('digestTakeaways'))}_`, ...item.takeaways.map((line) => `• ${escapeSlack(line)}`));
    if (item.clips.length)
      out.push(
        `_${escapeSlack(t('digestClips'))}_`,
        ...item.clips.map((clip) => {
          const text = clipText(clip);
          return `• ${slackLink(clip.at, clip.url)}${text ? ` · ${escapeSlack(text)}` : ''}`;
        }),
      );
    for (const [index, quote] of item.quotes.entries()) {
      if (index === 0) out.push(`_${escapeSlack(t('digestQuotes'))}_`);
      out.push(`> ${escapeSlack(quote.text)}`);
      const after = [
        quote.note && `— ${escapeSlack(quote.note)}`,
        quote.url && slackLink(t('digestQuoteOpen'), quote.url),
      ]
        .filter(Boolean)
        .join(' · ');
      if (after) out.push(`> ${after}`);
    }
    if (item.actions.length)
      out.push(
        `_${escapeSlack(t('digestActions'))}_`,
        ...item.actions.map((a) => `• ${escapeSlack(actionLine(a, digest))}`),
      );
    out.push('');
  }
  return out.join('\n').trimEnd();
}

/** A file name for the download: learning-digest-2025-03-03.md. */
export function digestFileName(digest: Digest): string {
  const start = digest.period?.start ?? Date.now();
  const d = new Date(start);
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `learning-digest-${date}.md`;
}

/** Of the learned resources, those not shared yet, most recently learned first: what "Teach it forward" offers. */
export function teachForward(learned: readonly Resource[]): Resource[] {
  return learned
    .filter((r) => r.sharedAt === undefined)
    .sort((a, b) => (b.learnedAt ?? b.updatedAt) - (a.learnedAt ?? a.updatedAt));
}

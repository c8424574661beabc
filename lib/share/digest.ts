import { isDay } from '../model/activity';
import type { Action, ActionStatus } from '../model/action';
import type { ActivityType } from '../model/activity';
import type { Reflection } from '../model/reflection';
import type { Resource, ResourceKind, SharedHow } from '../model/resource';
import type { Takeaway } from '../model/takeaway';
import { formatClipTime } from '../infra/video-time';
import { formatNumber, locale, t, tn } from '../i18n';
import { capLine, LIMITS } from '../infra/limits';
import { quoteHref } from '../quotes/fragment';
import { formatQuoteLocation } from '../quotes/location';
import { isTypedQuote } from '../quotes/typed';
import { DAY, type ReviewCard } from '../model/review-card';
import { openUrl } from '../format/resource-links';
import { activityTypeLabel, formatDay, kindLabel } from '../format/resource-format';
import { escapeMarkdown, escapeMarkdownLine, escapeSlack, markdownLink, slackLink } from './escape';
import { inPeriod, type Period } from './period';
import { actionInPeriod, hasSomethingToTeach, lastTaught, periodWork, type PeriodWork } from './period-work';

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
  /** Where in a book it stands, as a reader cites it: "p. 12 · loc. 170–172". */
  where?: string;
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
  /** Who wrote it: an article's byline, a video's channel, a book's author. */
  author?: string;
  site?: string;
  learnedAt?: number;
  sharedAt?: number;
  sharedHow?: SharedHow;
  /** How often one of its items was answered "applied" in the period (the daily review). */
  applied?: number;
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
  /** Items of the team space someone said in the period they tried, and who (a period's digest, with a team space). */
  teamTried?: DigestTeamTried[];
}

/** A shared item of the team space and the members who told the team they tried it. */
export interface DigestTeamTried {
  title: string;
  who: string[];
}

/** The items the digest's team line names; the rest are counted. */
const TEAM_TRIED_SHOWN = 5;

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

/** The parts a digest lists of a resource: all of them, or what came of it in a period. */
type DigestParts = Pick<PeriodWork, 'takeaways' | 'quotes' | 'clips' | 'actions'> &
  Partial<Pick<PeriodWork, 'learned' | 'shared' | 'applied'>>;

export function digestItem(resource: Resource, actions: readonly Action[], work?: PeriodWork): DigestItem {
  const parts: DigestParts = work ?? {
    takeaways: resource.takeaways,
    quotes: resource.quotes ?? [],
    clips: resource.clips,
    actions: actions.filter((a) => a.status !== 'dropped').sort((a, b) => a.createdAt - b.createdAt),
  };
  const item: DigestItem = {
    id: resource.id,
    title: resource.title || t('untitled'),
    kind: resource.kind,
    takeaways: takeawayLines(parts.takeaways),
    clips: parts.clips.map((clip) => {
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
    quotes: parts.quotes.map((quote) => {
      const out: DigestQuote = {
        text: capLine(quote.exact, LIMITS.quote),
        note: capLine(quote.note, LIMITS.quoteNote),
      };
      // A quote typed from a book has no passage on a page to open.
      const url = isTypedQuote(quote) ? undefined : quoteHref(resource.url, quote.fragment);
      if (url) out.url = url;
      const where = formatQuoteLocation(quote.location);
      if (where) out.where = where;
      return out;
    }),
    actions: parts.actions.map(digestAction),
  };
  const url = openUrl(resource);
  if (url) item.url = new URL(url).href;
  if (resource.site) item.site = resource.site;
  if (resource.activityType) item.activityType = resource.activityType;
  if (resource.happenedOn) item.happenedOn = resource.happenedOn;
  if (resource.withWhom) item.withWhom = resource.withWhom;
  const author = capLine(resource.author ?? '', LIMITS.author);
  if (author) item.author = author;
  // A period's digest says Learned and Shared only when they happened in it, as its header counts.
  const learned = parts.learned ?? resource.status === 'learned';
  if (learned && resource.status === 'learned' && resource.learnedAt !== undefined) item.learnedAt = resource.learnedAt;
  if ((parts.shared ?? true) && resource.sharedAt !== undefined) {
    item.sharedAt = resource.sharedAt;
    if (resource.sharedHow) item.sharedHow = resource.sharedHow;
  }
  if (parts.applied) item.applied = parts.applied;
  return item;
}

/** What a digest reads (lib/db/digest.ts and its neighbours; lib/app/share-reads.ts wires them). */
export interface DigestReads {
  /**
   * Resources written since `since` (the updatedAt index): every write of a takeaway, quote, clip,
   * Learned or shared sets it, so nothing that came of a resource in a period starting then is older.
   */
  changedSince(since: number): Promise<Resource[]>;
  /** Resources shared from `start` up to (not including) `end`. */
  sharedBetween(start: number, end: number): Promise<Resource[]>;
  /** These resources, those that exist. */
  resources(ids: readonly string[]): Promise<Resource[]>;
  actions(): Promise<Action[]>;
  reflection(id: string): Promise<Reflection | undefined>;
  /** Review cards answered (or made) since `since`. */
  cardsChangedSince(since: number): Promise<ReviewCard[]>;
}

/** The resource an action came from, directly or through a reflection about it. */
async function actionResource(action: Action, read: Pick<DigestReads, 'reflection'>): Promise<string | undefined> {
  if (action.source.kind === 'resource') return action.source.id;
  if (action.source.kind === 'reflection' && action.source.id)
    return (await read.reflection(action.source.id))?.resourceId;
  return undefined;
}

/** Actions made from each resource, directly or from a reflection about it. */
async function actionsByResource(
  resourceIds: ReadonlySet<string> | null,
  actions: readonly Action[],
  read: Pick<DigestReads, 'reflection'>,
): Promise<Map<string, Action[]>> {
  const out = new Map<string, Action[]>();
  if (resourceIds && !resourceIds.size) return out;
  for (const action of actions) {
    const resourceId = await actionResource(action, read);
    if (!resourceId || (resourceIds && !resourceIds.has(resourceId))) continue;
    out.set(resourceId, [...(out.get(resourceId) ?? []), action]);
  }
  return out;
}

export interface DigestOptions {
  timeZone?: string;
  topic?: DigestTopicText;
  teamTried?: DigestTeamTried[];
}

/**
 * The period's real work, oldest first: every resource that got a takeaway, quote or clip in it,
 * had an action from it done, was logged, marked Learned or shared, or had an item applied, with
 * what came of it then (lib/share/period-work.ts). Read through the indexes, never the whole store.
 */
export async function collectDigest(period: Period, read: DigestReads, options: DigestOptions = {}): Promise<Digest> {
  // A day early: an activity may be logged the day before the day it names.
  const [changed, shared, allActions, cards] = await Promise.all([
    read.changedSince(period.start - DAY),
    read.sharedBetween(period.start, period.end),
    read.actions(),
    // A card answered in the period was updated in it or later: the updatedAt index finds them.
    read.cardsChangedSince(period.start),
  ]);
  const byId = new Map<string, Resource>();
  for (const resource of [...changed, ...shared]) byId.set(resource.id, resource);
  // An action done, or a card answered, in the period may be all that came of an older resource.
  const actions = await actionsByResource(
    null,
    allActions.filter((action) => actionInPeriod(action, period)),
    read,
  );
  const applied = cards.filter((card) => card.history.some((e) => e.answer === 'applied' && inPeriod(e.at, period)));
  const missing = [...new Set([...actions.keys(), ...applied.map((card) => card.resourceId)])].filter(
    (id) => !byId.has(id),
  );
  for (const resource of missing.length ? await read.resources(missing) : []) byId.set(resource.id, resource);
  const cardsOf = new Map<string, ReviewCard[]>();
  for (const card of applied) cardsOf.set(card.resourceId, [...(cardsOf.get(card.resourceId) ?? []), card]);

  const work = [...byId.values()]
    .map((r) => periodWork(r, actions.get(r.id) ?? [], cardsOf.get(r.id) ?? [], period))
    .filter((w): w is PeriodWork => w !== null)
    .sort((a, b) => a.first - b.first || a.resource.title.localeCompare(b.resource.title));
  const items = work.map((w) => digestItem(w.resource, w.actions, w));
  return {
    kind: 'period',
    period,
    items,
    ...countsOf(items),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.topic ? { topic: options.topic } : {}),
    ...(options.teamTried?.length ? { teamTried: options.teamTried } : {}),
  };
}

/**
 * "What the team tried from what we shared: “A talk” (bob, chris), “Pairing” (dana)" (plain
 * text): titles and names only, each isolated; what a teammate wrote of the effect stays in the
 * team space. Null when nothing was tried in the period.
 */
export function teamTriedLine(digest: Digest): string | null {
  const tried = digest.teamTried ?? [];
  if (!tried.length) return null;
  const named = tried
    .slice(0, TEAM_TRIED_SHOWN)
    .map((item) =>
      t('digestTeamTriedItem', `\u2068${item.title}\u2069`, item.who.map((who) => `\u2068${who}\u2069`).join(', ')),
    );
  const more = tried.length - named.length;
  return t(
    'digestTeamTried',
    named.join(', ') + (more > 0 ? ` ${tn('digestTeamTriedMore', more, formatNumber(more))}` : ''),
  );
}

/** The header's counts, from the items listed, so the two always agree. */
function countsOf(items: readonly DigestItem[]): Pick<Digest, 'learnedCount' | 'sharedCount' | 'appliedCount'> {
  const applied = items.reduce((sum, item) => sum + (item.applied ?? 0), 0);
  return {
    learnedCount: items.filter((item) => item.learnedAt !== undefined).length,
    sharedCount: items.filter((item) => item.sharedAt !== undefined).length,
    ...(applied ? { appliedCount: applied } : {}),
  };
}

/** One resource, posted on its own ("teach it forward"). */
export async function collectResourceDigest(
  resource: Resource,
  read: Pick<DigestReads, 'actions' | 'reflection'>,
  options: DigestOptions = {},
): Promise<Digest> {
  return resourcesDigest(
    [resource],
    await actionsByResource(new Set([resource.id]), await read.actions(), read),
    options,
  );
}

/** Actions made from each of these resources, for digests built later without a database read. */
export async function actionsForResources(
  resources: readonly Resource[],
  read: Pick<DigestReads, 'actions' | 'reflection'>,
): Promise<Map<string, Action[]>> {
  return actionsByResource(new Set(resources.map((r) => r.id)), await read.actions(), read);
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

/** "Learned: 1 · Shared with the team: 0 · Takeaways: 3 · Clips: 3 · Actions done: 1 · Applied: 1": what is listed. */
export function digestSummary(digest: Digest): string {
  const sum = (count: (item: DigestItem) => number) => digest.items.reduce((total, item) => total + count(item), 0);
  const parts = [t('digestSummary', digest.learnedCount, digest.sharedCount)];
  const counts: [number, (count: number) => string][] = [
    [sum((item) => item.takeaways.length), (count) => t('digestCountTakeaways', count)],
    [sum((item) => item.quotes.length), (count) => t('digestCountQuotes', count)],
    [sum((item) => item.clips.length), (count) => t('digestCountClips', count)],
    [
      sum((item) => item.actions.filter((a) => a.status === 'done').length),
      (count) => t('digestCountActionsDone', count),
    ],
    [digest.appliedCount ?? 0, (count) => t('digestApplied', count)],
  ];
  for (const [count, text] of counts) if (count) parts.push(text(count));
  return parts.join(' · ');
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
  // Isolated (FSI…PDI): a right-to-left name, or an override in it, cannot reorder the line around it.
  if (item.author) parts.push(`\u2068${item.author}\u2069`);
  if (item.site && item.site !== item.author) parts.push(item.site);
  if (item.learnedAt !== undefined) parts.push(t('digestLearnedOn', day(item.learnedAt, digest)));
  if (item.sharedAt !== undefined) parts.push(`${sharedLabel(item.sharedHow)} ${day(item.sharedAt, digest)}`);
  if (item.applied) parts.push(t('digestApplied', item.applied));
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
  return `“${quote.text}”${quote.where ? ` (${quote.where})` : ''}${quote.note ? ` — ${quote.note}` : ''}`;
}

/** Markdown: reads as plain text when pasted anywhere, renders in Mattermost, Discord, GitHub. */
export function digestMarkdown(digest: Digest): string {
  const out: string[] = [`# ${escapeMarkdown(digestTitle(digest))}`, ''];
  if (digest.kind === 'period') out.push(escapeMarkdown(digestSummary(digest)), '');
  if (digest.topic)
    out.push(`**${escapeMarkdown(topicLine(digest.topic))}**`, '', escapeMarkdown(digest.topic.suggestion), '');
  const teamLine = teamTriedLine(digest);
  if (teamLine) out.push(escapeMarkdown(teamLine), '');
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
        const cited = [quote.where && escapeMarkdown(quote.where), quote.note && `— ${escapeMarkdown(quote.note)}`];
        const after = [cited.filter(Boolean).join(' '), quote.url && markdownLink(t('digestQuoteOpen'), quote.url)]
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
  const teamLine = teamTriedLine(digest);
  if (teamLine) out.push(teamLine, '');
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
  const teamLine = teamTriedLine(digest);
  if (teamLine) out.push(escapeSlack(teamLine), '');
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
        [quote.where && escapeSlack(quote.where), quote.note && `— ${escapeSlack(quote.note)}`]
          .filter(Boolean)
          .join(' '),
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

/**
 * What "Teach it forward" offers: what has something to teach (takeaways, quotes, clips or Learned)
 * and is not shared yet, the most recently taught first.
 */
export function teachForward(candidates: readonly Resource[]): Resource[] {
  return candidates.filter(hasSomethingToTeach).sort((a, b) => lastTaught(b) - lastTaught(a) || (a.id < b.id ? -1 : 1));
}

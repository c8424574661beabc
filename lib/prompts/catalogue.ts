import { ACTIVITY_TYPES, type ActivityType } from '../model/activity';
import type { CustomPrompt } from '../model/prompt';
import type { Resource } from '../model/resource';
import { formatRelativeDays, t, type MessageKey } from '../i18n';
import { quoteExcerpt } from '../model/quote';

/** The passage kept last from a resource. */
export function newestQuote(resource: Resource) {
  let newest: NonNullable<Resource['quotes']>[number] | undefined;
  for (const quote of resource.quotes ?? []) if (!newest || quote.createdAt > newest.createdAt) newest = quote;
  return newest;
}

/**
 * The learning activities prompts come from (see DESIGN.md): people learn far more than
 * courses teach. Each built-in prompt belongs to one; the text lives in locales/<lang>/prompts.json
 * under `prompt_<id>`, so every prompt exists in English and Swedish.
 */
export const ACTIVITY_GROUPS = [
  'followUp',
  'collaboration',
  'customers',
  'behaviour',
  'learningFromOthers',
  'oldTruths',
  'readingWatching',
  'transfer',
  'doing',
] as const;
export type ActivityGroup = (typeof ACTIVITY_GROUPS)[number];
/** Prompts about the user's own resources, and the user's prompts that belong to no activity. */
export type PromptGroup = ActivityGroup | 'resources' | 'own';
export const CUSTOM_GROUPS: readonly PromptGroup[] = [...ACTIVITY_GROUPS, 'own'];

export const BUILT_IN_PROMPTS = [
  { id: 'followUpWentWell', group: 'followUp' },
  { id: 'followUpLessWell', group: 'followUp' },
  { id: 'followUpNextTime', group: 'followUp' },
  { id: 'collaborationTeam', group: 'collaboration' },
  { id: 'collaborationOtherTeams', group: 'collaboration' },
  { id: 'collaborationCustomers', group: 'collaboration' },
  { id: 'customersSay', group: 'customers' },
  { id: 'customersTreat', group: 'customers' },
  { id: 'customersAsk', group: 'customers' },
  { id: 'behaviourTreat', group: 'behaviour' },
  { id: 'behaviourMoment', group: 'behaviour' },
  { id: 'behaviourFeedback', group: 'behaviour' },
  { id: 'othersShadow', group: 'learningFromOthers' },
  { id: 'othersColleague', group: 'learningFromOthers' },
  { id: 'othersAsk', group: 'learningFromOthers' },
  { id: 'truthsChallenge', group: 'oldTruths' },
  { id: 'truthsAlwaysDone', group: 'oldTruths' },
  { id: 'truthsExperiment', group: 'oldTruths' },
  { id: 'readingChanged', group: 'readingWatching' },
  { id: 'readingDiscuss', group: 'readingWatching' },
  { id: 'readingNext', group: 'readingWatching' },
  { id: 'transferTell', group: 'transfer' },
  { id: 'transferTeach', group: 'transfer' },
  { id: 'transferWho', group: 'transfer' },
  { id: 'doingDifferently', group: 'doing' },
  { id: 'doingFirstStep', group: 'doing' },
  { id: 'doingFollowUp', group: 'doing' },
  // Most learning has no link: the answer can become an activity in one click (the journal).
  { id: 'noLinkThisWeek', group: 'doing' },
] as const satisfies readonly { id: string; group: ActivityGroup }[];
export type BuiltInPromptId = (typeof BUILT_IN_PROMPTS)[number]['id'];

/**
 * A journal entry with no question: the user's own free writing. Stored as a reflection like any
 * answer (`promptId` this id, `promptText` the label in the language it was written in), so it
 * needs no new field, exports and syncs as every answer does, and is never asked by the rotation.
 */
export const FREE_WRITING_ID = 'freeWriting';

/** Free writing as a page holds a prompt to answer. */
export function freeWritingCandidate(): PromptCandidate {
  return { promptId: FREE_WRITING_ID, group: 'own', kind: 'builtIn' };
}

/**
 * Templates about one resource: `$1` is its title (`$2` the days since it was saved), or for
 * `resourceQuote` the newest passage the user kept from it.
 */
export const RESOURCE_PROMPTS = [
  'resourceApply',
  'resourceTeach',
  'resourceQueued',
  'resourceQuote',
  ...ACTIVITY_TYPES.map((type) => `activity_${type}` as const),
] as const;
export type ResourcePromptId = (typeof RESOURCE_PROMPTS)[number];

/** The prompt that fits an activity's kind of learning ("What does your colleague do that you will try?"). */
export function activityPromptId(type: ActivityType): ResourcePromptId {
  return `activity_${type}`;
}

// Every id has its message: a missing key fails the type check here.
const _keysExist: readonly MessageKey[] = [
  ...BUILT_IN_PROMPTS.map((p) => `prompt_${p.id}` as const),
  ...RESOURCE_PROMPTS.map((id) => `prompt_${id}` as const),
  ...CUSTOM_GROUPS.map((g) => `promptGroup_${g}` as const),
  'promptGroup_resources',
  `prompt_${FREE_WRITING_ID}`,
];
void _keysExist;

/** One prompt ready to ask: built-in, the user's own, or about a resource. */
export interface PromptCandidate {
  /** Built-in id, custom prompt id, or resource template id. */
  promptId: string;
  group: PromptGroup;
  kind: 'builtIn' | 'custom' | 'resource';
  /** Custom prompts carry their text; built-in and resource text follows the language. */
  text?: string;
  resourceId?: string;
  resourceTitle?: string;
  /** For "saved N days ago". */
  days?: number;
  /** The quote a `resourceQuote` prompt asks about. */
  quote?: string;
}

export function isBuiltInId(id: string): id is BuiltInPromptId {
  return BUILT_IN_PROMPTS.some((p) => p.id === id);
}
export function isResourcePromptId(id: string): id is ResourcePromptId {
  return (RESOURCE_PROMPTS as readonly string[]).includes(id);
}

export function groupLabel(group: string): string {
  return (CUSTOM_GROUPS as readonly string[]).includes(group) || group === 'resources'
    ? t(`promptGroup_${group as PromptGroup}`)
    : t('promptGroup_own');
}

export function builtInText(id: BuiltInPromptId): string {
  return t(`prompt_${id}`);
}

/** The prompt's text in the current language. */
export function promptText(prompt: PromptCandidate): string {
  if (prompt.promptId === FREE_WRITING_ID) return t('prompt_freeWriting');
  if (prompt.kind === 'builtIn' && isBuiltInId(prompt.promptId)) return builtInText(prompt.promptId);
  if (prompt.kind === 'resource' && isResourcePromptId(prompt.promptId)) {
    if (prompt.promptId === 'resourceQuote') return prompt.quote ? t('prompt_resourceQuote', prompt.quote) : '';
    if (prompt.promptId.startsWith('activity_'))
      return t(`prompt_${prompt.promptId as `activity_${ActivityType}`}`, prompt.resourceTitle ?? t('untitled'));
    // "5 days ago" / "för 5 dagar sedan": Intl's relative time carries the plural.
    return t(
      `prompt_${prompt.promptId}`,
      prompt.resourceTitle ?? t('untitled'),
      formatRelativeDays(-(prompt.days ?? 0)),
    );
  }
  return prompt.text ?? '';
}

/** Built-in prompts the user has not turned off. */
export function builtInCandidates(disabled: readonly string[]): PromptCandidate[] {
  return BUILT_IN_PROMPTS.filter((p) => !disabled.includes(p.id)).map((p) => ({
    promptId: p.id,
    group: p.group,
    kind: 'builtIn',
  }));
}

export function customCandidates(prompts: readonly CustomPrompt[]): PromptCandidate[] {
  return prompts
    .filter((p) => p.enabled && p.text.trim())
    .map((p) => ({
      promptId: p.id,
      group: (CUSTOM_GROUPS as readonly string[]).includes(p.group) ? (p.group as PromptGroup) : 'own',
      kind: 'custom',
      text: p.text,
    }));
}

const DAY = 86_400_000;
/** A resource learned within this many days gets a prompt about it. */
export const LEARNED_RECENTLY_DAYS = 14;
/** A resource still queued this many days after it was saved gets a nudge. */
export const QUEUED_FOR_DAYS = 3;
/** …until it has been waiting this long: older ones were probably saved "for some day". */
export const QUEUED_AT_MOST_DAYS = 60;

/**
 * Prompts about the user's own resources: what to apply from one learned recently, what to tell
 * the team about it, and why one saved days ago still waits. At most `limit` of each kind, the
 * newest learned and the longest waiting first.
 */
export function resourceCandidates(resources: readonly Resource[], now: number, limit = 5): PromptCandidate[] {
  const learned = resources
    .filter(
      (r) =>
        r.status === 'learned' &&
        r.learnedAt !== undefined &&
        r.learnedAt <= now &&
        now - r.learnedAt <= LEARNED_RECENTLY_DAYS * DAY,
    )
    .sort((a, b) => (b.learnedAt ?? 0) - (a.learnedAt ?? 0))
    .slice(0, limit);
  const queued = resources
    .filter(
      (r) =>
        r.status === 'queued' &&
        now - r.createdAt >= QUEUED_FOR_DAYS * DAY &&
        now - r.createdAt <= QUEUED_AT_MOST_DAYS * DAY,
    )
    .sort((a, b) => a.createdAt - b.createdAt)
    .slice(0, limit);
  // A passage kept lately: what the user will do with it (the newest quote of each resource).
  const quoted = resources
    .map((r) => ({ r, quote: newestQuote(r) }))
    .filter(({ quote }) => quote && quote.createdAt <= now && now - quote.createdAt <= LEARNED_RECENTLY_DAYS * DAY)
    .sort((a, b) => (b.quote?.createdAt ?? 0) - (a.quote?.createdAt ?? 0))
    .slice(0, limit);
  // Learning with no link, logged lately: the question that fits its kind.
  const activities = resources
    .filter(
      (r) =>
        r.kind === 'activity' &&
        r.activityType !== undefined &&
        r.createdAt <= now &&
        now - r.createdAt <= LEARNED_RECENTLY_DAYS * DAY,
    )
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, limit);
  const out: PromptCandidate[] = [];
  for (const r of activities)
    out.push({
      promptId: activityPromptId(r.activityType!),
      group: 'resources',
      kind: 'resource',
      resourceId: r.id,
      resourceTitle: r.title,
    });
  for (const { r, quote } of quoted) {
    out.push({
      promptId: 'resourceQuote',
      group: 'resources',
      kind: 'resource',
      resourceId: r.id,
      resourceTitle: r.title,
      quote: quoteExcerpt(quote!),
    });
  }
  for (const r of learned) {
    for (const promptId of ['resourceApply', 'resourceTeach'] as const) {
      out.push({ promptId, group: 'resources', kind: 'resource', resourceId: r.id, resourceTitle: r.title });
    }
  }
  for (const r of queued) {
    out.push({
      promptId: 'resourceQueued',
      group: 'resources',
      kind: 'resource',
      resourceId: r.id,
      resourceTitle: r.title,
      days: Math.floor((now - r.createdAt) / DAY),
    });
  }
  return out;
}

/** Identity of a prompt for "asked recently": a resource prompt is about one resource. */
export function promptKey(prompt: { promptId: string; resourceId?: string }): string {
  return prompt.resourceId ? `${prompt.promptId}:${prompt.resourceId}` : prompt.promptId;
}

import * as v from 'valibot';
import type { StorageItem } from '../infra/storage-item';
import {
  assessmentReminder,
  chooseSettings,
  clipSegmentSeconds,
  disabledBuiltInPrompts,
  disabledBuiltInPromptsSchema,
  importedReviewsPerDay,
  language,
  languageSchema,
  pauseWhileTyping,
  promptSchedule,
  promptScheduleSchema,
  reviewsPerPrompt,
  showThumbnails,
  teamNewsSeen,
  webhook,
  webhookSchema,
  type PromptSchedule,
  type WebhookSettings,
} from '../settings';

/**
 * The settings an export carries: what the user chose, not background bookkeeping (badge,
 * drafts, reminder state). Add an entry when you add a user-facing setting to lib/settings.ts.
 * Settings are checked leniently: an unknown key is ignored, a bad value is an error.
 */
interface ExportedSetting<T> {
  item: StorageItem<T>;
  schema: v.GenericSchema<unknown, T>;
  /** Left out of exports unless the user asks (the webhook URL lets anyone post to the team). */
  secret?: boolean;
}

function entry<T>(item: StorageItem<T>, schema: v.GenericSchema<unknown, T>, secret = false): ExportedSetting<T> {
  return { item, schema, secret };
}

export const EXPORTED_SETTINGS = {
  promptSchedule: entry(promptSchedule, promptScheduleSchema),
  disabledBuiltInPrompts: entry(disabledBuiltInPrompts, disabledBuiltInPromptsSchema),
  language: entry(language, languageSchema),
  showThumbnails: entry(showThumbnails, v.boolean()),
  clipSegmentSeconds: entry(clipSegmentSeconds, v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(600))),
  pauseWhileTyping: entry(pauseWhileTyping, v.boolean()),
  assessmentReminder: entry(assessmentReminder, v.boolean()),
  reviewsPerPrompt: entry(reviewsPerPrompt, v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10))),
  importedReviewsPerDay: entry(importedReviewsPerDay, v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100))),
  webhook: entry(webhook, webhookSchema, true),
  teamNewsSeen: entry(teamNewsSeen, v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15))),
};

export type SettingName = keyof typeof EXPORTED_SETTINGS;
export const SETTING_NAMES = Object.keys(EXPORTED_SETTINGS) as SettingName[];

/** The settings to export; secrets only when asked. */
export async function readSettings(includeSecrets: boolean): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const setting: ExportedSetting<unknown> = EXPORTED_SETTINGS[name];
    if (setting.secret && !includeSecrets) continue;
    const value = await setting.item.getValue();
    // A secret that is not set stays out: null would wipe the other machine's on replace.
    if (setting.secret && value === null) continue;
    out[name] = value;
  }
  return out;
}

export interface SettingIssue {
  name: string;
  issue: v.BaseIssue<unknown>;
}

/** Known settings with valid values; the first bad value is reported. Unknown names are ignored. */
export function validateSettings(raw: Record<string, unknown>): {
  values: Partial<Record<SettingName, unknown>>;
  issue?: SettingIssue;
} {
  const values: Partial<Record<SettingName, unknown>> = {};
  for (const name of SETTING_NAMES) {
    if (!Object.hasOwn(raw, name)) continue;
    const setting: ExportedSetting<unknown> = EXPORTED_SETTINGS[name];
    const result = v.safeParse(setting.schema, raw[name]);
    if (!result.success) return { values: {}, issue: { name, issue: result.issues[0] } };
    values[name] = result.output;
  }
  return { values };
}

/**
 * Write imported settings. `replace`: the file wins. Otherwise only settings this browser never
 * set take the file's value, so a merge never changes what the user chose here. What an import
 * writes counts as chosen now (sync merges setting by setting, the later choice winning).
 * Returns the names written.
 */
export async function applySettings(
  values: Partial<Record<SettingName, unknown>>,
  replace: boolean,
  at = Date.now(),
): Promise<SettingName[]> {
  const written: SettingName[] = [];
  for (const name of SETTING_NAMES) {
    if (!(name in values)) continue;
    const setting: ExportedSetting<unknown> = EXPORTED_SETTINGS[name];
    if (!replace && (await setting.item.isSet())) continue;
    written.push(name);
  }
  await chooseSettings(written.map((name) => ({ name, value: values[name], at })));
  return written;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// A compile error here: a setting's shape changed in lib/settings.ts; change its schema above.
export const settingSchemasMatch: [
  Same<v.InferOutput<typeof promptScheduleSchema>, PromptSchedule>,
  Same<v.InferOutput<typeof webhookSchema>, WebhookSettings | null>,
] = [true, true];

// Message keys are the English locale's keys: one line per domain file in locales/en/.
// A key missing from another language fails tests/unit/i18n.test.ts.
type Messages = typeof import('../../locales/en/common.json') &
  typeof import('../../locales/en/capture.json') &
  typeof import('../../locales/en/popup.json') &
  typeof import('../../locales/en/library.json') &
  typeof import('../../locales/en/prompts.json') &
  typeof import('../../locales/en/actions.json') &
  typeof import('../../locales/en/backup.json') &
  typeof import('../../locales/en/exports.json') &
  typeof import('../../locales/en/review.json') &
  typeof import('../../locales/en/sync.json') &
  typeof import('../../locales/en/team.json');

export type MessageKey = keyof Messages & string;

/**
 * A message with plural forms, named by its stem: `libCountAll` for `libCountAll_one` / `_other`.
 * Found by `_one` because `activity_other` is the activity type "other", not a plural form.
 */
export type PluralKey = MessageKey extends infer Key ? (Key extends `${infer Stem}_one` ? Stem : never) : never;

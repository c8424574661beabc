import * as v from 'valibot';
import type { StoreName } from '../model/stores';
import { formatNumber, t, tn, type MessageKey } from '../i18n';
import { EARLIEST_RECORD_TIME, latestRecordTime } from '../infra/time';
import { DAY, MUST_HAVE, MUST_NOT_HAVE, RECORD_TIME, WEB_URL } from '../model/schemas';

const STORE_LABEL: Record<StoreName, MessageKey> = {
  resources: 'backupStoreResource',
  reflections: 'backupStoreReflection',
  prompts: 'backupStorePrompt',
  actions: 'backupStoreAction',
  assessments: 'backupStoreAssessment',
  reviews: 'backupStoreReview',
};

/** "Resource 3 (id “abc”)": the record a message is about, 1-based as people count. */
export function recordLabel(store: StoreName, index: number, id?: string): string {
  const name = t(STORE_LABEL[store]);
  return id
    ? t('backupRecordLabelWithId', name, formatNumber(index + 1), clip(id, 60))
    : t('backupRecordLabel', name, formatNumber(index + 1));
}

export function clip(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

const TYPE_WORD: Record<string, MessageKey> = {
  string: 'backupTypeText',
  number: 'backupTypeNumber',
  boolean: 'backupTypeBoolean',
  array: 'backupTypeList',
  object: 'backupTypeObject',
  strict_object: 'backupTypeObject',
  record: 'backupTypeObject',
};

/** The field an issue is about, as a dot path inside the record ("" for the record itself). */
export function issueField(issue: v.BaseIssue<unknown>): string {
  return v.getDotPath(issue) ?? '';
}

/** What is wrong with a field, as the end of a sentence: "is missing", "should be a number". */
export function issueReason(issue: v.BaseIssue<unknown>): string {
  const requirement = (issue as { requirement?: unknown }).requirement;
  switch (issue.type) {
    case 'strict_object':
      if (issue.expected === 'never') return t('backupReasonUnknownField');
      return issue.input === undefined ? t('backupReasonMissing') : t('backupReasonType', t('backupTypeObject'));
    case 'picklist':
      if (issue.input === undefined) return t('backupReasonMissing');
      return t(
        'backupReasonOneOf',
        (issue.expected ?? '')
          .replace(/^\(|\)$/g, '')
          .split(' | ')
          .join(', '),
      );
    case 'max_length':
      return Array.isArray(issue.input)
        ? t('backupReasonTooMany', formatNumber(Number(requirement)))
        : tn('backupReasonTooLong', Number(requirement));
    case 'min_length':
      return t('backupReasonEmpty');
    case 'min_value':
      return t('backupReasonTooSmall', String(requirement));
    case 'max_value':
      return t('backupReasonTooBig', String(requirement));
    case 'integer':
      return t('backupReasonInteger');
    case 'raw_check':
      if (issue.message === MUST_HAVE) return t('backupReasonMissing');
      if (issue.message === MUST_NOT_HAVE) return t('backupReasonActivityCannot');
      return t('backupReasonInvalid');
    case 'check':
      if (issue.message === DAY) return t('backupReasonDay');
      if (issue.message === WEB_URL) return t('backupReasonWebUrl', clip(String(issue.input), 60));
      if (issue.message === RECORD_TIME)
        return t(
          'backupReasonRecordTime',
          String(new Date(EARLIEST_RECORD_TIME).getUTCFullYear()),
          String(new Date(latestRecordTime()).getUTCFullYear()),
        );
      return t('backupReasonInvalid');
    default: {
      if (issue.input === undefined) return t('backupReasonMissing');
      const word = TYPE_WORD[issue.type];
      return word ? t('backupReasonType', t(word)) : t('backupReasonInvalid');
    }
  }
}

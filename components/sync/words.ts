import { type MessageKey, t } from '@/lib/i18n';
import type { SyncErrorKind } from '@/lib/settings';

const ERROR_WORDS: Record<SyncErrorKind, MessageKey> = {
  unreachable: 'syncErrorUnreachable',
  'signed-out': 'syncErrorSignedOut',
  'not-member': 'syncErrorNotMember',
  'no-database': 'syncErrorNoDatabase',
  'no-replication': 'syncErrorNoReplication',
  permission: 'syncErrorPermission',
  failed: 'syncErrorFailed',
};

/** What went wrong, in words that say nothing is lost. */
export function syncErrorText(kind: SyncErrorKind): string {
  return t(ERROR_WORDS[kind]);
}

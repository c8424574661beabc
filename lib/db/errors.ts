import { t } from '../i18n';

export function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/** A message a user can act on; what they typed stays in the form that called this. */
export function describeWriteError(error: unknown): string {
  if (isQuotaError(error)) return t('errorStorageFull');
  const detail = error instanceof Error ? error.message : String(error);
  return t('errorWriteFailed', detail);
}

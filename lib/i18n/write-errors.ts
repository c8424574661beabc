import { t } from './';

export function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/**
 * The storage itself failed, not this record: a full disk (QuotaExceededError) or a backing
 * store that will not open or commit (Chromium's UnknownError "Internal error opening backing
 * store…", which a full disk causes too). Worth keeping the text and trying again.
 */
export function isStorageError(error: unknown): boolean {
  return isQuotaError(error) || (error instanceof DOMException && error.name === 'UnknownError');
}

/** The browser's own words, without the final full stop our sentence adds. */
function detailOf(error: unknown): string {
  const detail = error instanceof Error ? error.message || error.name : String(error);
  return detail.trim().replace(/[.\s]+$/, '');
}

/**
 * A message a user can act on; what they typed stays in the form that called this.
 * `savesLater`: the form keeps trying by itself (autosaving fields), so it says so.
 */
export function describeWriteError(error: unknown, options: { savesLater?: boolean } = {}): string {
  const later = options.savesLater ?? false;
  if (isQuotaError(error)) return t(later ? 'errorStorageFullSavesLater' : 'errorStorageFull');
  if (isStorageError(error)) return t(later ? 'errorStorageTroubleSavesLater' : 'errorStorageTrouble', detailOf(error));
  return t('errorWriteFailed', detailOf(error));
}

/** After "Nothing was imported: " (the import wrote nothing, in one transaction). */
export function describeImportWriteError(error: unknown): string {
  if (isQuotaError(error)) return t('errorImportDiskFull');
  return describeWriteError(error);
}

import type { StoreName } from '../model/stores';

export type ImportErrorCode =
  | 'too-large'
  | 'empty'
  | 'unreadable'
  | 'unknown-file'
  | 'zip-file'
  | 'zip-damaged'
  | 'zip-too-many'
  | 'zip-nested'
  | 'zip-bomb'
  | 'not-json'
  | 'wrong-format'
  | 'future-version'
  | 'bad-version'
  | 'bad-structure'
  | 'forbidden-key'
  | 'invalid-record'
  | 'duplicate-id'
  | 'duplicate-url'
  | 'invalid-settings'
  | 'no-url-column'
  | 'too-deep'
  | 'nothing-found';

/** Where in a file of our format a problem is: which store, which record, which field. */
export interface ImportErrorPlace {
  store?: StoreName | 'settings';
  /** 0-based position in the store's list. */
  index?: number;
  id?: string;
  /** Dot path inside the record, e.g. `timestampNotes.2.atSec`. */
  field?: string;
}

/**
 * The one error type the import parsers throw for bad input: `message` is a sentence for the
 * user (in the current language) that names the record and the field; nothing was written.
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly place: ImportErrorPlace = {},
  ) {
    super(message);
  }
}

export function isImportError(error: unknown): error is ImportError {
  return error instanceof ImportError;
}

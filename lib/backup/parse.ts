import * as v from 'valibot';
import type { StoreName } from '../model/stores';
import { formatNumber, t } from '../i18n';
import { ImportError } from './errors';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  emptyRecords,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_MB,
  STORES,
  type BackupRecords,
} from './format';
import type { StoreRecord } from '../model/stores';
import { clip, issueField, issueReason, recordLabel } from './issues';
import { envelopeSchema, recordSchemasFor, upgradeRecord } from '../model/schemas';
import { validateSettings, type SettingName } from './settings';

export interface ParsedBackup {
  version: number;
  exportedAt: string;
  records: BackupRecords;
  /** Known settings with valid values. */
  settings: Partial<Record<SettingName, unknown>>;
}

export interface ParseProgress {
  done: number;
  total: number;
}

/** Records checked between two progress reports (and, in the async form, two yields to the page). */
const CHUNK = 2_000;

/** A quick sniff: does this text look like our JSON (rather than CSV, HTML or a URL list)? */
export function looksLikeJson(text: string): boolean {
  return /^\uFEFF?\s*[{[]/.test(text);
}

/** The refusal of a file over `cap` bytes (our backup's, unless another format's is given). */
export function tooLargeError(bytes: number, cap = MAX_IMPORT_BYTES): ImportError {
  const mb = Math.max(1, Math.ceil(bytes / (1024 * 1024)));
  const capMb = cap === MAX_IMPORT_BYTES ? MAX_IMPORT_MB : cap / (1024 * 1024);
  return new ImportError(
    'too-large',
    `${t('backupErrorTooLarge', formatNumber(mb), formatNumber(capMb))} ${t('backupNothingImported')}`,
  );
}

function fail(
  code: ConstructorParameters<typeof ImportError>[0],
  message: string,
  place?: ConstructorParameters<typeof ImportError>[2],
): never {
  throw new ImportError(code, `${message} ${t('backupNothingImported')}`, place);
}

/**
 * `JSON.parse` keeps a `__proto__` key as an ordinary own property (no pollution), and valibot
 * drops it, but a file carrying one is hand-made or hostile: refuse it and say where.
 * Iterative, so a deeply nested file cannot overflow the stack.
 */
function findForbiddenKey(root: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    for (const key of Object.keys(value)) {
      const child = path ? `${path}.${key}` : key;
      if (key === '__proto__') return child;
      stack.push({ value: (value as Record<string, unknown>)[key], path: child });
    }
  }
  return null;
}

function* parseSteps(text: string, onProgress?: (progress: ParseProgress) => void): Generator<void, ParsedBackup> {
  if (text.length > MAX_IMPORT_BYTES) throw tooLargeError(text.length);
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) fail('empty', t('backupErrorEmpty'));

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    // Includes RangeError from absurd nesting: any failure to read is "not JSON".
    fail('not-json', t('backupErrorNotJson'));
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    fail('wrong-format', t('backupErrorWrongFormat'));
  const top = data as Record<string, unknown>;
  if (top.format !== BACKUP_FORMAT) fail('wrong-format', t('backupErrorWrongFormat'));
  if (typeof top.version !== 'number' || !Number.isInteger(top.version) || top.version < 1)
    fail('bad-version', t('backupErrorBadVersion'));
  if (top.version > BACKUP_VERSION)
    fail('future-version', t('backupErrorFutureVersion', String(top.version), String(BACKUP_VERSION)));

  const forbidden = findForbiddenKey(data);
  if (forbidden) fail('forbidden-key', t('backupErrorForbiddenKey', clip(forbidden, 80)), { field: forbidden });

  const envelope = v.safeParse(envelopeSchema, data);
  if (!envelope.success) {
    const issue = envelope.issues[0];
    const field = issueField(issue);
    fail('bad-structure', t('backupErrorStructure', field, issueReason(issue)), { field });
  }
  const file = envelope.output;

  const total = STORES.reduce((sum, store) => sum + file[store].length, 0);
  const schemas = recordSchemasFor(top.version);
  const records = emptyRecords();
  let done = 0;
  onProgress?.({ done, total });
  for (const store of STORES) {
    const list = file[store];
    const out = records[store] as StoreRecord[];
    const seenIds = new Map<string, number>();
    const seenUrls = new Map<string, number>();
    for (let index = 0; index < list.length; index++) {
      const raw = list[index];
      const rawId =
        raw !== null && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
          ? (raw as { id: string }).id
          : undefined;
      const result = v.safeParse(schemas[store], raw);
      if (!result.success) {
        const issue = result.issues[0];
        const field = issueField(issue);
        const label = recordLabel(store, index, rawId);
        const message = field
          ? t('backupErrorRecordField', label, field, issueReason(issue))
          : t('backupErrorRecord', label, issueReason(issue));
        fail('invalid-record', message, { store, index, ...(rawId ? { id: rawId } : {}), field });
      }
      const record = upgradeRecord(store, result.output, top.version) as StoreRecord;
      const earlier = seenIds.get(record.id);
      if (earlier !== undefined) {
        fail(
          'duplicate-id',
          t('backupErrorDuplicateId', recordLabel(store, index, record.id), recordLabel(store, earlier)),
          { store, index, id: record.id, field: 'id' },
        );
      }
      seenIds.set(record.id, index);
      const url = store === 'resources' ? (record as BackupRecords['resources'][number]).canonicalUrl : undefined;
      // An activity has no address: only pages can be the same page twice.
      if (url !== undefined) {
        const first = seenUrls.get(url);
        if (first !== undefined) {
          fail(
            'duplicate-url',
            t(
              'backupErrorDuplicateUrl',
              recordLabel(store, index, record.id),
              clip(url, 100),
              recordLabel(store, first),
            ),
            { store, index, id: record.id, field: 'canonicalUrl' },
          );
        }
        seenUrls.set(url, index);
      }
      out.push(record);
      done++;
      if (done % CHUNK === 0) {
        onProgress?.({ done, total });
        yield;
      }
    }
  }
  onProgress?.({ done: total, total });

  const settings = validateSettings(file.settings);
  if (settings.issue) {
    const field = issueField(settings.issue.issue);
    const name = field ? `${settings.issue.name}.${field}` : settings.issue.name;
    fail('invalid-settings', t('backupErrorSetting', name, issueReason(settings.issue.issue)), {
      store: 'settings',
      field: name,
    });
  }
  return { version: top.version, exportedAt: file.exportedAt, records, settings: settings.values };
}

/**
 * Read a file of our format, strictly: any problem throws an ImportError naming the record and
 * the field, and nothing else is ever thrown. Nothing is written here.
 */
export function parseBackup(text: string): ParsedBackup {
  const steps = parseSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same, yielding to the page between chunks so a progress bar can move. */
export async function parseBackupAsync(
  text: string,
  onProgress?: (progress: ParseProgress) => void,
): Promise<ParsedBackup> {
  const steps = parseSteps(text, onProgress);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

export type { StoreName };

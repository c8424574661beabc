import { useEffect, useRef, useState } from 'preact/hooks';
import { isImportError } from '@/lib/backup/errors';
import { exportEverything, readAllRecords } from '@/lib/app/backup';
import { useStorageItem } from '@/components/hooks/live';
import { backupFileName, downloadFile } from '@/lib/backup/export';
import { resourcesToCsv } from '@/lib/backup/csv-export';
import { MAX_IMPORT_MB, MAX_LINK_FILE_BYTES, STORES } from '@/lib/backup/format';
import type { ImportChanges, ImportMode, ImportProgress, ImportResult, ImportSource } from '@/lib/backup/import';
import { type ImportJob, openImportJob } from '@/lib/app/import-job';
import type { SkippedEntry, SkipReason } from '@/lib/backup/links';
import type { KeptReason } from '@/lib/backup/merge';
import { describeImportWriteError, describeWriteError } from '@/lib/i18n/write-errors';
import type { StoreName } from '@/lib/model/stores';
import { formatDate, formatNumber, t, tn, type MessageKey } from '@/lib/i18n';
import { lastExportAt, syncAccount, webhook } from '@/lib/settings';
import { disconnectSync } from '@/lib/app/sync-account';
import { SnapshotSettings } from './SnapshotSettings';
import { HighlightChanges, isHighlights } from './HighlightChanges';
import { ElsewhereExports } from './ElsewhereExports';
import { ZipContents } from './ZipContents';
import './backup-settings.css';

type Stage =
  | { step: 'idle' }
  | { step: 'working'; progress: ImportProgress }
  | {
      step: 'preview';
      job: ImportJob;
      fileName: string;
      mode: ImportMode;
      confirming: boolean;
    }
  | { step: 'done'; result: ImportResult; fileName: string }
  | { step: 'error'; message: string; retry?: { job: ImportJob; mode: ImportMode; fileName: string } };

interface Message {
  tone: 'ok' | 'error';
  text: string;
}

const STORE_COUNT_LABEL: Record<StoreName, MessageKey> = {
  resources: 'backupCountResources',
  reflections: 'backupCountReflections',
  prompts: 'backupCountPrompts',
  actions: 'backupCountActions',
  assessments: 'backupCountAssessments',
  reviews: 'backupCountReviews',
};

const SOURCE_LABEL: Record<ImportSource, MessageKey> = {
  'learning-loop': 'backupSourceBackup',
  readwise: 'backupSourceReadwise',
  kindle: 'backupSourceKindle',
  pocket: 'backupSourcePocket',
  csv: 'backupSourceCsv',
  bookmarks: 'backupSourceBookmarks',
  urls: 'backupSourceUrls',
};

const REASON_LABEL: Record<SkipReason | KeptReason, MessageKey> = {
  'missing-url': 'backupSkipMissingUrl',
  bookmarklet: 'backupSkipBookmarklet',
  'local-file': 'backupSkipLocalFile',
  'data-url': 'backupSkipDataUrl',
  'not-web': 'backupSkipNotWeb',
  broken: 'backupSkipBroken',
  'too-long': 'backupSkipTooLong',
  duplicate: 'backupSkipDuplicate',
  'already-saved': 'backupSkipAlreadySaved',
  'empty-highlight': 'backupSkipEmptyHighlight',
  'missing-title': 'backupSkipMissingTitle',
  bookmark: 'backupSkipBookmark',
  language: 'backupSkipLanguage',
  'unreadable-entry': 'backupSkipUnreadableEntry',
  'too-many-quotes': 'backupSkipTooManyQuotes',
  'too-many-highlights': 'backupSkipTooManyHighlights',
  same: 'backupSkipSame',
  'newer-here': 'backupSkipNewerHere',
};

/** Skipped entries listed on the page; the counts above always cover all of them. */
const SHOWN_SKIPPED = 300;

function positionLabel(source: ImportSource, position: number): string {
  const n = formatNumber(position);
  if (source === 'kindle') return t('backupPositionClipping', n);
  return source === 'bookmarks'
    ? t('backupPositionBookmark', n)
    : source === 'urls'
      ? t('backupPositionLine', n)
      : t('backupPositionRow', n);
}

function progressText(progress: ImportProgress): string {
  if (progress.phase === 'reading') return t('backupProgressReading');
  if (progress.phase === 'checking')
    return progress.total
      ? t('backupProgressChecking', formatNumber(progress.done), formatNumber(progress.total))
      : t('backupProgressCheckingLinks');
  return t('backupProgressSaving', formatNumber(progress.done), formatNumber(progress.total));
}

/** Exporting: the whole backup or the resources as CSV, and what the last export did. */
function useExports() {
  const [exporting, setExporting] = useState(false);
  const [exportMessage, setExportMessage] = useState<Message | null>(null);
  const exportAll = async (includeWebhook: boolean) => {
    setExporting(true);
    setExportMessage(null);
    try {
      const result = await exportEverything({ includeWebhook });
      setExportMessage({ tone: 'ok', text: t('backupExported', result.fileName, formatNumber(result.records)) });
    } catch (error) {
      setExportMessage({
        tone: 'error',
        text: t('backupExportFailed', error instanceof Error ? error.message : String(error)),
      });
    } finally {
      setExporting(false);
    }
  };

  const exportCsv = async () => {
    setExportMessage(null);
    try {
      const { resources } = await readAllRecords();
      const name = backupFileName(Date.now(), 'csv');
      downloadFile(name, resourcesToCsv(resources), 'text/csv;charset=utf-8');
      setExportMessage({ tone: 'ok', text: t('backupExported', name, formatNumber(resources.length)) });
    } catch (error) {
      setExportMessage({
        tone: 'error',
        text: t('backupExportFailed', error instanceof Error ? error.message : String(error)),
      });
    }
  };
  return { exporting, message: exportMessage, exportAll, exportCsv };
}

/** The export block: when the last backup was made, the export buttons and what they did. */
function ExportBlock({ working, exports }: { working: boolean; exports: ReturnType<typeof useExports> }) {
  const lastExport = useStorageItem(lastExportAt);
  const hasWebhook = Boolean(useStorageItem(webhook));
  const [includeWebhook, setIncludeWebhook] = useState(false);
  return (
    <div class="backup-block">
      <p class="backup-last">
        {lastExport === undefined
          ? '\u00a0'
          : lastExport === null
            ? t('backupNeverExported')
            : t('backupLastExport', formatDate(lastExport, { dateStyle: 'long', timeStyle: 'short' }))}
      </p>
      <p class="small muted">{t('backupExportHelp')}</p>
      {hasWebhook && (
        <div>
          <label class="checkbox">
            <input
              type="checkbox"
              checked={includeWebhook}
              aria-describedby="backup-webhook-help"
              onChange={(e) => setIncludeWebhook(e.currentTarget.checked)}
            />
            {t('backupIncludeWebhook')}
          </label>
          <p id="backup-webhook-help" class="small muted backup-indent">
            {t('backupIncludeWebhookHelp')}
          </p>
        </div>
      )}
      <div class="row backup-actions">
        <button
          type="button"
          class="btn btn-primary"
          disabled={working}
          onClick={() => void exports.exportAll(hasWebhook && includeWebhook)}
        >
          {t('backupExport')}
        </button>
        <button
          type="button"
          class="btn"
          disabled={working}
          aria-describedby="backup-csv-help"
          onClick={() => void exports.exportCsv()}
        >
          {t('backupExportCsv')}
        </button>
      </div>
      <p id="backup-csv-help" class="small muted">
        {t('backupExportCsvHelp')}
      </p>
      <p
        class={exports.message?.tone === 'error' ? 'notice notice-error' : 'small backup-ok'}
        role={exports.message?.tone === 'error' ? 'alert' : 'status'}
      >
        {exports.message?.text ?? ''}
      </p>
    </div>
  );
}

export function BackupSettings() {
  const exports = useExports();
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  const onProgress = (progress: ImportProgress) => setStage({ step: 'working', progress });

  // The file being imported, held (in its worker) until the import is done or set aside.
  const job = useRef<ImportJob | null>(null);
  const letGo = () => {
    job.current?.close();
    job.current = null;
  };
  useEffect(() => letGo, []);
  const show = (next: Stage) => {
    if (next.step === 'idle') letGo();
    setStage(next);
  };

  const start = async (chosen: ImportJob, mode: ImportMode, fileName: string) => {
    setStage({ step: 'working', progress: { phase: 'saving', done: 0, total: 0 } });
    try {
      const result = await chosen.run(mode, onProgress);
      letGo();
      setStage({ step: 'done', result, fileName });
    } catch (error) {
      // The file stays chosen: "Try again" needs no new pick.
      setStage({
        step: 'error',
        message: t('backupWriteFailed', describeImportWriteError(error)),
        retry: { job: chosen, mode, fileName },
      });
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    letGo();
    setStage({ step: 'working', progress: { phase: 'reading', done: 0, total: 0 } });
    try {
      const opened = await openImportJob(file, onProgress);
      job.current = opened;
      // Every file, into an empty library too: what it would change, and nothing written yet.
      setStage({ step: 'preview', job: opened, fileName: file.name, mode: 'merge', confirming: false });
    } catch (error) {
      letGo();
      setStage({ step: 'error', message: isImportError(error) ? error.message : describeWriteError(error) });
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const working = stage.step === 'working' || exports.exporting;

  return (
    <section class="panel card backup" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      <p class="muted">{t('backupIntro')}</p>

      <ExportBlock working={working} exports={exports} />
      <ElsewhereExports disabled={working} />

      <div class="backup-block">
        <h3>{t('backupRestoreHeading')}</h3>
        <p class="small muted" id="backup-import-help">
          {t(
            'backupImportHelp',
            formatNumber(MAX_IMPORT_MB),
            formatNumber(MAX_LINK_FILE_BYTES.csv / 2 ** 20),
            formatNumber(MAX_LINK_FILE_BYTES.html / 2 ** 20),
          )}
        </p>
        <div class="row">
          <label class={`btn file-button${working ? ' is-disabled' : ''}`}>
            {t('backupImport')}
            <input
              ref={fileInput}
              type="file"
              class="visually-hidden"
              accept=".json,.csv,.html,.htm,.txt,.zip,application/json,text/csv,text/html,text/plain,application/zip"
              aria-describedby="backup-import-help"
              disabled={working}
              onChange={(e) => void onFile(e.currentTarget.files?.[0])}
            />
          </label>
        </div>
        <StageView stage={stage} setStage={show} start={start} />
      </div>

      <SnapshotSettings onRestore={(file) => void onFile(file)} disabled={working} />
    </section>
  );
}

function StageView({
  stage,
  setStage,
  start,
}: {
  stage: Stage;
  setStage: (s: Stage) => void;
  start: (job: ImportJob, m: ImportMode, f: string) => Promise<void>;
}) {
  switch (stage.step) {
    case 'idle':
      return null;
    case 'working': {
      const { progress } = stage;
      return (
        <div class="backup-progress" role="status">
          <p id="backup-progress-text">{progressText(progress)}</p>
          {progress.total > 0 ? (
            <progress aria-labelledby="backup-progress-text" max={progress.total} value={progress.done} />
          ) : (
            <progress aria-labelledby="backup-progress-text" />
          )}
        </div>
      );
    }
    case 'error':
      return (
        <div class="stack">
          <p class="notice notice-error" role="alert">
            {stage.message}
          </p>
          {stage.retry && (
            <div class="row">
              <button
                type="button"
                class="btn"
                onClick={() => void start(stage.retry!.job, stage.retry!.mode, stage.retry!.fileName)}
              >
                {t('backupTryAgain')}
              </button>
              <button type="button" class="btn btn-ghost" onClick={() => setStage({ step: 'idle' })}>
                {t('backupCancel')}
              </button>
            </div>
          )}
        </div>
      );
    case 'preview':
      return <Preview stage={stage} setStage={setStage} start={start} />;
    case 'done':
      return <Result result={stage.result} fileName={stage.fileName} />;
  }
}

function Preview({
  stage,
  setStage,
  start,
}: {
  stage: Extract<Stage, { step: 'preview' }>;
  setStage: (s: Stage) => void;
  start: (job: ImportJob, m: ImportMode, f: string) => Promise<void>;
}) {
  const { summary, changes } = stage.job;
  const backup = summary.source === 'learning-loop';
  const exportedAt = summary.exportedAt ?? '';
  const exported = Date.parse(exportedAt);
  return (
    <div class="backup-preview">
      <p>
        {backup
          ? t(
              'backupPreviewBackup',
              stage.fileName,
              Number.isFinite(exported) ? formatDate(exported, { dateStyle: 'long', timeStyle: 'short' }) : exportedAt,
            )
          : t('backupPreviewLinks', stage.fileName, t(SOURCE_LABEL[summary.source]))}
      </p>
      {backup ? (
        <BackupModes stage={stage} setStage={setStage} />
      ) : isHighlights(summary.source) ? (
        <HighlightChanges highlights={changes.highlights} />
      ) : (
        <LinkChanges links={changes.links} />
      )}
      {summary.archive && <ZipContents archive={summary.archive} />}
      {backup && (
        <p class="small">
          {summary.settings > 0 ? tn('backupSettingsIncluded', summary.settings) : t('backupSettingsNone')}
        </p>
      )}
      <PreviewActions stage={stage} setStage={setStage} start={start} />
    </div>
  );
}

/** Merge or Replace, and what each would change to each kind of record. */
function BackupModes({
  stage,
  setStage,
}: {
  stage: Extract<Stage, { step: 'preview' }>;
  setStage: (s: Stage) => void;
}) {
  return (
    <>
      <fieldset class="backup-modes" disabled={stage.confirming}>
        <legend>{t('backupModeLegend')}</legend>
        {(['merge', 'replace'] as const).map((mode) => (
          <label key={mode} class="backup-mode">
            <input
              type="radio"
              name="backup-mode"
              value={mode}
              checked={stage.mode === mode}
              aria-describedby={`backup-mode-${mode}`}
              onChange={() => setStage({ ...stage, mode })}
            />
            <span>
              <strong>{t(mode === 'merge' ? 'backupModeMerge' : 'backupModeReplace')}</strong>
              <span id={`backup-mode-${mode}`} class="small muted">
                {t(mode === 'merge' ? 'backupModeMergeHelp' : 'backupModeReplaceHelp')}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <BackupChanges changes={stage.job.changes} records={stage.job.summary.records} mode={stage.mode} />
    </>
  );
}

/** The dry run's counts per kind: new, updated, unchanged on a merge; deleted and written on a replace. */
function BackupChanges({
  changes,
  records,
  mode,
}: {
  changes: ImportChanges;
  records: Partial<Record<StoreName, number>> | undefined;
  mode: ImportMode;
}) {
  const columns: MessageKey[] =
    mode === 'merge'
      ? ['backupChangesNew', 'backupChangesUpdated', 'backupChangesUnchanged']
      : ['backupChangesDeleted', 'backupChangesFromFile'];
  const row = (store: StoreName): number[] => {
    const counts = changes.merge?.[store];
    if (mode === 'replace') return [changes.stored[store], records?.[store] ?? 0];
    return counts ? [counts.added, counts.updated, counts.same + counts.newerHere] : [0, 0, 0];
  };
  const shown = STORES.filter((store) => row(store).some((count) => count > 0));
  return (
    <table class="backup-changes">
      <caption>{t('backupChangesHeading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('backupChangesKind')}</th>
          {columns.map((column) => (
            <th key={column} scope="col">
              {t(column)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((store) => (
          <tr key={store}>
            <th scope="row">{t(STORE_COUNT_LABEL[store])}</th>
            {row(store).map((count, index) => (
              <td key={columns[index]} class={index === 0 && count > 0 ? 'is-added' : undefined}>
                {formatNumber(count)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LinkChanges({ links }: { links: ImportChanges['links'] }) {
  const counts = links ?? { added: 0, updated: 0, unchanged: 0, skipped: 0 };
  const columns: [MessageKey, number][] = [
    ['backupChangesNew', counts.added],
    ['backupChangesUpdated', counts.updated],
    ['backupChangesUnchanged', counts.unchanged],
    ['backupChangesUnusable', counts.skipped],
  ];
  return (
    <>
      <table class="backup-changes">
        <caption>{t('backupChangesHeading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backupChangesKind')}</th>
            {columns.map(([column]) => (
              <th key={column} scope="col">
                {t(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('backupChangesLinks')}</th>
            {columns.map(([column, count], index) => (
              <td
                key={column}
                class={index === 0 && count > 0 ? 'is-added' : index === 3 && count > 0 ? 'is-skipped' : undefined}
              >
                {formatNumber(count)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <p class="small muted">{t('backupChangesLinksNote')}</p>
    </>
  );
}

/** The choice: Merge, Replace (confirmed, with what it deletes), or Import for links; Cancel. */
function PreviewActions({
  stage,
  setStage,
  start,
}: {
  stage: Extract<Stage, { step: 'preview' }>;
  setStage: (s: Stage) => void;
  start: (job: ImportJob, m: ImportMode, f: string) => Promise<void>;
}) {
  // With sync on, a replace deletes on the user's other devices too: said, and a way out.
  const synced = Boolean(useStorageItem(syncAccount));
  const { stored } = stage.job.changes;
  const others = stored.prompts + stored.actions + stored.assessments;
  const cancel = (
    <button type="button" class="btn btn-ghost" onClick={() => setStage({ step: 'idle' })}>
      {t('backupCancel')}
    </button>
  );
  if (stage.job.summary.source !== 'learning-loop')
    return (
      <div class="row">
        <button type="button" class="btn btn-primary" onClick={() => void start(stage.job, 'merge', stage.fileName)}>
          {t(isHighlights(stage.job.summary.source) ? 'backupStartHighlights' : 'backupStartLinks')}
        </button>
        {cancel}
      </div>
    );
  if (stage.confirming)
    return (
      <div class="notice notice-warn stack" role="alert">
        <p>
          {t(
            'backupConfirmReplaceText',
            formatNumber(stored.resources),
            formatNumber(stored.reflections),
            formatNumber(others),
          )}
        </p>
        {synced && <p>{t('backupReplaceSynced')}</p>}
        <div class="row">
          <button type="button" class="btn btn-danger" onClick={() => void start(stage.job, 'replace', stage.fileName)}>
            {t(synced ? 'backupReplaceAllDevices' : 'backupConfirmReplace')}
          </button>
          {synced && (
            <button
              type="button"
              class="btn"
              onClick={() => void disconnectSync().then(() => start(stage.job, 'replace', stage.fileName))}
            >
              {t('backupReplaceHereOnly')}
            </button>
          )}
          <button type="button" class="btn btn-ghost" onClick={() => setStage({ ...stage, confirming: false })}>
            {t('backupCancel')}
          </button>
        </div>
      </div>
    );
  return (
    <div class="row">
      {stage.mode === 'merge' ? (
        <button type="button" class="btn btn-primary" onClick={() => void start(stage.job, 'merge', stage.fileName)}>
          {t('backupStartMerge')}
        </button>
      ) : (
        <button
          type="button"
          class="btn btn-danger"
          onClick={() =>
            // Nothing here to delete: nothing to confirm.
            STORES.every((store) => stored[store] === 0)
              ? void start(stage.job, 'replace', stage.fileName)
              : setStage({ ...stage, confirming: true })
          }
        >
          {t('backupStartReplace')}
        </button>
      )}
      {cancel}
    </div>
  );
}

function Result({ result, fileName }: { result: ImportResult; fileName: string }) {
  const shown: SkippedEntry[] = result.skippedEntries.slice(0, SHOWN_SKIPPED);
  return (
    <div class="backup-result" role="status">
      <div>
        <h4>{t('backupResultHeading', fileName)}</h4>
        <p class="small muted">{t(SOURCE_LABEL[result.source])}</p>
      </div>
      <dl class="backup-counts">
        <div class="is-added">
          <dt>{t('backupResultAdded')}</dt>
          <dd>{formatNumber(result.added)}</dd>
        </div>
        <div class="is-updated">
          <dt>{t('backupResultUpdated')}</dt>
          <dd>{formatNumber(result.updated)}</dd>
        </div>
        <div class={result.skipped > 0 ? 'is-skipped' : undefined}>
          <dt>{t('backupResultSkipped')}</dt>
          <dd>{formatNumber(result.skipped)}</dd>
        </div>
      </dl>
      {result.settings.length > 0 && <p class="small">{t('backupResultSettings')}</p>}
      {(result.conflictsKept ?? 0) > 0 && <p class="small">{tn('backupResultConflicts', result.conflictsKept ?? 0)}</p>}
      {result.reasons.length > 0 && (
        <div class="backup-reasons">
          <h5>{t('backupResultWhy')}</h5>
          <ul>
            {result.reasons.map(({ reason, count }) => (
              <li key={reason}>
                <span class="backup-reason-count">{formatNumber(count)}</span>
                <span>{t(REASON_LABEL[reason])}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {shown.length > 0 && (
        <details class="backup-skipped">
          <summary id="backup-skipped-summary">
            {t('backupSkippedShow', formatNumber(result.skippedEntries.length))}
          </summary>
          {/* Scrolls on its own: focusable, so keyboard users can scroll it too. */}
          <div class="backup-table-wrap" tabIndex={0} role="region" aria-labelledby="backup-skipped-summary">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('backupColumnWhere')}</th>
                  <th scope="col">{t('backupColumnEntry')}</th>
                  <th scope="col">{t('backupColumnReason')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((entry) => (
                  <tr key={entry.position}>
                    <td class="backup-where">{positionLabel(result.source, entry.position)}</td>
                    <td>
                      <div class="backup-entry">
                        {entry.title && (
                          <span class="backup-entry-title" dir="auto">
                            {entry.title}
                          </span>
                        )}
                        <code dir="ltr">{entry.url || '—'}</code>
                      </div>
                    </td>
                    <td>
                      {t(REASON_LABEL[entry.reason])}
                      {entry.firstAt !== undefined && (
                        <span class="muted">
                          {' '}
                          ({t('backupDuplicateOf', positionLabel(result.source, entry.firstAt))})
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.skippedEntries.length > shown.length && (
            <p class="small muted">
              {t('backupSkippedMore', formatNumber(result.skippedEntries.length - shown.length))}
            </p>
          )}
        </details>
      )}
    </div>
  );
}

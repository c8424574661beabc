import { useState } from 'preact/hooks';
import { exportMarkdown, exportQuotesCsv, type ExportedFile } from '@/lib/app/exports';
import { formatNumber, t } from '@/lib/i18n';

type Kind = 'markdown' | 'quotes';

const RUN: Record<Kind, () => Promise<ExportedFile>> = {
  markdown: () => exportMarkdown(),
  quotes: () => exportQuotesCsv(),
};

/** The library for other tools: a Markdown vault for Obsidian and Logseq, quotes as Readwise's CSV. */
export function ElsewhereExports({ disabled }: { disabled: boolean }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const run = async (kind: Kind) => {
    setBusy(true);
    setMessage(null);
    try {
      const file = await RUN[kind]();
      const count = formatNumber(file.count);
      const text =
        kind === 'markdown'
          ? t('exportsDoneMarkdown', file.fileName, count)
          : t('exportsDoneQuotes', file.fileName, count);
      setMessage({ tone: 'ok', text });
    } catch (error) {
      setMessage({
        tone: 'error',
        text: t('backupExportFailed', error instanceof Error ? error.message : String(error)),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="backup-block">
      <h3>{t('exportsHeading')}</h3>
      <div class="row backup-actions">
        <button
          type="button"
          class="btn"
          disabled={disabled || busy}
          aria-describedby="exports-markdown-help"
          onClick={() => void run('markdown')}
        >
          {t('exportsMarkdown')}
        </button>
        <button
          type="button"
          class="btn"
          disabled={disabled || busy}
          aria-describedby="exports-quotes-help"
          onClick={() => void run('quotes')}
        >
          {t('exportsQuotesCsv')}
        </button>
      </div>
      <p id="exports-markdown-help" class="small muted">
        {t('exportsMarkdownHelp')}
      </p>
      <p id="exports-quotes-help" class="small muted">
        {t('exportsQuotesCsvHelp')}
      </p>
      <p
        class={message?.tone === 'error' ? 'notice notice-error' : 'small backup-ok'}
        role={message?.tone === 'error' ? 'alert' : 'status'}
      >
        {message?.text ?? ''}
      </p>
    </div>
  );
}

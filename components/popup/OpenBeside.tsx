import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { openSidePanel } from '@/lib/app/side-panel-open';
import { t } from '@/lib/i18n';

/**
 * Open beside the video: the panel that stays open while the user watches. The window is looked up
 * before the click, so opening is the click's first, synchronous call (the gesture survives no
 * await); the popup closes as the panel takes over.
 */
export function OpenBeside() {
  const [windowId, setWindowId] = useState<number | undefined>(undefined);
  const apis = browser as unknown as { sidePanel?: unknown; sidebarAction?: unknown };
  const available = apis.sidePanel !== undefined || apis.sidebarAction !== undefined;
  useEffect(() => {
    if (!available) return;
    void Promise.resolve()
      .then(() => browser.windows.getCurrent())
      .then(
        (window) => setWindowId(window?.id),
        () => undefined,
      );
  }, [available]);
  if (!available) return null;
  return (
    <button
      type="button"
      class="btn btn-ghost"
      onClick={() => {
        const opening = openSidePanel(windowId);
        void opening?.then(() => window.close());
      }}
    >
      {t('panelOpenBeside')}
    </button>
  );
}

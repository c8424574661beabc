import { browser } from 'wxt/browser';

interface PanelApis {
  /** Chrome 116+ (`side_panel.default_path`). */
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  /** Firefox (`sidebar_action`). */
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the panel beside the video in `windowId`. It must be the first, synchronous call of the
 * click or command that asks for it: after an `await` the browser no longer sees the user's
 * gesture and refuses. Returns the browser's promise (or undefined where there is no panel).
 */
export function openSidePanel(windowId: number | undefined): Promise<void> | undefined {
  const apis = browser as unknown as PanelApis;
  try {
    if (apis.sidePanel && windowId !== undefined) return apis.sidePanel.open({ windowId }).catch(() => undefined);
    if (apis.sidebarAction) return apis.sidebarAction.open().catch(() => undefined);
  } catch {
    // Refused at once (no gesture): the browser's own side-panel menu still opens it.
  }
  return undefined;
}

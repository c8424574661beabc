import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** A command the extension defines (wxt.config.ts) and the keys it has now ('' when none is set). */
export interface Shortcut {
  name: string;
  keys: string;
}

interface ManifestCommand {
  suggested_key?: { default?: string };
}

/**
 * The keys the manifest suggests: what the user has until the browser says otherwise (a key
 * another extension took stays unset, which only the browser knows).
 */
function suggested(): Shortcut[] {
  try {
    const commands = (browser.runtime.getManifest().commands ?? {}) as Record<string, ManifestCommand>;
    return Object.entries(commands).map(([name, command]) => ({ name, keys: command.suggested_key?.default ?? '' }));
  } catch {
    return [];
  }
}

/** The extension's keyboard shortcuts as the user has them (they can be changed in the browser's settings). */
export function useShortcuts(): Shortcut[] {
  const [shortcuts, setShortcuts] = useState(suggested);
  useEffect(() => {
    let alive = true;
    try {
      void Promise.resolve(browser.commands.getAll())
        .then((commands) => {
          if (!alive) return;
          setShortcuts(commands.flatMap((c) => (c.name ? [{ name: c.name, keys: c.shortcut ?? '' }] : [])));
        })
        .catch(() => undefined);
    } catch {
      // No commands API here (a test page): the manifest's keys stand.
    }
    return () => {
      alive = false;
    };
  }, []);
  return shortcuts;
}

/** Where the user changes the shortcuts: an address to show, and how to open it from an extension page. */
export function shortcutSettings(isFirefox: boolean = import.meta.env.FIREFOX): {
  address: string;
  open: () => Promise<unknown>;
} {
  if (isFirefox) {
    // Firefox 137+ opens its shortcut page for the extension; a page may not open about: addresses itself.
    const commands = browser.commands as { openShortcutSettings?: () => Promise<void> };
    return {
      address: 'about:addons',
      open: () => commands.openShortcutSettings?.() ?? Promise.resolve(),
    };
  }
  return {
    address: 'chrome://extensions/shortcuts',
    open: () => browser.tabs.create({ url: 'chrome://extensions/shortcuts' }),
  };
}

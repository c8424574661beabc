import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { resetMockOPFS } from 'opfs-mock';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLocale } from '../../scripts/locales';
import { forgetLibraryChangeNotice } from '../../lib/app/commit';
import { closeDb } from '../../lib/db/open';
import { forgetConnection } from '../../lib/sync/connection';
import { substitute, useDictionary } from '../../lib/i18n';

const english = readLocale('en');

/** An event the test can fire, as fakeBrowser's own events are. */
export function fakeEvent<Args extends unknown[]>() {
  const listeners: ((...args: Args) => unknown)[] = [];
  return {
    addListener: (listener: (...args: Args) => unknown) => void listeners.push(listener),
    removeListener: (listener: (...args: Args) => unknown) => {
      const at = listeners.indexOf(listener);
      if (at >= 0) listeners.splice(at, 1);
    },
    hasListener: (listener: (...args: Args) => unknown) => listeners.includes(listener),
    hasListeners: () => listeners.length > 0,
    trigger: (...args: Args) => Promise.all(listeners.map((listener) => listener(...args))),
  };
}

export interface FakeMenuItem {
  id: string;
  title: string;
  contexts: string[];
  documentUrlPatterns?: string[];
}

export interface FakeMenusAndCommands {
  contextMenus: {
    items: FakeMenuItem[];
    onClicked: ReturnType<typeof fakeEvent<[unknown, unknown?]>>;
  };
  commands: { onCommand: ReturnType<typeof fakeEvent<[string, unknown?]>> };
}

/** fakeBrowser has no context menus or commands: a small in-memory stand-in for both. */
function fakeMenusAndCommands() {
  const items: FakeMenuItem[] = [];
  const contextMenus = {
    items,
    create: (item: FakeMenuItem) => {
      items.push(item);
      return item.id;
    },
    removeAll: async () => {
      items.length = 0;
    },
    onClicked: fakeEvent<[unknown, unknown?]>(),
  };
  Object.assign(fakeBrowser, { contextMenus, menus: contextMenus });
  Object.assign(fakeBrowser.commands, { onCommand: fakeEvent<[string, unknown?]>() });
}

/**
 * @webext-core/messaging sends with Chrome's callback form and answers through sendResponse;
 * fakeBrowser's sendMessage knows neither. This delivers the message to the runtime.onMessage
 * listeners of this context (where the test started the background) as Chrome would.
 */
function chromeStyleSendMessage() {
  const runtime = fakeBrowser.runtime as unknown as {
    sendMessage: (message: unknown, callback?: (response: unknown) => void) => unknown;
    lastError?: { message: string };
    onMessage: { hasListeners(): boolean; trigger(...args: unknown[]): Promise<unknown[]> };
  };
  const promiseForm = runtime.sendMessage.bind(runtime);
  runtime.sendMessage = (message, callback) => {
    if (typeof callback !== 'function') return promiseForm(message);
    if (!runtime.onMessage.hasListeners()) {
      runtime.lastError = { message: 'Could not establish connection. Receiving end does not exist.' };
      callback(undefined);
      delete runtime.lastError;
      return undefined;
    }
    let answered = false;
    const answer = (response: unknown) => {
      if (answered) return;
      answered = true;
      callback(response);
    };
    // The real event passes sendResponse as the third argument.
    void runtime.onMessage.trigger(message, {}, answer).then((results: unknown[]) => {
      if (!results.includes(true)) answer(results.find(Boolean));
    });
    return undefined;
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  // A sync connection another test made is not this one's (the cache follows storage events, which reset() does not send).
  forgetConnection();
  localStorage.clear();
  fakeMenusAndCommands();
  chromeStyleSendMessage();
  await closeDb();
  // A fresh, empty database for every test.
  globalThis.indexedDB = new IDBFactory();
  // An empty origin private file system (the automatic snapshots) for every test.
  resetMockOPFS();
  forgetLibraryChangeNotice();
  useDictionary('en', null);
  // fakeBrowser has no i18n: answer from the real English messages.
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => {
    const entry = english[key];
    if (!entry) return '';
    return substitute(entry.message, typeof subs === 'string' ? [subs] : (subs ?? []));
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en-GB';
});

import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLocale } from '../../scripts/locales';
import { closeDb } from '../../lib/db/open';
import { substitute, useDictionary } from '../../lib/i18n';

const english = readLocale('en');

beforeEach(async () => {
  fakeBrowser.reset();
  await closeDb();
  // A fresh, empty database for every test.
  globalThis.indexedDB = new IDBFactory();
  useDictionary('en', null);
  // fakeBrowser has no i18n: answer from the real English messages.
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => {
    const entry = english[key];
    if (!entry) return '';
    return substitute(entry.message, typeof subs === 'string' ? [subs] : (subs ?? []));
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en-GB';
});

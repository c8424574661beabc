import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { saveCapturedPage } from '../../../lib/app/resources';
import { closeDb } from '../../../lib/db/open';
import { closePeek, openForPeek, peekResourceByUrl } from '../../../lib/db/peek';
import { DB_NAME, DB_VERSION } from '../../../lib/db/schema';

const page = {
  url: 'https://blog.example.org/pairing?utm_source=feed',
  canonicalUrl: 'https://blog.example.org/pairing',
  kind: 'article' as const,
  title: 'Pairing on the hard part first',
};

describe('peekResourceByUrl: the popup’s first read, without the database code', () => {
  it('finds a saved page by its address, and says undefined for one not saved', async () => {
    const { resource } = await saveCapturedPage(page);
    expect(await peekResourceByUrl(page.canonicalUrl)).toMatchObject({ id: resource.id, title: page.title });
    expect(await peekResourceByUrl('https://blog.example.org/other')).toBeUndefined();
  });

  it('creates no database where there is none: it asks the full layer instead', async () => {
    expect(await peekResourceByUrl(page.canonicalUrl)).toBeNull();
    expect(await indexedDB.databases()).not.toContainEqual(expect.objectContaining({ name: DB_NAME }));
    // The full layer then creates it from nothing, with every store.
    await saveCapturedPage(page);
    expect(await peekResourceByUrl(page.canonicalUrl)).toMatchObject({ title: page.title });
  });

  it('leaves an older database to its upgrade, untouched', async () => {
    const old = await openDB(DB_NAME, DB_VERSION - 1, {
      upgrade: (db) => void db.createObjectStore('resources', { keyPath: 'id' }),
    });
    old.close();
    expect(await peekResourceByUrl(page.canonicalUrl)).toBeNull();
    // Opened as it stands (after anything the peek might have left running): still the old one.
    const after = await openDB(DB_NAME);
    expect(after.version).toBe(DB_VERSION - 1);
    after.close();
  });

  it('does not hold the database open: an upgrade elsewhere is not blocked by it', async () => {
    await saveCapturedPage(page);
    closeDb();
    await peekResourceByUrl(page.canonicalUrl);
    const next = await openDB(DB_NAME, DB_VERSION + 1, { blocked: () => expect.fail('blocked by the peek') });
    next.close();
  });

  it('opens while the address is still unknown, then looks it up on that connection', async () => {
    const { resource } = await saveCapturedPage(page);
    const opened = openForPeek();
    const db = await opened;
    expect(db?.version).toBe(DB_VERSION);
    const close = vi.spyOn(db!, 'close');
    expect(await peekResourceByUrl(page.canonicalUrl, opened)).toMatchObject({ id: resource.id });
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
  });

  it('an opened connection that is not needed after all is closed', async () => {
    await saveCapturedPage(page);
    const opened = openForPeek();
    const close = vi.spyOn((await opened)!, 'close');
    closePeek(opened);
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
  });

  it('opens nothing where there is no database, so the full layer creates it', async () => {
    expect(await openForPeek()).toBeNull();
    expect(await indexedDB.databases()).not.toContainEqual(expect.objectContaining({ name: DB_NAME }));
  });
});

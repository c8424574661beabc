import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportError } from '../../../lib/backup/errors';
import { browser } from 'wxt/browser';
import type { ToImportHost } from '../../../lib/app/import-host';
import { connectImportHost, type ImportHostConnection, inThreadHost, openImportJob } from '../../../lib/app/import-job';
import * as messaging from '../../../lib/messaging-transport';
import { showThumbnails, syncAccount } from '../../../lib/settings';
import { backupText, readAll, sampleRecords, sorted } from './helpers';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/import', name), 'utf8');

describe('an import job (the settings page drives it; a worker does the work)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a backup: the summary counts the file, run writes its records, then the page applies its settings', async () => {
    vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
    const records = sampleRecords(3, 2);
    const file = new File([backupText(records, { settings: { showThumbnails: false } })], 'backup.json');
    const phases: string[] = [];
    const job = await openImportJob(file, (p) => phases.push(p.phase), inThreadHost);
    expect(job.summary).toMatchObject({ source: 'learning-loop', settings: 1 });
    expect(job.summary.records?.resources).toBe(records.resources.length);
    expect((await readAll()).resources).toEqual([]);
    const result = await job.run('merge', (p) => phases.push(p.phase));
    job.close();
    expect(sorted(await readAll())).toEqual(sorted(records));
    expect(result.settings).toEqual(['showThumbnails']);
    expect(await showThumbnails.getValue()).toBe(false);
    expect(phases).toContain('checking');
    expect(phases).toContain('saving');
  });

  it('a bookmark file is read on the page (its parser is the browser’s) and its links written', async () => {
    vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
    const job = await openImportJob(
      new File([fixture('bookmarks-chrome.html')], 'bookmarks.html'),
      undefined,
      inThreadHost,
    );
    expect(job.summary.source).toBe('bookmarks');
    const result = await job.run('merge');
    expect(result.added).toBeGreaterThan(0);
    expect((await readAll()).resources).toHaveLength(result.added);
  });

  it('a bookmark file of many links reaches the worker in parts, every link once', async () => {
    vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
    const links = Array.from({ length: 4_321 }, (_, i) => `<DT><A HREF="https://example.org/${i}">Page ${i}</A>`);
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n${links.join('\n')}\n</DL><p>\n`;
    const job = await openImportJob(new File([html], 'bookmarks.html'), undefined, inThreadHost);
    expect(job.summary.links).toBe(4_321);
    expect((await job.run('merge')).added).toBe(4_321);
    const urls = new Set((await readAll()).resources.map((resource) => resource.url));
    expect(urls.size).toBe(4_321);
    expect(urls.has('https://example.org/4320')).toBe(true);
  });

  it('with sync connected, the stores are marked for the server before the worker writes', async () => {
    vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
    await syncAccount.setValue({
      server: 'https://couch.example.org',
      user: 'ada',
      database: 'userdb-ada',
      teamDatabase: null,
      connectedAt: Date.now(),
    });
    let marksAtWrite: string[] | null = null;
    const watched = async (): Promise<ImportHostConnection> => {
      const host = await inThreadHost();
      const post = (message: ToImportHost) => {
        if (message.type !== 'run') return host.port.post(message);
        // What a page closed between the write's commit and its notice would have left.
        void browser.storage.local.get(null).then((all) => {
          marksAtWrite = Object.keys(all).filter((key) => key.startsWith('syncOut/'));
          host.port.post(message);
        });
      };
      return { ...host, port: { ...host.port, post } };
    };
    const job = await openImportJob(new File([fixture('urls.txt')], 'links.txt'), undefined, watched);
    await job.run('merge');
    expect(marksAtWrite).toEqual(expect.arrayContaining(['syncOut/resources/*']));
  });

  it('a refusal reaches the page as the same ImportError, with its reason, and nothing is written', async () => {
    const error = await openImportJob(new File(['{"format":"other"}'], 'x.json'), undefined, inThreadHost).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('wrong-format');
    expect((error as ImportError).message).toMatch(/Learning Loop/);
    expect((await readAll()).resources).toEqual([]);
  });

  it('a worker that cannot start is a failure the page can show, not an import that never answers', async () => {
    class BrokenWorker extends EventTarget {
      postMessage() {
        setTimeout(() => this.dispatchEvent(Object.assign(new Event('error'), { message: 'no script' })), 0);
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', BrokenWorker);
    vi.stubGlobal('fetch', async () => new Response('{}'));
    const error = await openImportJob(
      new File(['https://example.org/'], 'links.txt'),
      undefined,
      connectImportHost,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).message).toBe('no script');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupReminder } from '../../../components/popup/BackupReminder';
import { BackupSettings } from '../../../components/settings/BackupSettings';
import { saveResource } from '../../../lib/db/resources';
import * as messaging from '../../../lib/messaging-transport';
import { backupReminder, lastExportAt } from '../../../lib/settings';
import { backupText, readAll, sampleRecords, seed, sorted } from './helpers';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../fixtures/import', name), 'utf8');
let host: HTMLElement;

async function mount(node: preact.ComponentChild) {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(node, host);
  });
}
beforeEach(() => {
  // No background in unit tests: the page's notes to it go nowhere.
  vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

function button(name: string): HTMLButtonElement {
  const found = [...host.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found)
    throw new Error(`no button ${name}: ${[...host.querySelectorAll('button')].map((b) => b.textContent).join(', ')}`);
  return found;
}
function fileInput(): HTMLInputElement {
  const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
  expect(input.closest('label')!.textContent).toBe('Import');
  return input;
}
async function choose(name: string, content: string) {
  const input = fileInput();
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([content], name)] });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}
async function until(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
  expect(check()).toBe(true);
}
function counts(): Record<string, string> {
  return Object.fromEntries(
    [...host.querySelectorAll('.backup-result .backup-counts > div')].map((d) => [
      d.querySelector('dt')!.textContent,
      d.querySelector('dd')!.textContent,
    ]),
  );
}

/** The preview's dry run: each kind's row, its counts in column order. */
function changes(): Record<string, string[]> {
  return Object.fromEntries(
    [...host.querySelectorAll('.backup-changes tbody tr')].map((row) => [
      row.querySelector('th')!.textContent,
      [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
    ]),
  );
}

describe('BackupSettings', () => {
  it('a backup into an empty library asks first, and counts what would change, not what the file holds', async () => {
    const file = sampleRecords(5, 2);
    await mount(<BackupSettings />);
    await choose('backup.json', backupText(file, { settings: { showThumbnails: false } }));
    await until(() => !!host.querySelector('.backup-preview'));
    expect(changes().Resources).toEqual(['5', '0', '0']);
    expect(host.querySelector('.backup-preview')!.textContent).toContain('The file includes 1 setting');
    expect(Object.values(await readAll()).flat()).toEqual([]);
    await act(async () => {
      button('Merge into library').click();
    });
    await until(() => !!host.querySelector('.backup-result'));
    expect(sorted(await readAll())).toEqual(sorted(file));
  });

  it('the preview is a dry run of the merge: new, updated and unchanged per kind', async () => {
    const here = sampleRecords(4, 3);
    await seed(here);
    const newer = { ...here.resources[0]!, title: 'Edited in the file', updatedAt: here.resources[0]!.updatedAt + 1 };
    const extra = sampleRecords(6, 3).resources.slice(4);
    const file = { ...here, resources: [newer, ...here.resources.slice(1), ...extra] };
    await mount(<BackupSettings />);
    await choose('backup.json', backupText(file));
    await until(() => !!host.querySelector('.backup-preview'));
    expect(changes().Resources).toEqual(['2', '1', '3']);
    await act(async () => {
      host.querySelector<HTMLInputElement>('input[value=replace]')!.click();
    });
    // A replace deletes what is here and writes the file's.
    expect(changes().Resources).toEqual(['4', '6']);
    expect(sorted(await readAll())).toEqual(sorted(here));
  });

  it('has the Export button and the Import file input, and says when the last backup was', async () => {
    await lastExportAt.setValue(Date.UTC(2025, 0, 15, 9, 30));
    await mount(<BackupSettings />);
    await until(() => host.textContent!.includes('Last backup: 15 January 2025'));
    expect(button('Export')).toBeDefined();
    expect(fileInput().type).toBe('file');
  });

  it('a bookmarks file: added / updated / skipped with reasons; page text is shown as text', async () => {
    await mount(<BackupSettings />);
    await choose('bookmarks.html', fixture('bookmarks-chrome.html'));
    // Asked first, into an empty library too: what it would change, nothing written yet.
    await until(() => !!host.querySelector('.backup-preview'));
    expect(changes()).toEqual({ Links: ['8', '0', '0', '6'] });
    expect(host.querySelector('.backup-preview')!.textContent).toContain('bookmarks.html is a bookmarks file.');
    expect((await readAll()).resources).toEqual([]);
    await act(async () => {
      button('Import these links').click();
    });
    await until(() => !!host.querySelector('.backup-result'));
    expect(counts()).toEqual({ Added: '8', Updated: '0', Skipped: '6' });
    expect(host.querySelector('.backup-reasons')!.textContent).toContain('Bookmarklet (a javascript: address)');
    const table = host.querySelector('.backup-skipped table')!;
    expect(table.textContent).toContain('Bookmark 4');
    expect(table.textContent).toContain('data:text/html,<script>alert(1)</script>');
    // Rendered as text, never as markup.
    expect(host.querySelector('script, img')).toBeNull();
  });

  it('a bad file: a clear error, nothing written', async () => {
    await seed(sampleRecords(3));
    const before = sorted(await readAll());
    await mount(<BackupSettings />);
    await choose('backup.json', backupText(sampleRecords(2), { version: 99 }));
    await until(() => !!host.querySelector('[role=alert]'));
    expect(host.querySelector('[role=alert]')!.textContent).toMatch(/newer version of Learning Loop/);
    expect(sorted(await readAll())).toEqual(before);
  });

  it('our backup into a library with data asks merge or replace; replace asks once more', async () => {
    await saveResource({
      url: 'https://only.here/',
      canonicalUrl: 'https://only.here/',
      kind: 'page',
      title: 'Only here',
    });
    const file = sampleRecords(4, 3);
    await mount(<BackupSettings />);
    await choose('learning-loop-2025-01-01.json', backupText(file));
    await until(() => !!host.querySelector('.backup-preview'));
    expect(button('Merge into library')).toBeDefined();
    await act(async () => {
      host.querySelector<HTMLInputElement>('input[value=replace]')!.click();
    });
    await act(async () => {
      button('Replace library…').click();
    });
    expect(host.textContent).toContain(
      'This deletes everything in this browser now (resources: 1, reflections: 0, other records: 0)',
    );
    await act(async () => {
      button('Yes, replace everything').click();
    });
    await until(() => !!host.querySelector('.backup-result'));
    expect(sorted(await readAll())).toEqual(sorted(file));
  });

  it('a failed write says so and offers to try again with the same file', async () => {
    await mount(<BackupSettings />);
    // The database exists already (its creation writes too).
    await readAll();
    const original = IDBObjectStore.prototype.put;
    let fail = true;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (fail) throw new DOMException('full', 'QuotaExceededError');
      return original.apply(this, args);
    });
    await choose('links.txt', fixture('urls.txt'));
    await until(() => !!host.querySelector('.backup-preview'));
    await act(async () => {
      button('Import these links').click();
    });
    await until(() => !!host.querySelector('[role=alert]'));
    expect(host.querySelector('[role=alert]')!.textContent).toMatch(
      /^Nothing was imported: your disk is full\. Your library is as it was/,
    );
    expect((await readAll()).resources).toEqual([]);
    fail = false;
    await act(async () => {
      button('Try again').click();
    });
    await until(() => !!host.querySelector('.backup-result'));
    expect(counts().Added).toBe('3');
  });
});

describe('BackupReminder', () => {
  it('renders nothing when no backup is due', async () => {
    await mount(<BackupReminder />);
    // Once the check has decided (before, an empty host proved nothing: it had not looked yet).
    await until(() => !host.querySelector('.backup-reminder-pending'));
    expect(host.innerHTML).toBe('');
  });

  it('when due: says why, links to the backup settings, and "Not now" hides it for a week', async () => {
    await saveResource(
      { url: 'https://a.example/', canonicalUrl: 'https://a.example/', kind: 'page', title: 'A' },
      {},
      Date.now() - 40 * 86_400_000,
    );
    await mount(<BackupReminder />);
    await until(() => !!host.querySelector('.backup-reminder'));
    expect(host.textContent).toContain('You have not exported a backup yet.');
    expect(host.textContent).toContain('would lose everything you saved here');
    expect(host.querySelector('a')!.getAttribute('href')).toMatch(/library\.html#settings$/);
    await act(async () => {
      button('Not now').click();
    });
    expect(host.innerHTML).toBe('');
    await vi.waitFor(async () => expect((await backupReminder.getValue()).dismissedAt).toBeGreaterThan(0));
  });
});

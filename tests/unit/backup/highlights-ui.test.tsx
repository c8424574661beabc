import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupSettings } from '../../../components/settings/BackupSettings';
import { ImportedReviewsField } from '../../../components/settings/ImportedReviewsField';
import * as messaging from '../../../lib/messaging-transport';
import { importedReviewsPerDay } from '../../../lib/settings';
import { readAll } from './helpers';

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
  vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

async function choose(name: string, content: string) {
  const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
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
function changes(): Record<string, string[]> {
  return Object.fromEntries(
    [...host.querySelectorAll('.backup-changes tbody tr')].map((row) => [
      row.querySelector('th')!.textContent,
      [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''),
    ]),
  );
}
function button(name: string): HTMLButtonElement {
  const found = [...host.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

describe('importing highlights from Settings', () => {
  it('a Kindle clippings file: books and quotes new, then Import; the same file again: all unchanged', async () => {
    await importedReviewsPerDay.setValue(5);
    await mount(<BackupSettings />);
    await choose('My Clippings.txt', fixture('kindle-clippings-lf.txt'));
    await until(() => !!host.querySelector('.backup-preview'));
    expect(host.querySelector('.backup-preview')!.textContent).toContain(
      'My Clippings.txt is a Kindle clippings file.',
    );
    expect(changes()).toEqual({ Books: ['2', '0', '0'], Quotes: ['3', '0', '0'] });
    // The setting, as chosen: read after the first render.
    await until(() => host.querySelector('.backup-preview')!.textContent!.includes('at most 5 a day'));
    expect((await readAll()).resources).toEqual([]);
    await act(async () => {
      button('Import these highlights').click();
    });
    await until(() => !!host.querySelector('.backup-result'));
    expect(host.querySelector('.backup-reasons')!.textContent).toContain('A bookmark, not a highlight');
    expect(host.querySelector('.backup-skipped table')!.textContent).toContain('Clipping 10');
    expect((await readAll()).resources.map((r) => r.quotes?.length).sort()).toEqual([1, 2]);

    render(null, host);
    host.remove();
    await mount(<BackupSettings />);
    await choose('My Clippings.txt', fixture('kindle-clippings-crlf-bom.txt'));
    await until(() => !!host.querySelector('.backup-preview'));
    expect(changes()).toEqual({ Books: ['0', '0', '2'], Quotes: ['0', '0', '3'] });
  });

  it('a Readwise CSV is no longer refused for its missing url column', async () => {
    await mount(<BackupSettings />);
    await choose('readwise-export.csv', fixture('readwise.csv'));
    await until(() => !!host.querySelector('.backup-preview, [role=alert]'));
    expect(host.textContent).not.toContain('no “url” column');
    expect(changes()).toEqual({ Books: ['3', '0', '0'], Quotes: ['5', '0', '0'] });
  });

  it('the review setting: new reviews a day from imported highlights', async () => {
    await mount(<ImportedReviewsField />);
    await until(() => host.querySelector('select')?.value === '10');
    const select = host.querySelector('select')!;
    await act(async () => {
      select.value = '30';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => host.querySelector('select')?.value === '30');
    expect(await importedReviewsPerDay.getValue()).toBe(30);
  });
});

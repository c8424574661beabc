import { strToU8, zipSync } from 'fflate';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupSettings } from '../../../components/settings/BackupSettings';
import * as messaging from '../../../lib/messaging-transport';
import { backupText, readAll, sampleRecords } from './helpers';

let host: HTMLElement;

beforeEach(async () => {
  vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(<BackupSettings />, host);
  });
});
afterEach(() => {
  render(null, host);
  host.remove();
});

async function choose(name: string, bytes: Uint8Array) {
  const input = host.querySelector<HTMLInputElement>('input[type=file]')!;
  expect(input.accept).toContain('.zip');
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/zip' });
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
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
const preview = () => host.querySelector('.backup-preview')?.textContent ?? '';
const part = (from: number, rows: number) =>
  `title,url,time_added,tags,status\n${Array.from({ length: rows }, (_, i) => `Saved ${from + i},https://example.org/p/${from + i},1650000000,,unread`).join('\n')}\n`;

describe('choosing a zip in Settings', () => {
  it('Pocket’s zip: one preview naming its parts and what was left out, then its links in the library', async () => {
    await choose(
      'pocket.zip',
      zipSync({
        'part_000000.csv': strToU8(part(0, 6)),
        'part_000001.csv': strToU8(part(6, 4)),
        'read-me.pdf': strToU8('%PDF-1.7'),
      }),
    );
    await until(() => !!host.querySelector('.backup-preview'));
    expect(preview()).toContain('pocket.zip is a Pocket export.');
    expect(preview()).toContain('Read from the zip archive: part_000000.csv, part_000001.csv');
    expect(preview()).toContain('read-me.pdf: not a kind of file Learning Loop imports');
    expect((await readAll()).resources).toEqual([]);
    await act(async () => {
      [...host.querySelectorAll('button')].find((b) => b.textContent === 'Import these links')!.click();
    });
    await until(() => !!host.querySelector('.backup-result'));
    expect((await readAll()).resources.map((resource) => resource.title).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `Saved ${i}`).sort(),
    );
  });

  it('a backup inside a zip: the backup’s preview, with Merge and Replace', async () => {
    await choose('backup.zip', zipSync({ 'learning-loop.json': strToU8(backupText(sampleRecords(2, 1))) }));
    await until(() => !!host.querySelector('.backup-preview'));
    expect(host.querySelector('input[value=merge]')).not.toBeNull();
    expect(host.querySelector('input[value=replace]')).not.toBeNull();
    expect(preview()).toContain('Read from the zip archive: learning-loop.json');
  });

  it('a bomb: the refusal says why, and nothing is written', async () => {
    const bomb = zipSync({ 'part_000000.csv': new Uint8Array(4 * 1024 * 1024).fill(0x41) }, { level: 9 });
    const view = new DataView(bomb.buffer);
    for (let at = 0; at + 4 <= bomb.length; at++) {
      if (view.getUint32(at, true) === 0x04034b50) view.setUint32(at + 22, 100, true);
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 100, true);
    }
    await choose('pocket.zip', bomb);
    await until(() => !!host.querySelector('.notice-error'));
    expect(host.querySelector('.notice-error')!.textContent).toMatch(/unpacks to more than the 100 bytes it declares/);
    expect((await readAll()).resources).toEqual([]);
  });
});

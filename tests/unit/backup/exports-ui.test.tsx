import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BackupSettings } from '../../../components/settings/BackupSettings';
import { localDay } from '../../../lib/infra/time';
import * as messaging from '../../../lib/messaging-transport';
import { sampleRecords, seed } from './helpers';

let host: HTMLElement;
let downloads: { name: string; blob: Blob }[];

beforeEach(async () => {
  vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
  downloads = [];
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:test-${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs[blobs.length - 1]! });
  });
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

function button(name: string): HTMLButtonElement {
  const found = [...host.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

async function until(check: () => boolean) {
  for (let i = 0; i < 300 && !check(); i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
  expect(check()).toBe(true);
}

const status = () => host.querySelector('#exports-quotes-help ~ [role=status], #exports-quotes-help ~ [role=alert]');

describe('Settings: taking the library elsewhere', () => {
  it('Export to Markdown downloads a zip of notes whose frontmatter parses, one per resource', async () => {
    const records = sampleRecords(12, 5);
    await seed(records);
    await act(async () => button('Export to Markdown (Obsidian, Logseq)').click());
    await until(() => downloads.length === 1);
    const [download] = downloads;
    expect(download!.name).toBe(`learning-loop-markdown-${localDay(Date.now())}.zip`);
    const entries = unzipSync(new Uint8Array(await download!.blob.arrayBuffer()));
    const notes = Object.keys(entries).filter((name) => !name.startsWith('Journal/'));
    expect(notes).toHaveLength(records.resources.length);
    const titles = notes.map((name) => {
      const text = strFromU8(entries[name]!);
      const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
      return (parseYaml(frontmatter) as { title: string }).title;
    });
    expect(titles.sort()).toEqual(records.resources.map((r) => r.title).sort());
    await until(() => /^Saved learning-loop-markdown-.*\.zip \(files: \d+\)\.$/.test(status()?.textContent ?? ''));
  });

  it('Quotes as CSV downloads every quote in Readwise’s columns', async () => {
    const records = sampleRecords(6, 2);
    records.resources[0] = {
      ...records.resources[0]!,
      quotes: [
        {
          id: 'q',
          exact: 'A passage, "quoted"',
          note: 'mine',
          createdAt: Date.UTC(2025, 0, 2),
          location: { page: '9' },
        },
      ],
    };
    await seed(records);
    const count = records.resources.reduce((sum, r) => sum + (r.quotes?.length ?? 0), 0);
    await act(async () => button('Quotes as CSV (Readwise format)').click());
    await until(() => downloads.length === 1);
    expect(downloads[0]!.name).toBe(`learning-loop-quotes-${localDay(Date.now())}.csv`);
    const parsed = Papa.parse<Record<string, string>>(await downloads[0]!.blob.text(), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.meta.fields?.[0]).toBe('Highlight');
    expect(parsed.data).toHaveLength(count);
    expect(parsed.data).toContainEqual(
      expect.objectContaining({
        Highlight: 'A passage, "quoted"',
        Note: 'mine',
        'Location Type': 'page',
        Location: '9',
      }),
    );
    await until(
      () => status()?.textContent === `Saved learning-loop-quotes-${localDay(Date.now())}.csv (quotes: ${count}).`,
    );
  });
});

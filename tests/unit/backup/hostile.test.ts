import { beforeEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../../lib/backup/errors';
import { MAX_IMPORT_BYTES } from '../../../lib/backup/format';
import { importText, readImportFile } from '../../../lib/backup/import';
import { saveResource } from '../../../lib/db/resources';
import { LIMITS } from '../../../lib/infra/limits';
import { language } from '../../../lib/settings';
import { backupText, readAll, sampleRecords, seed, sorted } from './helpers';

const good = () => sampleRecords(3);

/** A file of our format with one thing changed. */
function withResource(index: number, patch: Record<string, unknown>, drop: string[] = []): string {
  const records = good();
  const record: Record<string, unknown> = { ...records.resources[index]!, ...patch };
  for (const key of drop) delete record[key];
  (records.resources as unknown[])[index] = record;
  return backupText(records);
}

async function rejects(text: string, code: ImportError['code'], message: RegExp): Promise<ImportError> {
  const before = sorted(await readAll());
  const error = await importText(text, 'backup.json').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).code).toBe(code);
  expect((error as ImportError).message).toMatch(message);
  expect((error as ImportError).message).toMatch(/Nothing was imported\.$/);
  // Nothing changed.
  expect(sorted(await readAll())).toEqual(before);
  return error as ImportError;
}

beforeEach(async () => {
  await seed(sampleRecords(4, 42));
});

describe('a bad file of our format: a clear error and nothing written', () => {
  it('not JSON (cut short)', async () => {
    const text = backupText(good());
    await rejects(text.slice(0, text.length / 2), 'not-json', /not valid JSON/);
  });

  it('JSON that is not an object', async () => {
    await rejects('[1, 2, 3]', 'wrong-format', /not a Learning Loop backup/);
    await rejects('"learning-loop"', 'wrong-format', /not a Learning Loop backup/);
    await rejects('null', 'wrong-format', /not a Learning Loop backup/);
  });

  it('wrong format', async () => {
    await rejects(JSON.stringify({ format: 'pocket', version: 1 }), 'wrong-format', /“format” is not “learning-loop”/);
  });

  it('a future version', async () => {
    await rejects(
      backupText(good(), { version: 6 }),
      'future-version',
      /newer version of Learning Loop \(file version 6; this version reads up to 5\)\. Update/,
    );
  });

  it('no usable version', async () => {
    await rejects(backupText(good(), { version: '1' }), 'bad-version', /no valid version/);
    await rejects(backupText(good(), { version: 0.5 }), 'bad-version', /no valid version/);
  });

  it('a store missing from the file', async () => {
    const text = JSON.stringify({ ...JSON.parse(backupText(good())), reflections: undefined });
    await rejects(text, 'bad-structure', /field “reflections” is missing/);
  });

  it('a missing field names the record and the field', async () => {
    const error = await rejects(
      withResource(1, {}, ['url']),
      'invalid-record',
      /^Resource 2 \(id “res-1”\): the field “url” is missing\./,
    );
    expect(error.place).toEqual({ store: 'resources', index: 1, id: 'res-1', field: 'url' });
  });

  it('wrong types', async () => {
    await rejects(
      withResource(0, { createdAt: 'yesterday' }),
      'invalid-record',
      /Resource 1 \(id “res-0”\): the field “createdAt” should be a number/,
    );
    await rejects(withResource(0, { tags: 'a,b' }), 'invalid-record', /the field “tags” should be a list/);
    await rejects(
      withResource(0, { status: 'done' }),
      'invalid-record',
      /the field “status” should be one of: "queued", "learning", "learned"/,
    );
    await rejects(
      withResource(0, { clips: [{ id: 'c', atSec: -1, note: 'x', createdAt: Date.UTC(2025, 0, 1) }] }),
      'invalid-record',
      /the field “clips.0.atSec” should be at least 0/,
    );
    const records = good();
    (records.assessments[0]!.scores as Record<string, unknown>)['felt-need'] = 9;
    await rejects(
      backupText(records),
      'invalid-record',
      /^Monthly check 1 \(id “as-1”\): the field “scores.felt-need” should be at most 5/,
    );
    await rejects(
      backupText({ ...good(), reflections: [42 as never] }),
      'invalid-record',
      /^Reflection 1 should be a group of fields/,
    );
  });

  it('a field the app does not know is refused, not dropped silently', async () => {
    await rejects(
      withResource(2, { password: 'hunter2' }),
      'invalid-record',
      /the field “password” is not a field Learning Loop knows/,
    );
  });

  it('user text longer than the app allows', async () => {
    await rejects(
      withResource(0, { notes: 'x'.repeat(LIMITS.notes + 1) }),
      'invalid-record',
      /the field “notes” is too long \(at most 100,000 characters\)/,
    );
  });

  it.each([
    ['url', 'javascript:alert(document.cookie)'],
    ['url', 'data:text/html,<script>alert(1)</script>'],
    ['canonicalUrl', 'file:///etc/passwd'],
    ['thumbnailUrl', 'javascript:alert(1)'],
    ['iconUrl', 'data:image/svg+xml,<svg onload=alert(1)>'],
  ])('a %s of %s', async (field, url) => {
    await rejects(
      withResource(0, { [field]: url }),
      'invalid-record',
      new RegExp(`the field “${field}” must be a web address starting with http:// or https://`),
    );
  });

  it('duplicated ids', async () => {
    const records = good();
    records.reflections.push({ ...records.reflections[0]!, answer: 'twin' });
    await rejects(
      backupText(records),
      'duplicate-id',
      /^Reflection 3 \(id “ref-0”\) has the same id as Reflection 1\./,
    );
  });

  it('the same page twice', async () => {
    const records = good();
    records.resources.push({ ...records.resources[1]!, id: 'another' });
    await rejects(
      backupText(records),
      'duplicate-url',
      /^Resource 4 \(id “another”\) has the same address \(https:\/\/blog\.example\.org\/posts\/1\) as Resource 2\./,
    );
  });

  it('a bad setting', async () => {
    await rejects(
      backupText(good(), { settings: { language: 'de' } }),
      'invalid-settings',
      /The setting “language” should be one of: "auto", "en", "sv"/,
    );
    await rejects(
      backupText(good(), { settings: { webhook: { url: 'javascript:alert(1)', service: 'slack' } } }),
      'invalid-settings',
      /“webhook.url” must be a web address/,
    );
  });

  it('a file over the size limit is refused before it is read', async () => {
    let read = false;
    const huge = {
      size: MAX_IMPORT_BYTES + 1,
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    } as unknown as Blob;
    const error = await readImportFile(huge).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe(
      'This file is 201 MB; Learning Loop imports files of at most 200 MB. Nothing was imported.',
    );
    expect(read).toBe(false);
  });

  it('an empty file', async () => {
    await expect(readImportFile(new Blob([]))).rejects.toMatchObject({ code: 'empty' });
    await rejects('  \n', 'empty', /The file is empty/);
  });
});

describe('__proto__ keys', () => {
  it.each([
    ['at the top', '{"format":"learning-loop","version":2,"__proto__":{"polluted":"yes"},', '__proto__'],
    ['in a record', null, 'resources.0.__proto__'],
    ['in assessment scores', null, 'assessments.0.scores.__proto__'],
    ['in the settings', null, 'settings.__proto__'],
  ])('%s: refused, and nothing is polluted', async (_where, _prefix, path) => {
    const file = JSON.parse(backupText(good(), { settings: { language: 'en' } })) as Record<string, unknown>;
    let text: string;
    if (path === '__proto__') text = JSON.stringify(file).replace('{"format":"learning-loop","version":5,', _prefix!);
    else {
      const json = JSON.stringify(file);
      const marker = path.startsWith('resources')
        ? '{"id":"res-0",'
        : path.startsWith('assessments')
          ? '"scores":{'
          : '"settings":{';
      text = json.replace(marker, `${marker}"__proto__":{"polluted":"yes","isAdmin":true},`);
    }
    const error = await rejects(text, 'forbidden-key', /field named “__proto__”/);
    expect(error.place.field).toBe(path);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('settings with keys the app does not know are ignored, and known ones applied', async () => {
    await importText(
      backupText(good(), { settings: { language: 'sv', constructor: { prototype: { x: 1 } }, somethingNew: 1 } }),
      'b.json',
    );
    expect(await language.getValue()).toBe('sv');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('page content: capped, kept as text', () => {
  const hostile = {
    title: '<img src=x onerror=alert(1)><script>alert("t")</script> مرحبا 👋🏽',
    description: `<script>alert(1)</script>${'ä'.repeat(1_000_000)}`,
  };

  it('through saveResource: a 1 MB description is capped, HTML stays literal text, a missing title falls back to the address', async () => {
    const { resource } = await saveResource({
      url: 'https://x.example/a',
      canonicalUrl: 'https://x.example/a',
      kind: 'page',
      ...hostile,
    });
    expect(resource.title).toBe(hostile.title);
    expect(resource.description!.length).toBeLessThanOrEqual(LIMITS.description);
    expect(resource.description!.startsWith('<script>alert(1)</script>ää')).toBe(true);
    const untitled = await saveResource({
      url: 'https://x.example/b',
      canonicalUrl: 'https://x.example/b',
      kind: 'page',
      title: '',
    });
    expect(untitled.resource.title).toBe('https://x.example/b');
  });

  it('through an import of our format: the same caps', async () => {
    const records = good();
    records.resources[0] = {
      ...records.resources[0]!,
      id: 'hostile',
      url: 'https://h.example/',
      canonicalUrl: 'https://h.example/',
      title: `${hostile.title}${'t'.repeat(5000)}`,
      description: hostile.description,
    };
    await importText(backupText(records), 'b.json');
    const stored = (await readAll()).resources.find((r) => r.id === 'hostile')!;
    expect(stored.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(stored.title.startsWith(hostile.title)).toBe(true);
    expect(stored.description!.length).toBeLessThanOrEqual(LIMITS.description);
  });

  it('through a bookmarks import: a missing title becomes the address, a huge one is capped', async () => {
    const html = `<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p>
      <DT><A HREF="https://x.example/long">${'Å'.repeat(3000)}</A>
      <DT><A HREF="https://x.example/none/"></A>
      <DT><A HREF="https://x.example/rtl">&lt;b&gt;שלום&lt;/b&gt; 🎉</A>
      <DD>${'d'.repeat(1_000_000)}
    </DL>`;
    await importText(html, 'bookmarks.html');
    const byUrl = new Map((await readAll()).resources.map((r) => [r.url, r]));
    expect(byUrl.get('https://x.example/long')!.title.length).toBeLessThanOrEqual(LIMITS.title);
    expect(byUrl.get('https://x.example/none/')!.title).toBe('x.example/none');
    expect(byUrl.get('https://x.example/rtl')).toMatchObject({ title: '<b>שלום</b> 🎉' });
    expect(byUrl.get('https://x.example/rtl')!.description!.length).toBeLessThanOrEqual(LIMITS.description);
  });
});

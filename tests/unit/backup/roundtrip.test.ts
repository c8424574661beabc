import { describe, expect, it, vi } from 'vitest';
import { takeawaysFromText } from '../../../lib/model/takeaway-text';
import type { Change } from '../../../lib/messaging';

// Record times must lie between 1990 and a few years ahead (lib/infra/time.ts).
const T = Date.UTC(2025, 0, 1);
import { exportEverything } from '../../../lib/app/backup';
import { buildBackup, serializeBackup } from '../../../lib/backup/export';
import { importText, prepareImport, runImport, writeBackup } from '../../../lib/backup/import';
import { describeImportWriteError } from '../../../lib/i18n/write-errors';
import { getDb } from '../../../lib/db/open';
import { saveResource } from '../../../lib/db/resources';
import { language, lastExportAt, promptSchedule, showThumbnails, webhook } from '../../../lib/settings';
import { backupText, readAll, sampleRecords, seed, sorted, wipe } from './helpers';

describe('export → wipe → import', () => {
  it('gives back exactly the same records in every store', async () => {
    const records = sampleRecords(60);
    await seed(records);
    const text = serializeBackup(await buildBackup({ now: Date.UTC(2025, 2, 14) }));
    await wipe();
    expect((await readAll()).resources).toEqual([]);

    const result = await importText(text, 'learning-loop-2025-03-14.json');
    // Resources, reflections, prompts, actions, assessments and a review card per takeaway and clip.
    const cards = records.reviews.length;
    expect(cards).toBeGreaterThan(60);
    expect(result).toMatchObject({
      source: 'learning-loop',
      added: 60 + 30 + 2 + 15 + 2 + cards,
      updated: 0,
      skipped: 0,
    });
    expect(sorted(await readAll())).toEqual(sorted(records));
  });

  it('a file of export version 1 still imports: its timestamp notes become clips, every one', async () => {
    const records = sampleRecords(4, 3);
    const old = records.resources.map(({ clips, takeaways, ...resource }) => ({
      ...resource,
      timestampNotes: clips.map((clip) => ({ atSec: clip.atSec, text: clip.note })),
      takeaways: takeaways.map((item) => item.text).join('\n'),
    }));
    const { reviews: _cards, ...v1 } = JSON.parse(backupText(records)) as Record<string, unknown>;
    await importText(JSON.stringify({ ...v1, version: 1, resources: old }), 'old.json');
    const stored = (await readAll()).resources.sort((a, b) => a.id.localeCompare(b.id));
    const wanted = records.resources.sort((a, b) => a.id.localeCompare(b.id));
    expect(stored.map((r) => r.clips.map((c) => [c.atSec, c.note, c.createdAt]))).toEqual(
      wanted.map((r) => r.clips.map((c) => [c.atSec, c.note, r.createdAt])),
    );
    // The same old moment gets the same id as the database upgrade gives it: no doubles later.
    expect(stored[0]!.clips[0]!.id).toMatch(/^t\d+-[0-9a-z]+$/);
    // And a version-1 file with today's field is refused, naming it.
    await expect(
      importText(
        JSON.stringify({
          ...v1,
          version: 1,
          resources: old.map(({ timestampNotes: _notes, ...r }, i) => ({ ...r, clips: records.resources[i]!.clips })),
        }),
        'mixed.json',
      ),
    ).rejects.toThrow(/timestampNotes|clips/);
  });

  it('writes a file whose JSON is the backup itself, one record a line', async () => {
    await seed(sampleRecords(5));
    const file = await buildBackup({ now: 0 });
    const text = serializeBackup(file);
    expect(JSON.parse(text)).toEqual(file);
    expect(file).toMatchObject({ format: 'learning-loop', version: 5, exportedAt: '1970-01-01T00:00:00.000Z' });
    expect(text.split('\n').filter((line) => line.startsWith('{"id":"res-') && line.includes('"kind"'))).toHaveLength(
      5,
    );
  });

  it('restores the settings, and leaves the webhook secret out unless asked', async () => {
    await language.setValue('sv');
    await showThumbnails.setValue(false);
    await promptSchedule.setValue({ ...(await promptSchedule.getValue()), days: [1, 3], timeOfDay: 9 * 60 });
    await webhook.setValue({ url: 'https://hooks.slack.com/services/T000/B000/XXXX', service: 'slack' });

    const plain = await buildBackup();
    expect(plain.settings).toMatchObject({ language: 'sv', showThumbnails: false });
    expect(plain.settings).not.toHaveProperty('webhook');
    expect(serializeBackup(plain)).not.toContain('hooks.slack.com');
    const withSecret = await buildBackup({ includeWebhook: true });
    expect(withSecret.settings.webhook).toEqual({
      url: 'https://hooks.slack.com/services/T000/B000/XXXX',
      service: 'slack',
    });

    // A new machine: nothing set yet; replace restores every setting.
    await language.removeValue();
    await showThumbnails.removeValue();
    await promptSchedule.removeValue();
    await webhook.removeValue();
    const result = await importText(serializeBackup(withSecret), 'b.json', { mode: 'replace' });
    expect(result.settings.sort()).toEqual([
      'assessmentReminder',
      'clipSegmentSeconds',
      'disabledBuiltInPrompts',
      'importedReviewsPerDay',
      'language',
      'pauseWhileTyping',
      'promptSchedule',
      'reviewsPerPrompt',
      'showThumbnails',
      'teamNewsSeen',
      'webhook',
    ]);
    expect(await language.getValue()).toBe('sv');
    expect(await showThumbnails.getValue()).toBe(false);
    expect((await promptSchedule.getValue()).days).toEqual([1, 3]);
    expect((await webhook.getValue())?.url).toBe('https://hooks.slack.com/services/T000/B000/XXXX');
  });

  it('a merge keeps the settings chosen here and only fills those never set', async () => {
    await language.setValue('en');
    const text = backupText(sampleRecords(1), { settings: { language: 'sv', showThumbnails: false } });
    const result = await importText(text, 'b.json');
    expect(result.settings).toEqual(['showThumbnails']);
    expect(await language.getValue()).toBe('en');
    expect(await showThumbnails.getValue()).toBe(false);
  });

  it('Export downloads a file through a temporary link and records when', async () => {
    await seed(sampleRecords(3));
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: { download: string; href: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href, inDocument: document.body.contains(this) });
    });

    const now = Date.UTC(2025, 4, 2, 12);
    const expected = serializeBackup(await buildBackup({ now }));
    const result = await exportEverything({ now });
    expect(result).toMatchObject({ fileName: 'learning-loop-2025-05-02.json', records: 3 + 2 + 2 + 1 + 2 + 5 });
    expect(clicks).toEqual([{ download: 'learning-loop-2025-05-02.json', href: 'blob:test', inDocument: true }]);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    // The download is handed the text in pieces: end to end they are the file, byte for byte.
    expect(await created[0]!.text()).toBe(expected);
    expect(JSON.parse(await created[0]!.text()).resources).toHaveLength(3);
    expect(await lastExportAt.getValue()).toBe(now);
  });
});

describe('merge', () => {
  it('keeps the newer updatedAt in every store', async () => {
    const here = sampleRecords(4);
    await seed(here);
    const file = sampleRecords(4);
    file.resources[0] = { ...file.resources[0]!, title: 'Newer title', updatedAt: file.resources[0]!.updatedAt + 10 };
    file.resources[1] = { ...file.resources[1]!, title: 'Older title', updatedAt: file.resources[1]!.updatedAt - 10 };
    file.reflections[0] = {
      ...file.reflections[0]!,
      answer: 'Newer answer',
      updatedAt: file.reflections[0]!.updatedAt + 10,
    };
    file.reflections[1] = {
      ...file.reflections[1]!,
      answer: 'Older answer',
      updatedAt: file.reflections[1]!.updatedAt - 10,
    };
    file.prompts[0] = { ...file.prompts[0]!, enabled: false, updatedAt: file.prompts[0]!.updatedAt + 10 };
    file.actions[0] = { ...file.actions[0]!, status: 'dropped', updatedAt: file.actions[0]!.updatedAt + 10 };
    file.assessments[0] = { ...file.assessments[0]!, note: 'old', updatedAt: file.assessments[0]!.updatedAt - 10 };
    file.actions.push({
      id: 'act-new',
      text: 'New one',
      source: { kind: 'none' },
      status: 'open',
      createdAt: T + 1,
      updatedAt: T + 1,
    });

    const result = await importText(backupText(file), 'b.json');
    const after = await readAll();
    const byId = <T extends { id: string }>(list: T[], id: string) => list.find((r) => r.id === id)!;
    expect(byId(after.resources, 'res-0').title).toBe('Newer title');
    expect(byId(after.resources, 'res-1').title).toBe(here.resources[1]!.title);
    // The newer copy wins, but an answer written in both is never replaced: both are kept.
    expect(byId(after.reflections, 'ref-0').answer).toBe(`Newer answer\n\n${here.reflections[0]!.answer}`);
    expect(byId(after.reflections, 'ref-1').answer).toBe(`${here.reflections[1]!.answer}\n\nOlder answer`);
    expect(byId(after.prompts, 'custom-1').enabled).toBe(false);
    expect(byId(after.actions, 'act-0').status).toBe('dropped');
    expect(byId(after.assessments, 'as-1').note).toBeUndefined();
    expect(byId(after.actions, 'act-new').text).toBe('New one');
    expect(result).toMatchObject({ added: 1, updated: 5 });
    expect(result.reasons).toEqual(expect.arrayContaining([{ reason: 'newer-here', count: 2 }]));
  });

  it('never drops notes: the older copy’s notes, takeaways and timestamp notes are kept', async () => {
    const [mine] = sampleRecords(1).resources;
    await seed({
      ...sampleRecords(0),
      resources: [
        {
          ...mine!,
          notes: 'Written on this laptop',
          takeaways: takeawaysFromText('A', T),
          clips: [{ id: 'here', atSec: 5, note: 'here', createdAt: T }],
          updatedAt: T + 100,
        },
      ],
    });
    const theirs = {
      ...mine!,
      notes: 'Written on the old machine',
      takeaways: takeawaysFromText('B', T),
      clips: [{ id: 'there', atSec: 9, note: 'there', createdAt: T }],
      title: 'Fresh',
      updatedAt: T + 200,
    };
    await importText(backupText({ ...sampleRecords(0), resources: [theirs] }), 'b.json');
    const [merged] = (await readAll()).resources;
    expect(merged).toMatchObject({
      title: 'Fresh',
      notes: 'Written on the old machine\n\nWritten on this laptop',
      takeaways: [...takeawaysFromText('B', T), ...takeawaysFromText('A', T)],
      updatedAt: T + 200,
    });
    expect(merged!.clips.map((c) => c.note)).toEqual(['here', 'there']);
  });

  it('merges a page saved on two machines (same canonical URL, other id) into one record, and points reflections and actions at it', async () => {
    const { resource: here } = await saveResource(
      {
        url: 'https://blog.example.org/a?utm_source=x',
        canonicalUrl: 'https://blog.example.org/a',
        kind: 'article',
        title: 'A',
      },
      { notes: 'my note', tags: ['mine'] },
      T + 1000,
    );
    const file = sampleRecords(0);
    file.resources.push({
      ...here,
      id: 'other-machine',
      notes: 'their note',
      tags: ['theirs'],
      sharedAt: T + 1500,
      sharedHow: 'chat',
      updatedAt: T + 2000,
    });
    file.reflections.push({
      id: 'r1',
      promptId: 'p',
      promptText: 'Q',
      answer: 'A',
      resourceId: 'other-machine',
      createdAt: T + 1,
      updatedAt: T + 1,
    });
    file.actions.push({
      id: 'a1',
      text: 'Do it',
      source: { kind: 'resource', id: 'other-machine' },
      status: 'open',
      createdAt: T + 1,
      updatedAt: T + 1,
    });

    const result = await importText(backupText(file), 'b.json');
    const after = await readAll();
    expect(after.resources).toHaveLength(1);
    expect(after.resources[0]).toMatchObject({
      id: here.id,
      notes: 'their note\n\nmy note',
      tags: ['theirs', 'mine'],
      sharedAt: T + 1500,
      createdAt: T + 1000,
      updatedAt: T + 2000,
    });
    expect(after.reflections[0]!.resourceId).toBe(here.id);
    expect(after.actions[0]!.source.id).toBe(here.id);
    expect(result.counts!.resources).toMatchObject({ added: 0, updated: 1 });
  });

  it('a record whose address moved onto another saved record keeps its own address (the unique index holds)', async () => {
    const [a, b] = sampleRecords(2).resources;
    await seed({ ...sampleRecords(0), resources: [a!, b!] });
    const moved = { ...a!, url: b!.url, canonicalUrl: b!.canonicalUrl, title: 'Moved', updatedAt: a!.updatedAt + 100 };
    const result = await importText(backupText({ ...sampleRecords(0), resources: [moved] }), 'b.json');
    const after = (await readAll()).resources;
    expect(after).toHaveLength(2);
    expect(after.find((r) => r.id === a!.id)).toMatchObject({ title: 'Moved', canonicalUrl: a!.canonicalUrl });
    expect(after.find((r) => r.id === b!.id)).toEqual(b);
    expect(result.updated).toBe(1);
  });

  it('importing the same file twice changes nothing the second time', async () => {
    await seed(sampleRecords(3, 7));
    const text = backupText(sampleRecords(10));
    await importText(text, 'b.json');
    const once = sorted(await readAll());
    const again = await importText(text, 'b.json');
    expect(again).toMatchObject({ added: 0, updated: 0 });
    expect(again.skipped).toBe(10 + 5 + 2 + 3 + 2 + sampleRecords(10).reviews.length);
    expect(sorted(await readAll())).toEqual(once);
  });

  it('replace empties every store first', async () => {
    await seed(sampleRecords(20, 3));
    await saveResource({
      url: 'https://only.here/',
      canonicalUrl: 'https://only.here/',
      kind: 'page',
      title: 'Only here',
    });
    const file = sampleRecords(2, 9);
    await importText(backupText(file), 'b.json', { mode: 'replace' });
    expect(sorted(await readAll())).toEqual(sorted(file));
  });
});

describe('one transaction: all or nothing', () => {
  it('uses a single readwrite transaction over all stores', async () => {
    const prepared = prepareImport(backupText(sampleRecords(30)), 'b.json');
    const db = await getDb();
    // The browser's own call: what the import asks for, plus the log of resource writes (write-log.ts).
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction');
    await runImport(prepared, { db });
    const writes = spy.mock.calls.filter((call) => call[1] === 'readwrite');
    expect(writes).toHaveLength(1);
    expect([...(writes[0]![0] as string[])].sort()).toEqual([
      'actions',
      'assessments',
      'meta',
      'prompts',
      'reflections',
      'resources',
      'reviews',
    ]);
  });

  it('a full disk half-way writes nothing, keeps what was there and says so clearly', async () => {
    const here = sampleRecords(5, 2);
    await seed(here);
    const before = sorted(await readAll());
    const original = IDBObjectStore.prototype.put;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (++calls === 25) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    });
    const error = await importText(backupText(sampleRecords(40, 5)), 'b.json', { mode: 'replace' }).catch(
      (e: unknown) => e,
    );
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(DOMException);
    expect(describeImportWriteError(error)).toMatch(/^your disk is full\. Your library is as it was/);
    expect(sorted(await readAll())).toEqual(before);
  });

  it('a request failing at the very end (a unique index) rolls back everything before it', async () => {
    await seed(sampleRecords(5, 2));
    const before = sorted(await readAll());
    const records = sampleRecords(1200, 4);
    records.resources.push({ ...records.resources[0]!, id: 'clash' });
    const error = await writeBackup({ version: 1, exportedAt: '', records, settings: {} }, { mode: 'replace' }).catch(
      (e: unknown) => e,
    );
    expect((error as DOMException).name).toBe('ConstraintError');
    expect(sorted(await readAll())).toEqual(before);
  });

  it('a transaction cut short (the worker stopped) leaves the old records, never half of the new', async () => {
    await seed(sampleRecords(5, 2));
    const before = sorted(await readAll());
    const db = await getDb();
    const tx = db.transaction(['resources', 'reflections'], 'readwrite');
    const requests: Promise<unknown>[] = [tx.objectStore('resources').clear()];
    for (const r of sampleRecords(30, 8).resources) requests.push(tx.objectStore('resources').put(r));
    tx.abort();
    await Promise.allSettled([...requests, tx.done]);
    expect(sorted(await readAll())).toEqual(before);
  });
});

describe('after an import', () => {
  it('the background hears which stores and settings changed (alarms, monthly check, language)', async () => {
    const messaging = await import('../../../lib/messaging-transport');
    const sent: unknown[] = [];
    vi.spyOn(messaging, 'sendMessage').mockImplementation(((type: string, data: unknown) => {
      sent.push({ type, data });
      return Promise.resolve(undefined);
    }) as typeof messaging.sendMessage);
    const { importBackup } = await import('../../../lib/app/backup');
    const { prepareImportAsync } = await import('../../../lib/backup/import');
    const text = backupText(sampleRecords(4), {
      settings: { language: 'sv', promptSchedule: await promptSchedule.getValue() },
    });
    await importBackup(await prepareImportAsync(text, 'b.json'), { mode: 'replace' });
    expect(sent).toHaveLength(1);
    const { type, data } = sent[0] as { type: string; data: Change };
    expect(type).toBe('changed');
    expect([...data.stores].sort()).toEqual([
      'actions',
      'assessments',
      'prompts',
      'reflections',
      'resources',
      'reviews',
    ]);
    expect(data.items).toEqual(expect.arrayContaining(['language', 'promptSchedule']));
  });
});

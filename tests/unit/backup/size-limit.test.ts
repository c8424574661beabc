import { describe, expect, it } from 'vitest';
import { serializeBackup } from '../../../lib/backup/export';
import { BACKUP_FORMAT, BACKUP_VERSION, MAX_IMPORT_BYTES, type BackupRecords } from '../../../lib/backup/format';
import { LIMITS } from '../../../lib/infra/limits';
import { random, sampleRecords } from './helpers';

/**
 * Realistic sizes: og:descriptions are a sentence or two (~250 characters), a third of the
 * resources carry notes, a quarter of the items are reflections. (Every field at its cap would be
 * ~170 KB a resource; nobody's library looks like that, and the limit is stated in the UI.)
 */
function realistic(items: number): BackupRecords {
  const rnd = random(11);
  const words =
    'learning team retro customer shadowing workshop feedback transfer action follow-up vision dialogue systems'.split(
      ' ',
    );
  const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]).join(' ');
  const base = sampleRecords(1).resources[0]!;
  const resources = Array.from({ length: Math.round(items * 0.75) }, (_, i) => ({
    ...base,
    id: crypto.randomUUID(),
    url: `https://www.example-publication.com/2024/${i}/${sentence(6).replace(/ /g, '-')}?utm_source=newsletter`,
    canonicalUrl: `https://www.example-publication.com/2024/${i}/${sentence(6).replace(/ /g, '-')}`,
    title: sentence(10).slice(0, LIMITS.title),
    description: sentence(35),
    notes: i % 3 === 0 ? sentence(30) : '',
    thumbnailUrl: `https://cdn.example-publication.com/images/${i}/hero-1200x630.jpg`,
    iconUrl: 'https://www.example-publication.com/favicon-32x32.png',
  }));
  const reflections = Array.from({ length: items - resources.length }, (_, i) => ({
    ...sampleRecords(2).reflections[0]!,
    id: crypto.randomUUID(),
    answer: sentence(40),
    createdAt: i,
    updatedAt: i,
  }));
  return { resources, reflections, prompts: [], actions: [], assessments: [], reviews: [] };
}

describe('the import size limit', () => {
  it('a realistic 100,000-item export fits under it with room to spare', () => {
    const text = serializeBackup({
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date(0).toISOString(),
      ...realistic(10_000),
      settings: {},
    });
    const bytesFor100k = new TextEncoder().encode(text).length * 10;
    console.info(
      `realistic export: ${(bytesFor100k / 10 / 1e6).toFixed(1)} MB for 10,000 items → ${(bytesFor100k / 1e6).toFixed(0)} MB for 100,000; limit ${MAX_IMPORT_BYTES / 2 ** 20} MB`,
    );
    expect(bytesFor100k).toBeLessThan(MAX_IMPORT_BYTES * 0.75);
  });
});

import fc from 'fast-check';
import { takeawaysFromText } from '../../../lib/model/takeaway-text';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FORMULA_START, resourcesToCsv } from '../../../lib/backup/csv-export';
import { parseCsvLinks } from '../../../lib/backup/csv';
import { sampleRecords } from './helpers';

const parse = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('CSV export of resources', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    const [r] = sampleRecords(1).resources;
    const csv = resourcesToCsv([
      {
        ...r!,
        title: '=HYPERLINK("http://evil.example","click")',
        notes: "+1+cmd|' /C calc'!A0",
        takeaways: takeawaysFromText('-2+3', 1),
        tags: ['@SUM(A1)'],
      },
      { ...r!, id: 'b', title: '=1\nsecond line', notes: '\tTabbed', takeaways: takeawaysFromText('plain = fine', 1) },
    ]);
    const [header, first, second] = parse(csv);
    expect(header).toEqual([
      'title',
      'url',
      'kind',
      'status',
      'tags',
      'notes',
      'takeaways',
      'site',
      'author',
      'created',
      'updated',
      'learned',
      'shared',
      'activity type',
      'happened',
      'with whom',
    ]);
    expect(first!.slice(0, 7)).toEqual([
      '\'=HYPERLINK("http://evil.example","click")',
      r!.url,
      r!.kind,
      r!.status,
      "'@SUM(A1)",
      "'+1+cmd|' /C calc'!A0",
      "'-2+3",
    ]);
    expect(second![0]).toBe("'=1\nsecond line");
    expect(second![5]).toBe("'\tTabbed");
    expect(second![6]).toBe('plain = fine');
  });

  it('any text survives, and no cell starts with a formula character', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { minLength: 1, maxLength: 5 }), (texts) => {
        const [base] = sampleRecords(1).resources;
        const rows = parse(
          resourcesToCsv(texts.map((text, i) => ({ ...base!, id: String(i), title: text, notes: text }))),
        );
        rows.slice(1).forEach((row, i) => {
          const expected = FORMULA_START.test(texts[i]!) ? `'${texts[i]}` : texts[i];
          expect(row[0]).toBe(expected);
          expect(row[0]).not.toMatch(FORMULA_START);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('opens again as a CSV import (the url column is found)', () => {
    const csv = resourcesToCsv(sampleRecords(4).resources);
    const { entries } = parseCsvLinks(csv);
    expect(entries.map((e) => e.url)).toEqual(sampleRecords(4).resources.map((r) => r.url));
  });
});

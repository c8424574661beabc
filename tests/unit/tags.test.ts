import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, normaliseTags, parseTagInput } from '../../lib/infra/limits';
import { applyPatch } from '../../lib/model/resource-patch';
import type { Resource } from '../../lib/model/resource';

/** What a person would call "nothing": blank however it is drawn. */
const BLANK = /^[\p{M}\p{Default_Ignorable_Code_Point}\p{White_Space}\u2800]*$/u;

describe('normaliseTags: one tag for one word, none that draws nothing', () => {
  it.each([
    [[' '], []],
    [['\u200B'], []],
    [['\uFEFF'], []],
    [['\u0301'], []],
    [['\u2060\u200D\u200C'], []],
    [['\u3164'], []],
    [['\u00A0\u3000\t'], []],
    [['#'], []],
    [['#\u0301'], []],
    [['e\u0301', '\u00E9'], ['\u00E9']],
    [['Caf\u0065\u0301', 'CAFÉ'], ['caf\u00E9']],
    [['  Systems   Thinking '], ['systems thinking']],
    [['lead\u200Bership'], ['leadership']],
    [['\uFEFFretros'], ['retros']],
    [['\u0301retros'], ['retros']],
    [['#ddd', '##ddd', '# ddd'], ['ddd']],
    [['a,b'], ['a b']],
    // The joiners stay where they join: an emoji sequence and a Persian word keep their look.
    [['👩\u200D💻'], ['👩\u200D💻']],
    [['می\u200Cخواهم'], ['می\u200Cخواهم']],
    [[42, null, 'ok'], ['ok']],
  ])('%j → %j', (input, expected) => {
    expect(normaliseTags(input)).toEqual(expected);
  });

  it('typed text goes through the same rule', () => {
    expect(parseTagInput('e\u0301t\u00E9, \u00E9te\u0301, \u200B, \u0301 ,')).toEqual(['\u00E9t\u00E9']);
  });

  it('an edit stores the same tags an import would', () => {
    const resource = { tags: [], updatedAt: 1 } as unknown as Resource;
    expect(applyPatch(resource, { tags: ['\u200B', 'e\u0301', '\u00E9', ' '] }, 2).tags).toEqual(['\u00E9']);
  });

  it('property: idempotent, NFC, none blank, unique, within the caps', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme-composite', maxLength: 8 }),
      fc.constantFrom(
        '\u200B',
        '\uFEFF',
        '\u0301',
        '\u0308',
        ' ',
        '#',
        ',',
        'e',
        'E\u0301',
        '\u00C9',
        '\u200D',
        '\u3164',
      ),
    );
    const tag = fc.oneof(
      fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 80 }),
    );
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 40 }), (tags) => {
        const once = normaliseTags(tags);
        expect(normaliseTags(once)).toEqual(once);
        expect(new Set(once).size).toBe(once.length);
        expect(once.length).toBeLessThanOrEqual(LIMITS.tags);
        for (const out of once) {
          expect(out).toBe(out.normalize('NFC'));
          expect(out).toBe(out.trim());
          expect(out.length).toBeLessThanOrEqual(LIMITS.tag);
          expect(BLANK.test(out)).toBe(false);
          expect(out).not.toMatch(/[\u200B\u2060\uFEFF,]/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

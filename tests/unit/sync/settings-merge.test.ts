import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ChosenSettings,
  chosenInDoc,
  choicesToTake,
  mergeChosen,
  NO_CHOICES,
  type SettingsRules,
} from '../../../lib/sync/settings-merge';

const FALLBACKS = { reviewsPerPrompt: 3, showThumbnails: true, clipSegmentSeconds: 30 };
const NAMES = Object.keys(FALLBACKS) as (keyof typeof FALLBACKS)[];
const rules: SettingsRules = {
  fallbacks: FALLBACKS,
  check: (name, value) => {
    if (name === 'showThumbnails') return typeof value === 'boolean' ? value : undefined;
    if (name === 'reviewsPerPrompt' || name === 'clipSegmentSeconds')
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 600 ? value : undefined;
    return undefined;
  },
};

const T = Date.UTC(2026, 11, 7, 9);
const chosen = (entries: Readonly<Record<string, readonly [unknown, number]>>): ChosenSettings => ({
  values: Object.fromEntries(Object.entries(entries).map(([name, [value]]) => [name, value])),
  chosenAt: Object.fromEntries(Object.entries(entries).map(([name, [, at]]) => [name, at])),
});

describe('merging the settings document setting by setting', () => {
  it.each([
    ['the later choice of a setting wins', { reviewsPerPrompt: [7, T + 5] }, { reviewsPerPrompt: [3, T] }, 7],
    ['whichever side holds it', { reviewsPerPrompt: [3, T] }, { reviewsPerPrompt: [7, T + 5] }, 7],
    ['a setting chosen on one side only is kept', {}, { reviewsPerPrompt: [7, T] }, 7],
    ['choosing the fallback counts as a choice', { reviewsPerPrompt: [7, T] }, { reviewsPerPrompt: [3, T + 1] }, 3],
  ] as const)('%s', (_, a, b, expected) => {
    const merged = mergeChosen(chosen(a), chosen(b));
    expect(merged.values.reviewsPerPrompt).toBe(expected);
    expect(mergeChosen(chosen(b), chosen(a))).toEqual(merged);
  });

  it('each setting is merged on its own: a later choice of one leaves the others as chosen', () => {
    const laptop = chosen({ reviewsPerPrompt: [7, T], showThumbnails: [false, T], clipSegmentSeconds: [45, T] });
    const phone = chosen({ clipSegmentSeconds: [60, T + 60_000] });
    expect(mergeChosen(laptop, phone).values).toEqual({
      reviewsPerPrompt: 7,
      showThumbnails: false,
      clipSegmentSeconds: 60,
    });
  });

  it('two different values chosen at the same millisecond: every device picks the same one', () => {
    const a = chosen({ clipSegmentSeconds: [60, T] });
    const b = chosen({ clipSegmentSeconds: [120, T] });
    expect(mergeChosen(a, b)).toEqual(mergeChosen(b, a));
  });

  it('a device that chose nothing takes everything chosen, and has nothing to give', () => {
    const there = chosen({ reviewsPerPrompt: [7, T], showThumbnails: [false, T] });
    const merged = mergeChosen(NO_CHOICES, there);
    expect(choicesToTake(NO_CHOICES, merged)).toEqual(there);
    expect(merged).toEqual(there);
  });
});

describe('reading a settings document', () => {
  it('this version: each value with its time; unknown names, bad values and bad times are left out', () => {
    const doc = {
      store: 'settings',
      values: { reviewsPerPrompt: 7, showThumbnails: 'no', clipSegmentSeconds: 45, language: 'sv', __proto__x: 1 },
      chosenAt: { reviewsPerPrompt: T, showThumbnails: T, clipSegmentSeconds: -4, language: T },
      updatedAt: T,
    };
    expect(chosenInDoc(doc, rules)).toEqual(chosen({ reviewsPerPrompt: [7, T] }));
  });

  it("the version before (no times): values that differ from the fallbacks, chosen at the document's time", () => {
    const old = {
      store: 'settings',
      values: { reviewsPerPrompt: 7, showThumbnails: true, clipSegmentSeconds: 30 },
      updatedAt: T,
    };
    expect(chosenInDoc(old, rules)).toEqual(chosen({ reviewsPerPrompt: [7, T] }));
  });

  it('a fresh device of the version before (its fallbacks, stamped when it connected) chooses nothing', () => {
    const fresh = { store: 'settings', values: { ...FALLBACKS, language: 'auto' }, updatedAt: T + 86_400_000 };
    expect(chosenInDoc(fresh, rules)).toEqual(NO_CHOICES);
    const here = chosen({ reviewsPerPrompt: [7, T], showThumbnails: [false, T], clipSegmentSeconds: [45, T] });
    expect(mergeChosen(here, chosenInDoc(fresh, rules))).toEqual(here);
  });

  it('whatever a server sends is read without throwing', () => {
    fc.assert(
      fc.property(fc.anything(), (doc) => {
        const read = chosenInDoc(doc, rules);
        expect(Object.keys(read.values).sort()).toEqual(Object.keys(read.chosenAt).sort());
      }),
    );
  });
});

/**
 * A model of the protocol: a server holding one or more conflicting copies of the document, and
 * devices that each hold their settings and the copy they last saw. A pass takes in the server's
 * copies (a conflict merges every leaf), then writes its merge over the copy it saw: when another
 * device wrote meanwhile that is a new conflicting leaf, as CouchDB makes it.
 */
type Step =
  | { kind: 'edit'; device: number; name: (typeof NAMES)[number]; value: number | boolean }
  | { kind: 'pass'; device: number }
  | { kind: 'stale-pass'; device: number };

const step = (devices: number): fc.Arbitrary<Step> =>
  fc.oneof(
    fc.record({
      kind: fc.constant('edit' as const),
      device: fc.nat(devices - 1),
      name: fc.constantFrom(...NAMES),
      value: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.boolean()),
    }),
    fc.record({ kind: fc.constant('pass' as const), device: fc.nat(devices - 1) }),
    fc.record({ kind: fc.constant('stale-pass' as const), device: fc.nat(devices - 1) }),
  );

describe('any interleaving of edits and passes on several devices', () => {
  it('ends, after a pass on each, with every device holding the last choice of each setting', () => {
    const runs = fc
      .integer({ min: 2, max: 4 })
      .chain((devices) => fc.tuple(fc.constant(devices), fc.array(step(devices), { maxLength: 40 })));
    fc.assert(
      fc.property(runs, ([devices, steps]) => {
        let clock = T;
        let leaves: ChosenSettings[] = [];
        const here: ChosenSettings[] = Array.from({ length: devices }, () => NO_CHOICES);
        const last: Record<string, unknown> = {};
        const pass = (device: number, stale: boolean) => {
          const seen = leaves.reduce(mergeChosen, NO_CHOICES);
          here[device] = mergeChosen(here[device]!, stale ? NO_CHOICES : seen);
          const written = here[device]!;
          // A stale pass wrote before it saw the others: its copy is a leaf beside theirs.
          leaves = stale ? [...leaves, written] : [written];
        };
        for (const s of steps) {
          if (s.kind === 'edit') {
            const value = s.name === 'showThumbnails' ? Boolean(s.value) : Number(s.value);
            clock += 1000;
            here[s.device] = mergeChosen(here[s.device]!, chosen({ [s.name]: [value, clock] }));
            last[s.name] = value;
          } else pass(s.device, s.kind === 'stale-pass');
        }
        for (let round = 0; round < 2; round++) for (let d = 0; d < devices; d++) pass(d, false);
        for (const device of here) {
          expect(device.values).toEqual(last);
          // A setting nobody chose is held by nobody: the fallback, not another device's.
          for (const name of NAMES) if (!(name in last)) expect(device.chosenAt).not.toHaveProperty(name);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the merge is commutative, associative and idempotent, so the order of passes never matters', () => {
    const choices = fc
      .dictionary(
        fc.constantFrom(...NAMES),
        fc.tuple(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.boolean()), fc.integer({ min: T, max: T + 10 })),
      )
      .map((entries) => chosen(entries as Record<string, [unknown, number]>));
    fc.assert(
      fc.property(choices, choices, choices, (a, b, c) => {
        expect(mergeChosen(a, b)).toEqual(mergeChosen(b, a));
        expect(mergeChosen(mergeChosen(a, b), c)).toEqual(mergeChosen(a, mergeChosen(b, c)));
        expect(mergeChosen(a, a)).toEqual(a);
      }),
    );
  });
});

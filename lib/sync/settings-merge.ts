import { sameValue } from '../model/merge';

/**
 * How the settings document merges between devices: setting by setting, the later choice wins.
 * A setting is chosen when a user sets it (in Settings, or by importing a backup), and the time
 * travels with it; a value nobody chose (a fallback, what a fresh device has) has no time and
 * never wins over one that has. Each setting is a last-writer-wins register, so the merge is
 * commutative, associative and idempotent: whatever order passes and conflicts come in, every
 * device ends with the last choice of each setting. Pure: no storage, no PouchDB.
 */

export interface ChosenSettings {
  /** Only chosen settings: every name here has a time in `chosenAt`, and the other way round. */
  values: Record<string, unknown>;
  /** When each was chosen, in ms since the epoch (the choosing device's clock). */
  chosenAt: Record<string, number>;
}

/** Which settings travel and what a valid value of each is (lib/sync/chosen-settings.ts gives the app's). */
export interface SettingsRules {
  /** Each synced setting's fallback: an old client's document says nothing of when a value was chosen. */
  fallbacks: Readonly<Record<string, unknown>>;
  /** The value as the setting's schema reads it, or undefined when it is not valid. */
  check(name: string, value: unknown): unknown;
}

export const NO_CHOICES: ChosenSettings = { values: {}, chosenAt: {} };

/** The latest time a clock can give (as the settings' schemas allow). */
const MAX_TIME = 8.64e15;

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_TIME;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The choices a settings document carries, checked: only the synced settings' names, values
 * that pass their schema, times that are times. A document of this version carries `chosenAt`.
 * One of the version before (`values` and `updatedAt` only, every setting there, chosen or not)
 * is read as choosing, at its `updatedAt`, the values that differ from the fallbacks: a fresh
 * device of that version sends its fallbacks stamped with the time it connected, and those must
 * not win. (What is lost: an old device's choice back to a fallback does not reach new ones.)
 */
export function chosenInDoc(doc: unknown, rules: SettingsRules): ChosenSettings {
  if (!isRecord(doc) || !isRecord(doc.values)) return NO_CHOICES;
  const values: Record<string, unknown> = {};
  const chosenAt: Record<string, number> = {};
  const times = isRecord(doc.chosenAt) ? doc.chosenAt : null;
  const oldAt = isTime(doc.updatedAt) ? doc.updatedAt : null;
  for (const name of Object.keys(rules.fallbacks)) {
    if (!Object.hasOwn(doc.values, name)) continue;
    const value = rules.check(name, doc.values[name]);
    if (value === undefined) continue;
    if (times) {
      const at = Object.hasOwn(times, name) ? times[name] : undefined;
      if (!isTime(at)) continue;
      values[name] = value;
      chosenAt[name] = at;
    } else if (oldAt !== null && !sameValue(value, rules.fallbacks[name])) {
      values[name] = value;
      chosenAt[name] = oldAt;
    }
  }
  return { values, chosenAt };
}

/** A value written the same way whatever order its object's keys came in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Whether choice `a` wins over choice `b` of one setting: the later one; at the same
 * millisecond (two devices, two values) the same one on every device, by the values' text.
 */
function wins(aAt: number, aValue: unknown, bAt: number, bValue: unknown): boolean {
  if (aAt !== bAt) return aAt > bAt;
  return canonical(aValue) > canonical(bValue);
}

/** Both sides' choices, each setting the later of the two. */
export function mergeChosen(a: ChosenSettings, b: ChosenSettings): ChosenSettings {
  const values: Record<string, unknown> = {};
  const chosenAt: Record<string, number> = {};
  const names = new Set([...Object.keys(a.chosenAt), ...Object.keys(b.chosenAt)]);
  for (const name of [...names].sort()) {
    const inA = Object.hasOwn(a.chosenAt, name);
    const inB = Object.hasOwn(b.chosenAt, name);
    const from = inA && (!inB || wins(a.chosenAt[name]!, a.values[name], b.chosenAt[name]!, b.values[name])) ? a : b;
    values[name] = from.values[name];
    chosenAt[name] = from.chosenAt[name]!;
  }
  return { values, chosenAt };
}

export function sameChoices(a: ChosenSettings, b: ChosenSettings): boolean {
  return sameValue(a.chosenAt, b.chosenAt) && sameValue(a.values, b.values);
}

/** The choices in `merged` that this device does not hold as they are: what it takes in. */
export function choicesToTake(here: ChosenSettings, merged: ChosenSettings): ChosenSettings {
  const values: Record<string, unknown> = {};
  const chosenAt: Record<string, number> = {};
  for (const [name, at] of Object.entries(merged.chosenAt)) {
    if (here.chosenAt[name] === at && sameValue(here.values[name], merged.values[name])) continue;
    values[name] = merged.values[name];
    chosenAt[name] = at;
  }
  return { values, chosenAt };
}

import * as v from 'valibot';
import { EXPORTED_SETTINGS, type SettingName } from '../backup/settings';
import { chooseSettings, settingChosenAt } from '../settings';
import { SYNCED_SETTINGS, type SyncedSettingName } from './outbox';
import type { ChosenSettings, SettingsRules } from './settings-merge';

/**
 * The synced settings as this browser holds them, for the settings document's merge
 * (lib/sync/settings-merge.ts): the ones chosen here or taken in, each with its time.
 */

// A compile error here: a synced setting is not one an export carries (and checks).
const SYNCED: readonly SettingName[] = SYNCED_SETTINGS;

function isSynced(name: string): name is SyncedSettingName {
  return (SYNCED as readonly string[]).includes(name);
}

/** The synced settings, checked by the schemas an import uses. */
export const SYNCED_SETTING_RULES: SettingsRules = {
  fallbacks: Object.fromEntries(SYNCED.map((name) => [name, EXPORTED_SETTINGS[name].item.fallback])),
  check(name, value) {
    if (!isSynced(name)) return undefined;
    const schema: v.GenericSchema<unknown, unknown> = EXPORTED_SETTINGS[name].schema;
    const result = v.safeParse(schema, value);
    return result.success ? result.output : undefined;
  },
};

/** The synced settings this browser holds as chosen; one never chosen is left out. */
export async function readChosenSettings(): Promise<ChosenSettings> {
  const values: Record<string, unknown> = {};
  const chosenAt: Record<string, number> = {};
  for (const name of SYNCED) {
    const at = await settingChosenAt(name).getValue();
    if (at === null) continue;
    values[name] = await EXPORTED_SETTINGS[name].item.getValue();
    chosenAt[name] = at;
  }
  return { values, chosenAt };
}

/**
 * Takes in choices another device made later than this one's (values checked already by
 * SYNCED_SETTING_RULES). A setting chosen here after the pass read it keeps the user's choice.
 * Returns the names written.
 */
export async function applyChosenSettings(chosen: ChosenSettings): Promise<SyncedSettingName[]> {
  const written: SyncedSettingName[] = [];
  for (const [name, at] of Object.entries(chosen.chosenAt)) {
    if (!isSynced(name)) continue;
    const here = await settingChosenAt(name).getValue();
    if (here !== null && here > at) continue;
    written.push(name);
  }
  await chooseSettings(written.map((name) => ({ name, value: chosen.values[name], at: chosen.chosenAt[name]! })));
  return written;
}

import { browser } from 'wxt/browser';

/**
 * One value in `browser.storage.local`, read as its fallback while unset. This is the part of a
 * storage library the settings use (get, set, watch), written out because every page and the
 * service worker load it first: the library it replaced was 4 kB gzip of the background's 15 kB
 * budget for features (areas, metadata, migrations, batching) no setting used. Values are stored
 * under the bare key, as before, so profiles written by the library read the same.
 */
export interface StorageItem<T> {
  /** The key in storage.local. */
  readonly key: string;
  readonly fallback: T;
  getValue(): Promise<T>;
  /** null removes the value, so it reads as the fallback again. */
  setValue(value: T | null): Promise<void>;
  /** Back to the fallback. */
  removeValue(): Promise<void>;
  /** Whether a value is stored (not the fallback). */
  isSet(): Promise<boolean>;
  /** Called with the new and the old value (each the fallback when unset); returns the unwatch. */
  watch(callback: (next: T, previous: T) => void): () => void;
}

type Change = { newValue?: unknown; oldValue?: unknown };

/** `read` turns a stored value (undefined when unset) into the item's value. */
export function defineStorageItem<T>(key: string, fallback: T, read: (stored: unknown) => T): StorageItem<T> {
  const area = () => browser.storage.local;
  return {
    key,
    fallback,
    getValue: async () => read((await area().get(key))[key]),
    setValue: async (value) => {
      if (value === null || value === undefined) await area().remove(key);
      else await area().set({ [key]: value });
    },
    removeValue: () => area().remove(key),
    isSet: async () => (await area().get(key))[key] !== undefined,
    watch: (callback) => {
      const listener = (changes: Record<string, Change>) => {
        const change = changes[key];
        if (!change) return;
        // A write of the same value is not a change (storage.local reports some browsers' no-op sets).
        if (JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
        callback(read(change.newValue), read(change.oldValue));
      };
      area().onChanged.addListener(listener);
      return () => area().onChanged.removeListener(listener);
    },
  };
}

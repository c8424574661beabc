import type { StorageItem } from '@/lib/infra/storage-item';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type DbChange, onStoreChange } from '@/lib/app/live';
import type { StoreName } from '@/lib/model/stores';

export interface LiveQuery<T> {
  /** undefined until the first load finishes. */
  data: T | undefined;
  /** The last load's failure, cleared by the next success. */
  error: unknown;
  reload: () => void;
}

export interface LiveQueryOptions {
  /** Reload only for changes this accepts (say, one record's id). */
  accept?: (change: DbChange) => boolean;
  /** Wait this long after a burst of changes (typing elsewhere) before one reload. */
  debounceMs?: number;
}

/**
 * Load, then load again whenever one of `stores` changes (here or in another extension page).
 * Loads may finish out of order: only the newest one started speaks, so an older result never
 * overwrites a newer one. `deps` restart it (a different id).
 */
export function useLiveQuery<T>(
  load: () => Promise<T>,
  stores: readonly StoreName[],
  deps: readonly unknown[] = [],
  options: LiveQueryOptions = {},
): LiveQuery<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown }>({ data: undefined, error: undefined });
  const latest = useRef(0);
  const reloadRef = useRef<() => void>(() => undefined);
  const loadRef = useRef(load);
  loadRef.current = load;
  const optionsRef = useRef(options);
  optionsRef.current = options;

  // The caller's deps say when to restart; load and options are read through refs.
  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const ticket = ++latest.current;
      loadRef.current().then(
        (data) => alive && ticket === latest.current && setState({ data, error: undefined }),
        (error: unknown) => alive && ticket === latest.current && setState((s) => ({ data: s.data, error })),
      );
    };
    reloadRef.current = run;
    setState({ data: undefined, error: undefined });
    run();
    const stop = onStoreChange((change) => {
      if (!stores.includes(change.store)) return;
      if (optionsRef.current.accept && !optionsRef.current.accept(change)) return;
      const wait = optionsRef.current.debounceMs;
      if (!wait) return run();
      clearTimeout(timer);
      timer = setTimeout(run, wait);
    });
    return () => {
      alive = false;
      clearTimeout(timer);
      stop();
    };
  }, [stores.join(','), ...deps]);

  return { data: state.data, error: state.error, reload: () => reloadRef.current() };
}

/**
 * A storage item's value, followed live; undefined while loading. A change seen while the first
 * read is under way wins over that read.
 */
export function useStorageItem<T>(item: StorageItem<T> | undefined): T | undefined {
  const [value, setValue] = useState<{ v: T } | undefined>(undefined);
  useEffect(() => {
    if (!item) return;
    let alive = true;
    let changed = false;
    const stop = item.watch((next) => {
      changed = true;
      setValue({ v: next });
    });
    void item.getValue().then((v) => alive && !changed && setValue({ v }));
    return () => {
      alive = false;
      stop();
    };
  }, [item]);
  return value?.v;
}

/**
 * The showThumbnails setting, followed live. Thumbnails are the only requests the extension makes
 * on its own, so none is shown before the setting says so. The settings module loads beside the
 * popup's first render, not before it.
 */
export function useShowThumbnails(startAfter: () => Promise<void> = () => Promise.resolve()): boolean {
  const [item, setItem] = useState<StorageItem<boolean>>();
  useEffect(() => {
    let alive = true;
    void startAfter()
      .then(() => import('@/lib/settings'))
      .then((settings) => alive && setItem(() => settings.showThumbnails));
    return () => {
      alive = false;
    };
  }, []);
  return useStorageItem(item) ?? false;
}

import { useEffect, useState } from 'preact/hooks';
import { latestDeletion, onDeletionsChange, type Deletion } from '@/lib/library/undo';
import type { ResourceIndex } from '@/lib/library/resource-index';
import { showThumbnails } from '@/lib/settings';

/** Re-render whenever the index changes; returns its version. */
export function useIndexVersion(index: ResourceIndex): number {
  const [version, setVersion] = useState(index.version);
  useEffect(() => {
    setVersion(index.version);
    return index.subscribe(() => setVersion(index.version));
  }, [index]);
  return version;
}

/** The showThumbnails setting, followed live. */
export function useShowThumbnails(): boolean {
  const [show, setShow] = useState(true);
  useEffect(() => {
    let alive = true;
    void showThumbnails.getValue().then((value) => alive && setShow(value));
    const unwatch = showThumbnails.watch((value) => setShow(value));
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return show;
}

export function useLatestDeletion(): Deletion | undefined {
  const [deletion, setDeletion] = useState(latestDeletion);
  useEffect(() => onDeletionsChange(() => setDeletion(latestDeletion())), []);
  return deletion;
}

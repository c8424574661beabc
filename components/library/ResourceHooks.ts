import { useEffect, useState } from 'preact/hooks';
import { latestUndo, onUndoChange, type UndoKind, type UndoOffer } from '@/lib/app/undo';
import type { ResourceIndex } from '@/lib/library/resource-index';

/** Re-render whenever the index changes; returns its version. */
export function useIndexVersion(index: ResourceIndex): number {
  const [version, setVersion] = useState(index.version);
  useEffect(() => {
    setVersion(index.version);
    return index.subscribe(() => setVersion(index.version));
  }, [index]);
  return version;
}

/** The newest Undo offer of a kind, followed live. */
export function useLatestUndo(kind: UndoKind): UndoOffer | undefined {
  const [offer, setOffer] = useState(() => latestUndo(kind));
  useEffect(() => onUndoChange(() => setOffer(latestUndo(kind))), [kind]);
  return offer;
}

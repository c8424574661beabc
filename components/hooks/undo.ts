import { useState } from 'preact/hooks';
import { undo, type UndoOffer } from '@/lib/app/undo';
import { describeWriteError } from '@/lib/i18n/write-errors';

/**
 * A section's delete with its Undo: `remove` runs an application-layer delete and keeps the
 * offer it returns; `takeBack` puts the record back. Failures go to `onError` as a message.
 */
export function useUndoOffer(onError: (message: string) => void) {
  const [offer, setOffer] = useState<UndoOffer | undefined>(undefined);
  const remove = async (work: () => Promise<UndoOffer | undefined>) => {
    onError('');
    try {
      setOffer(await work());
    } catch (e) {
      onError(describeWriteError(e));
    }
  };
  const takeBack = async () => {
    if (!offer) return;
    try {
      await undo(offer.id);
      setOffer(undefined);
    } catch (e) {
      onError(describeWriteError(e));
    }
  };
  return { offer, remove, takeBack };
}

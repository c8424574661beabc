import { useEffect, useState } from 'preact/hooks';
import {
  declineRestore,
  exportSnapshot,
  restoreOffer,
  restoreSnapshot,
  storageSpace,
  type RestoreOffer,
  type StorageSpace,
} from '@/lib/app/snapshots';
import { describeWriteError } from '@/lib/i18n/write-errors';
import { formatBytes, t } from '@/lib/i18n';
import { routeHash } from '@/lib/routes';
import { snapshotContents, snapshotTime } from '../settings/snapshot-format';
import { KeptEditNotices } from './KeptEditNotices';

type Outcome = { tone: 'ok' | 'error'; text: string } | null;

/**
 * At the top of the library: edits kept when another device removed their resource, the offer to
 * restore from the automatic snapshot when the browser lost the database (or it is empty, or will
 * not open), and a warning when the disk is nearly full. Loaded after the first screen; silent
 * when all is well.
 */
export function StorageNotices() {
  const [offer, setOffer] = useState<RestoreOffer | null>(null);
  const [space, setSpace] = useState<StorageSpace | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    let alive = true;
    void restoreOffer()
      .then(
        (found) => alive && setOffer(found),
        () => undefined,
      )
      .finally(() => alive && setChecked(true));
    void storageSpace().then((found) => alive && setSpace(found));
    return () => {
      alive = false;
    };
  }, []);

  const restore = async () => {
    if (offer?.kind !== 'restore') return;
    setBusy(true);
    try {
      // Decided again now: sync may have brought everything back since the offer was made.
      const { added } = await restoreSnapshot(offer.snapshot);
      setOffer(null);
      const when = snapshotTime(offer.snapshot);
      setOutcome({ tone: 'ok', text: added ? t('restoreDone', when) : t('restoreNothingMissing', when) });
    } catch (error) {
      setOutcome({ tone: 'error', text: t('restoreFailed', describeWriteError(error)) });
    } finally {
      setBusy(false);
    }
  };

  const notNow = async () => {
    if (!offer) return;
    setOffer(null);
    if (offer.kind === 'restore') await declineRestore(offer.snapshot).catch(() => undefined);
  };

  const saveAsFile = async () => {
    if (!offer) return;
    try {
      const { fileName } = await exportSnapshot(offer.snapshot);
      setOutcome({ tone: 'ok', text: t('snapshotExported', fileName) });
    } catch (error) {
      setOutcome({ tone: 'error', text: t('restoreFailed', describeWriteError(error)) });
    }
  };

  return (
    <>
      <KeptEditNotices />
      {/* Marks that the check has decided (tests wait for it rather than for a time). */}
      {checked && <span class="storage-notices-checked" hidden />}
      {offer && (
        <section class="card panel restore-offer" aria-labelledby="restore-offer-title">
          <h2 id="restore-offer-title">{t('restoreOfferTitle')}</h2>
          {offer.kind === 'unopenable' ? (
            <>
              <p>
                {t(
                  'restoreOfferUnopenable',
                  offer.error instanceof Error ? offer.error.message.replace(/[.\s]+$/, '') : String(offer.error),
                  snapshotTime(offer.snapshot),
                  snapshotContents(offer.snapshot),
                )}
              </p>
              <div class="row restore-offer-actions">
                <button type="button" class="btn btn-primary" onClick={() => void saveAsFile()}>
                  {t('restoreOfferSave')}
                </button>
              </div>
            </>
          ) : (
            <>
              <p>
                {t(
                  offer.lost ? 'restoreOfferLost' : 'restoreOfferEmpty',
                  snapshotTime(offer.snapshot),
                  snapshotContents(offer.snapshot),
                )}
              </p>
              <p class="small muted">{t('restoreOfferHow')}</p>
              <div class="row restore-offer-actions">
                <button type="button" class="btn btn-primary" disabled={busy} onClick={() => void restore()}>
                  {t('restoreOfferButton', snapshotTime(offer.snapshot))}
                </button>
                <button type="button" class="btn" disabled={busy} onClick={() => void notNow()}>
                  {t('restoreOfferNotNow')}
                </button>
              </div>
            </>
          )}
        </section>
      )}
      {outcome && (
        <p
          class={`notice ${outcome.tone === 'error' ? 'notice-error' : 'notice-ok'}`}
          role={outcome.tone === 'error' ? 'alert' : 'status'}
        >
          {outcome.text}
        </p>
      )}
      {space?.low && (
        <p class="notice notice-warn storage-low" role="alert">
          {t('storageLow', formatBytes(space.free))} <a href={routeHash('settings')}>{t('storageLowExport')}</a>
        </p>
      )}
    </>
  );
}

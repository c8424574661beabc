import { useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks/live';
import { ErrorNotice } from '@/components/Notices';
import { saveSetting } from '@/lib/app/settings';
import { formatNumber, t } from '@/lib/i18n';
import { describeWriteError } from '@/lib/i18n/write-errors';
import { IMPORTED_REVIEWS_PER_DAY } from '@/lib/model/review-card';
import { importedReviewsPerDay } from '@/lib/settings';

const CHOICES = [1, 3, 5, 10, 20, 30, 50, 100];

/** How many imported highlights may first come up in the review a day (lib/review/spread.ts). */
export function ImportedReviewsField() {
  const perDay = useStorageItem(importedReviewsPerDay) ?? IMPORTED_REVIEWS_PER_DAY;
  const [error, setError] = useState('');
  const save = async (count: number) => {
    setError('');
    try {
      await saveSetting('importedReviewsPerDay', count);
    } catch (e) {
      setError(describeWriteError(e));
    }
  };
  return (
    <label class="field schedule-reviews">
      <span>{t('reviewImportedLabel')}</span>
      <select class="input" value={String(perDay)} onChange={(e) => void save(Number(e.currentTarget.value))}>
        {[...new Set([...CHOICES, perDay])]
          .sort((a, b) => a - b)
          .map((n) => (
            <option key={n} value={String(n)}>
              {formatNumber(n)}
            </option>
          ))}
      </select>
      <span class="small muted">{t('reviewImportedHint')}</span>
      <ErrorNotice message={error} />
    </label>
  );
}

import { formatNumber, t } from '@/lib/i18n';
import './show-more.css';

/** Under a list drawn a page at a time: how much is shown, and a button for the next page. */
export function ShowMore({
  shown,
  total,
  page,
  onMore,
}: {
  shown: number;
  total: number;
  page: number;
  onMore: () => void;
}) {
  if (shown >= total) return null;
  return (
    <p class="show-more">
      <span class="small muted">{t('listShowing', formatNumber(shown), formatNumber(total))}</span>
      <button type="button" class="btn btn-small" onClick={onMore}>
        {t('listShowMore', formatNumber(Math.min(page, total - shown)))}
      </button>
    </p>
  );
}

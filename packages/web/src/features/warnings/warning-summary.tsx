import { Typography } from 'antd';
import type { WarningSummary } from '../../api/warnings';
import { useI18n } from '../../i18n';

/**
 * What a warning gathers, in one line: the period its items span, how many there are and
 * their total ("2024-03 – 2024-06 · 4 笔 · 合计 ¥2,020.00"); the evidence count alone when the
 * model counts no items. A warning is one problem, however many months it covers.
 */
export function useSummaryText(): (summary: WarningSummary) => string {
  const { t, lang } = useI18n();
  const money = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { style: 'currency', currency: 'CNY' });
  return (s) => {
    const parts: string[] = [];
    if (s.periodFrom !== null)
      parts.push(s.periodFrom === s.periodTo ? s.periodFrom : `${s.periodFrom} – ${s.periodTo ?? ''}`);
    parts.push(
      s.itemCount > 0
        ? t('warnings.summary.items', { count: s.itemCount })
        : t('warnings.summary.rows', { count: s.evidenceCount }),
    );
    if (s.amountTotal !== null) parts.push(t('warnings.summary.total', { total: money.format(s.amountTotal) }));
    return parts.join(' · ');
  };
}

/** The summary under a warning's explanation in the list: secondary, so it adds no width. */
export function WarningSummaryLine({ summary }: { summary: WarningSummary }) {
  const text = useSummaryText();
  return (
    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="warning-summary">
      {text(summary)}
    </Typography.Text>
  );
}

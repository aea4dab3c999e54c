import { Tag } from 'antd';
import type { ReviewStatus } from '../../api/models';
import { useT } from '../../i18n';

const COLOURS: Record<Exclude<ReviewStatus, 'approved'>, string> = { draft: 'gold', returned: 'red' };

/** A model under review in words: a draft awaiting a second person, or returned to its author. */
export function ReviewTag({ status, testId }: { status: Exclude<ReviewStatus, 'approved'>; testId?: string }) {
  const t = useT();
  return (
    <Tag color={COLOURS[status]} data-testid={testId}>
      {t(`models.review.${status}`)}
    </Tag>
  );
}

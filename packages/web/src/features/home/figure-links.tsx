import { Flex, Typography } from 'antd';
import { Link } from 'react-router';

/** A figure in words, linked to the list behind it. */
export interface FigureLink {
  key: string;
  label: string;
  count: number;
  link: string;
}

/**
 * The figures a chart draws, as links: the way to a figure's list on a phone or with a
 * keyboard or screen reader, where a canvas gives none. Zero figures are left out.
 */
export function FigureLinks({
  figures,
  testId,
  linkTestId = 'figure-link',
}: {
  figures: FigureLink[];
  testId: string;
  /** Marks each link, so a test can walk one list's figures (the warnings', the clues'). */
  linkTestId?: string;
}) {
  const shown = figures.filter((f) => f.count > 0);
  if (shown.length === 0) return null;
  return (
    <Flex wrap gap="4px 12px" data-testid={testId} style={{ marginTop: 8 }}>
      {shown.map((f) => (
        <Link key={f.key} to={f.link} data-testid={linkTestId} data-count={f.count}>
          <Typography.Text type="secondary">{f.label}</Typography.Text>{' '}
          <Typography.Text strong>{f.count}</Typography.Text>
        </Link>
      ))}
    </Flex>
  );
}

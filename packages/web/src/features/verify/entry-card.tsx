import { Card, Descriptions, Typography } from 'antd';
import type { LogEntry } from '@qingfeng/core';
import { useT } from '../../i18n';

/** What the receipt's entry records, read back from its canonical bytes (as checked, or not). */
export function EntryCard({ index, entry }: { index: number; entry: LogEntry | null }) {
  const t = useT();
  return (
    <Card title={t('verify.entry')} size="small" data-testid="receipt-entry">
      {entry ? (
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'index', label: t('verify.entry.index'), children: index },
            {
              key: 'kind',
              label: t('verify.entry.kind'),
              children: <Typography.Text code>{entry.kind}</Typography.Text>,
            },
            {
              key: 'body',
              label: 'JSON',
              children: (
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                  {JSON.stringify(entry.body, null, 2)}
                </pre>
              ),
            },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">{t('verify.entry.undecodable')}</Typography.Text>
      )}
    </Card>
  );
}

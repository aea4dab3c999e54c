import { Descriptions, Drawer, Grid, Typography } from 'antd';
import type { AuditEntry } from '../../api/audit';
import { useI18n } from '../../i18n';
import { OutcomeTag } from './outcome-tag';
import { ReceiptButton } from './receipt-button';

/** Every field of one audit entry, the detail as formatted JSON. */
export function AuditDetailDrawer({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const { t, roleLabel, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const text = (value: string | number | null) => (value === null || value === '' ? '—' : value);
  return (
    <Drawer
      open={entry !== null}
      onClose={onClose}
      title={t('audit.detail')}
      size={screens.md ? 560 : '100%'}
      extra={entry && <ReceiptButton auditId={entry.id} />}
    >
      {entry && (
        <Descriptions
          column={1}
          bordered
          size="small"
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'id', label: t('audit.field.id'), children: entry.id },
            {
              key: 'at',
              label: t('audit.at'),
              children: new Date(entry.at).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB'),
            },
            { key: 'user', label: t('audit.user'), children: entry.username ?? t('audit.system') },
            { key: 'role', label: t('audit.field.role'), children: entry.role ? roleLabel(entry.role) : '—' },
            { key: 'org', label: t('audit.field.orgId'), children: text(entry.orgId) },
            {
              key: 'action',
              label: t('audit.action'),
              children: <Typography.Text code>{entry.action}</Typography.Text>,
            },
            { key: 'outcome', label: t('audit.outcome'), children: <OutcomeTag outcome={entry.outcome} /> },
            { key: 'objectType', label: t('audit.objectType'), children: text(entry.objectType) },
            { key: 'objectId', label: t('audit.objectId'), children: text(entry.objectId) },
            { key: 'subject', label: t('audit.field.subject'), children: text(entry.subject) },
            { key: 'reason', label: t('audit.field.reason'), children: text(entry.reason) },
            { key: 'ip', label: t('audit.field.ip'), children: text(entry.ip) },
            { key: 'ua', label: t('audit.field.userAgent'), children: text(entry.userAgent) },
            { key: 'request', label: t('audit.field.requestId'), children: text(entry.requestId) },
            {
              key: 'detail',
              label: t('audit.field.detail'),
              children: (
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                  {JSON.stringify(entry.detail, null, 2)}
                </pre>
              ),
            },
          ]}
        />
      )}
    </Drawer>
  );
}

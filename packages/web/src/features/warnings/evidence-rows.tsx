import { findDataset } from '@qingfeng/core';
import { Card, Col, Descriptions, Empty, Row, Tag } from 'antd';
import type { EvidenceRow } from '../../api/warnings';
import { useI18n } from '../../i18n';

type Derived = 'birth_date' | 'sex' | 'region';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** The source rows behind a warning, side by side, each field as the server returned it (masked or not). */
export function EvidenceRows({ rows }: { rows: EvidenceRow[] }) {
  const { t, lang } = useI18n();
  return (
    <Row gutter={[16, 16]} data-testid="evidence">
      {rows.map((row) => {
        const dataset = findDataset(row.dataset);
        const fieldLabel = (key: string) => dataset?.fields.find((f) => f.key === key)?.label[lang];
        // `<id field>_birth_date|sex|region` are derived by the lake from an identity number.
        const label = (key: string) => {
          const derived = /^(.+)_(birth_date|sex|region)$/.exec(key);
          const base = derived?.[1] ? fieldLabel(derived[1]) : undefined;
          if (derived && base) return `${base} · ${t(`warnings.derived.${derived[2] as Derived}`)}`;
          return fieldLabel(key) ?? key;
        };
        return (
          <Col
            key={`${row.dataset}-${row.batchId}-${row.rowNo}`}
            xs={24}
            lg={Math.max(8, Math.floor(24 / rows.length))}
          >
            <Card
              size="small"
              title={
                <>
                  <Tag color="blue">{row.role}</Tag>
                  {dataset?.name[lang] ?? row.dataset}
                </>
              }
              extra={t('warnings.evidenceRef', { batch: row.batchId, row: row.rowNo })}
              data-testid={`evidence-${row.role}`}
            >
              {row.values === null ? (
                <Empty description={t('warnings.evidenceGone')} />
              ) : (
                <Descriptions column={1} size="small" styles={{ label: { width: 140 } }}>
                  {Object.entries(row.values).map(([key, value]) => (
                    <Descriptions.Item key={key} label={label(key)}>
                      {show(value)}
                    </Descriptions.Item>
                  ))}
                </Descriptions>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

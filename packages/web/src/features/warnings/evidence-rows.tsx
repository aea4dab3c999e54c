import {
  columnKind,
  columnLabel,
  columnValueText,
  evidenceRoleLabel,
  findDataset,
  toDivisionCode12,
} from '@qingfeng/core';
import { Card, Col, Descriptions, Empty, Row, Tag } from 'antd';
import type { Localised } from '../../api/datasets';
import type { EvidenceRow } from '../../api/warnings';
import { useI18n } from '../../i18n';
import { PlaceName } from '../../shared/place-name';

/**
 * The source rows behind a warning, side by side, each field in words (codes by their
 * labels, yes or no, divisions by their place names with the code on hover), masked or not
 * as the server returned them. `places` names the divisions the rows hold.
 */
export function EvidenceRows({ rows, places }: { rows: EvidenceRow[]; places: Record<string, Localised> }) {
  const { t, lang } = useI18n();
  const placeOf = (code: string, language: typeof lang) => places[code]?.[language];
  const value = (dataset: string, column: string, raw: unknown) => {
    if (typeof raw === 'string' && columnKind(dataset, column).type === 'division') {
      const code12 = toDivisionCode12(raw);
      return <PlaceName code={raw} name={code12 === null ? undefined : places[code12]} />;
    }
    return columnValueText(dataset, column, raw, lang, placeOf);
  };
  return (
    <Row gutter={[16, 16]} data-testid="evidence">
      {rows.map((row) => {
        const dataset = findDataset(row.dataset);
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
                  <Tag color="blue">{evidenceRoleLabel(row.role, row.dataset, lang)}</Tag>
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
                  {Object.entries(row.values).map(([key, raw]) => (
                    <Descriptions.Item key={key} label={columnLabel(row.dataset, key, lang)}>
                      {value(row.dataset, key, raw)}
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

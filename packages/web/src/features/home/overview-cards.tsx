import { findDataset } from '@qingfeng/core';
import { Card, Col, Empty, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Localised } from '../../api/datasets';
import type { Freshness, PlaceCount, WarningOverview } from '../../api/statistics';
import { WARNING_STATUSES } from '../../api/warnings';
import { useI18n } from '../../i18n';
import { useDateTime } from '../datasets/localised';
import { warningsLink } from './overview-links';

/** Live warnings per status, and the open ones overdue: each figure a link to its list. */
export function StatusCard({ warnings }: { warnings: WarningOverview }) {
  const { t } = useI18n();
  const count = (status: string) => warnings.byStatus.find((s) => s.status === status)?.count ?? 0;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16}>
        <Card title={t('overview.byStatus')} size="small" data-testid="overview-status">
          <Flex wrap gap="8px 24px">
            {WARNING_STATUSES.map((status) => (
              <Link key={status} to={warningsLink({ status })} data-testid="figure-link" data-count={count(status)}>
                <Statistic title={t(`warnings.status.${status}`)} value={count(status)} />
              </Link>
            ))}
          </Flex>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card
          title={t('overview.overdue')}
          size="small"
          data-testid="overview-overdue"
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('overview.overdueHint', { days: warnings.overdue.days })}
            </Typography.Text>
          }
        >
          <Flex wrap gap="8px 24px">
            {warnings.overdue.byStatus.map((s) => (
              <Link
                key={s.status}
                to={warningsLink({ status: s.status, to: warnings.overdue.before })}
                data-testid="figure-link"
                data-count={s.count}
              >
                <Statistic
                  title={t(`warnings.status.${s.status}`)}
                  value={s.count}
                  styles={s.count > 0 ? { content: { color: '#b71c1c' } } : undefined}
                />
              </Link>
            ))}
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}

function PlaceList(props: {
  title: string;
  places: PlaceCount[];
  placeName: (name: Localised | null, d: string) => string;
}) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{props.title}</Typography.Text>
      {props.places.length === 0 && <Typography.Text type="secondary">{t('overview.none')}</Typography.Text>}
      {props.places.map((place) => (
        <Flex key={place.division} justify="space-between" gap={8}>
          <Link
            to={warningsLink({ division: place.division, status: 'confirmed' })}
            data-testid="figure-link"
            data-count={place.count}
            title={place.division}
          >
            {props.placeName(place.name, place.division)}
          </Link>
          <Typography.Text strong>{place.count}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

/** The towns and villages with most confirmed problems. */
export function MostConfirmedCard(props: {
  warnings: WarningOverview;
  placeName: (name: Localised | null, division: string) => string;
}) {
  const { t } = useI18n();
  return (
    <Card title={t('overview.mostConfirmed')} size="small" data-testid="overview-most-confirmed">
      <Row gutter={[24, 8]}>
        <Col xs={24} md={12}>
          <PlaceList
            title={t('overview.towns')}
            places={props.warnings.mostConfirmed.towns}
            placeName={props.placeName}
          />
        </Col>
        <Col xs={24} md={12}>
          <PlaceList
            title={t('overview.villages')}
            places={props.warnings.mostConfirmed.villages}
            placeName={props.placeName}
          />
        </Col>
      </Row>
    </Card>
  );
}

/** Per dataset type: its department, its last loaded batch, and the models it feeds (each a link to its warnings). */
export function FreshnessCard({ freshness }: { freshness: Freshness[] }) {
  const { t, lang } = useI18n();
  const dateTime = useDateTime();
  return (
    <Card title={t('overview.freshness')} size="small" data-testid="overview-freshness">
      {freshness.length === 0 ? (
        <Empty description={t('overview.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Flex vertical gap={12}>
          {freshness.map((item) => {
            const type = findDataset(item.datasetType);
            return (
              <Flex key={item.datasetType} vertical gap={4} style={{ minWidth: 0, width: '100%' }}>
                <Flex wrap gap="4px 12px" align="baseline">
                  <Typography.Text strong>{type?.name[lang] ?? item.datasetType}</Typography.Text>
                  {type && <Typography.Text type="secondary">{type.source[lang]}</Typography.Text>}
                  <Typography.Text>{t('overview.lastLoaded', { at: dateTime(item.lastLoadedAt) })}</Typography.Text>
                  <Typography.Text type="secondary">{t('overview.batches', { count: item.batches })}</Typography.Text>
                </Flex>
                <Flex wrap gap={4} align="center">
                  <Typography.Text type="secondary">{t('overview.feeds')}:</Typography.Text>
                  {item.models.length === 0 ? (
                    <Typography.Text type="secondary">{t('overview.feedsNone')}</Typography.Text>
                  ) : (
                    item.models.map((m) => (
                      <Link key={m.id} to={warningsLink({ modelId: m.id })} title={m.name[lang]}>
                        <Tag style={{ marginInlineEnd: 0 }}>{m.id}</Tag>
                      </Link>
                    ))
                  )}
                </Flex>
              </Flex>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}

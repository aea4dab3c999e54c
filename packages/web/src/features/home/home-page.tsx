import { divisionLevel } from '@qingfeng/core';
import { Card, Col, Descriptions, Empty, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { PlaceName } from '../../shared/place-name';
import { useCan, useSignedInUser } from '../auth/use-me';
import { visibleNavItems } from '../layout/nav-items';
import { InboxSummary } from '../notifications/inbox-summary';
import { Overview } from './overview';

/** Welcome page: who the user is, where they act, the overview when the role may read it, and the pages they may open. */
export function HomePage() {
  const me = useSignedInUser();
  const can = useCan();
  const { t, roleLabel } = useI18n();
  const links = visibleNavItems(me.permissions).filter((item) => item.quickLink);
  const level = divisionLevel(me.divisionCode);
  // The place by name, its code on hover; the level says how far the jurisdiction reaches.
  const jurisdiction =
    level === 'country' ? (
      t('division.country')
    ) : (
      <span data-testid="home-jurisdiction">
        <PlaceName code={me.divisionCode} name={me.divisionName} /> ({t(`division.${level}`)})
      </span>
    );

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card>
          <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="welcome">
            {t('home.welcome', { name: me.displayName })}
          </Typography.Title>
          <Descriptions
            column={{ xs: 1, sm: 1, md: 3 }}
            items={[
              {
                key: 'role',
                label: t('home.role'),
                children: <span data-testid="home-role">{roleLabel(me.role)}</span>,
              },
              { key: 'org', label: t('home.org'), children: me.orgName },
              { key: 'jurisdiction', label: t('home.jurisdiction'), children: jurisdiction },
            ]}
          />
        </Card>
      </Col>
      {can('clue.read') && (
        <Col span={24}>
          <InboxSummary />
        </Col>
      )}
      {can('dashboard.read') && (
        <Col span={24}>
          <Overview />
        </Col>
      )}
      <Col span={24}>
        <Typography.Title level={4}>{t('home.quickLinks')}</Typography.Title>
        {links.length === 0 ? (
          <Empty description={t('home.noLinks')} />
        ) : (
          <Row gutter={[16, 16]}>
            {links.map((item) => (
              <Col key={item.path} xs={12} sm={8} lg={6} xl={4}>
                <Link to={item.path}>
                  <Card hoverable style={{ textAlign: 'center' }}>
                    <div style={{ fontSize: 28, color: '#b71c1c' }}>{item.icon}</div>
                    <Typography.Text strong>{t(item.label)}</Typography.Text>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Col>
    </Row>
  );
}

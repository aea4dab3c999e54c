import { CarryOutOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { useInbox } from './use-notifications';

/** The home page's first word to a caseworker: how many tasks await them, and the way to them. */
export function InboxSummary() {
  const { t } = useI18n();
  const inbox = useInbox();
  if (!inbox.data) return null;
  const count = inbox.data.items.length;
  return (
    <Alert
      type={count > 0 ? 'warning' : 'success'}
      showIcon
      icon={<CarryOutOutlined />}
      data-testid="inbox-summary"
      message={count > 0 ? t('inbox.summary', { count }) : t('inbox.empty')}
      action={
        <Link to="/inbox">
          <Button size="small" type={count > 0 ? 'primary' : 'default'}>
            {t('inbox.open')}
          </Button>
        </Link>
      }
    />
  );
}

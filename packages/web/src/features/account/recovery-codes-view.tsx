import { CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useT } from '../../i18n';
import { useNotify } from '../../shared/use-notify';

/** Recovery codes, shown once, with a button that copies them all. */
export function RecoveryCodesView({ codes }: { codes: string[] }) {
  const t = useT();
  const { ok, fail } = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      ok(t('common.copied'));
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Flex vertical gap={12}>
      <Alert type="warning" showIcon title={t('totp.recoveryHint')} />
      <Flex wrap gap={8} data-testid="recovery-codes">
        {codes.map((code) => (
          <Typography.Text key={code} code style={{ fontSize: 16, minWidth: 130 }}>
            {code}
          </Typography.Text>
        ))}
      </Flex>
      <Button icon={<CopyOutlined />} onClick={() => void copy()} style={{ alignSelf: 'flex-start' }}>
        {t('common.copy')}
      </Button>
    </Flex>
  );
}

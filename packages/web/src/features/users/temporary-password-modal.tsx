import { Alert, Button, Modal, Typography } from 'antd';
import { useT } from '../../i18n';

/** Shows a temporary password once; nothing keeps it after the modal closes. */
export function TemporaryPasswordModal(props: {
  shown: { name: string; password: string } | null;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      open={props.shown !== null}
      title={t('users.tempTitle')}
      onCancel={props.onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={props.onClose} data-testid="temporary-password-close">
          {t('common.close')}
        </Button>
      }
    >
      {props.shown && (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('users.tempHint', { name: props.shown.name })}
            style={{ marginBottom: 16 }}
          />
          <Typography.Paragraph copyable={{ text: props.shown.password }} style={{ fontSize: 20 }}>
            <Typography.Text code data-testid="temporary-password">
              {props.shown.password}
            </Typography.Text>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}

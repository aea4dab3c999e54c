import { LoadingOutlined } from '@ant-design/icons';
import { Flex, Progress, Typography } from 'antd';
import { useT } from '../../i18n';

/**
 * The bytes sent so far, then — once the whole file is with the server but the answer has
 * not come — a "processing" state, since reading and loading a large file takes a while.
 */
export function UploadProgress({ percent, failed }: { percent: number; failed?: boolean }) {
  const t = useT();
  const processing = percent >= 100 && !failed;
  return (
    <Flex vertical gap={4} data-testid="upload-progress" data-state={processing ? 'processing' : 'uploading'}>
      <Progress percent={percent} status={failed ? 'exception' : 'active'} />
      <Typography.Text type="secondary">
        {processing ? (
          <>
            <LoadingOutlined /> {t('datasets.upload.processing')}
          </>
        ) : (
          t('datasets.upload.uploading', { percent })
        )}
      </Typography.Text>
    </Flex>
  );
}

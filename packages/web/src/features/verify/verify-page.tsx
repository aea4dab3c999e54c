import { UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Typography, Upload } from 'antd';
import { useState } from 'react';
import { fetchLogKeys } from '../../api/transparency';
import { useT } from '../../i18n';
import { errorText } from '../../shared/error-text';
import { LanguageSwitch } from '../../shared/language-switch';
import { EntryCard } from './entry-card';
import { checkAgainstToday, type ConsistencyOutcome, type Verification, verifyReceiptText } from './verification';
import { describeConsistency, describeSteps, VerificationSteps } from './verification-steps';
import { PublishedKeysCard } from './published-keys-card';

/**
 * The public receipt verifier (no sign-in): the receipt is read and checked in this browser
 * with the same core code the server uses; only the log's public keys, and on request today's
 * checkpoint and a consistency proof, are fetched (docs/transparency-log.md, "Verifier page").
 */
export function VerifyPage() {
  const t = useT();
  const keys = useQuery({ queryKey: ['transparency', 'keys'], queryFn: fetchLogKeys, retry: false });
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [consistency, setConsistency] = useState<ConsistencyOutcome | null>(null);
  const [isComparing, setComparing] = useState(false);
  const log = keys.data;

  const verify = (receiptText: string) => {
    if (!log) return;
    setConsistency(null);
    setVerification(verifyReceiptText(receiptText, log));
  };

  const compare = async () => {
    if (!log || !verification || !('report' in verification) || !verification.report.checkpoint) return;
    setComparing(true);
    try {
      setConsistency(await checkAgainstToday(verification.receipt, verification.report.checkpoint, log));
    } finally {
      setComparing(false);
    }
  };

  const steps =
    verification && log
      ? [...describeSteps(t, verification, log), ...(consistency ? [describeConsistency(t, consistency)] : [])]
      : [];
  const isValid = steps.length > 0 && steps.every((step) => step.status === 'passed');
  const canCompare = verification !== null && 'report' in verification && verification.report.isValid;

  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Flex justify="space-between" align="center" style={{ padding: '12px 16px' }} gap={8}>
        <Typography.Title level={3} style={{ margin: 0, color: '#b71c1c' }}>
          {t('app.name')}
        </Typography.Title>
        <LanguageSwitch />
      </Flex>
      <Flex
        vertical
        gap={16}
        style={{ width: '100%', maxWidth: 820, margin: '0 auto', padding: '8px 12px 32px', boxSizing: 'border-box' }}
      >
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('verify.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('verify.intro')}
        </Typography.Paragraph>
        <PublishedKeysCard log={log} error={keys.error ? errorText(t, keys.error) : null} />
        <Card title={t('verify.receipt')} size="small">
          <Flex vertical gap={12}>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={async (file) => {
                const content = await file.text();
                setText(content);
                setFileName(file.name);
                verify(content);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="receipt-upload">
                {t('verify.receipt.upload')}
              </Button>
            </Upload>
            {fileName && (
              <Typography.Text type="secondary">{t('verify.receipt.loaded', { name: fileName })}</Typography.Text>
            )}
            <Input.TextArea
              value={text}
              onChange={(event) => setText(event.target.value)}
              placeholder={t('verify.receipt.placeholder')}
              autoSize={{ minRows: 4, maxRows: 12 }}
              style={{ fontFamily: 'monospace', fontSize: 12 }}
              data-testid="receipt-text"
            />
            <Button
              type="primary"
              disabled={!log || text.trim() === ''}
              onClick={() => verify(text)}
              data-testid="verify"
            >
              {t('verify.receipt.check')}
            </Button>
          </Flex>
        </Card>
        {verification && (
          <Card size="small" data-testid="verification-result">
            <Flex vertical gap={16}>
              <Alert
                type={isValid ? 'success' : 'error'}
                showIcon
                title={isValid ? t('verify.result.valid') : t('verify.result.invalid')}
                data-testid="verification-verdict"
              />
              <VerificationSteps steps={steps} />
              {canCompare && (
                <Flex vertical gap={4}>
                  <Typography.Text type="secondary">{t('verify.consistency.hint')}</Typography.Text>
                  <Button onClick={() => void compare()} loading={isComparing} data-testid="check-consistency">
                    {t('verify.consistency.check')}
                  </Button>
                </Flex>
              )}
            </Flex>
          </Card>
        )}
        {verification && 'receipt' in verification && verification.report.isValid && (
          <EntryCard index={verification.receipt.index} entry={verification.report.entry} />
        )}
      </Flex>
    </Flex>
  );
}

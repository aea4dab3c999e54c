import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { logKeyFingerprint } from '@qingfeng/core';
import { useT } from '../../i18n';
import type { PublishedLog } from './verification';

/** The log's name, hash and public keys with their fingerprints, for people to compare by eye. */
export function PublishedKeysCard({ log, error }: { log: PublishedLog | undefined; error: string | null }) {
  const t = useT();
  return (
    <Card title={t('verify.keys')} size="small" data-testid="published-keys">
      {error && <Alert type="error" showIcon title={t('verify.keys.failed', { reason: error })} />}
      {log && (
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('verify.keysHint')}</Typography.Text>
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'origin',
                label: t('verify.keys.origin'),
                children: <Typography.Text code>{log.origin}</Typography.Text>,
              },
              { key: 'hash', label: t('verify.keys.hash'), children: log.hash === 'sm3' ? 'SM3' : 'SHA-256' },
            ]}
          />
          {log.keys.map((key) => (
            <Flex key={`${key.algorithm}-${key.keyName}`} vertical gap={2}>
              <span>
                <Tag color={key.algorithm === 'sm2' ? 'red' : 'blue'}>
                  {key.algorithm === 'sm2' ? 'SM2' : 'Ed25519'}
                </Tag>
                {t('verify.keys.fingerprint')}
              </span>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="key-fingerprint">
                {logKeyFingerprint(key)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}

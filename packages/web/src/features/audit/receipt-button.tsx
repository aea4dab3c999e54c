import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { fetchAuditReceipt } from '../../api/transparency';
import { useT } from '../../i18n';
import { useNotify } from '../../shared/use-notify';

/** Saves a JSON object as a file the browser downloads. */
function saveJson(fileName: string, value: unknown): void {
  const blob = new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * Downloads the transparency log receipt of an audit entry, for anyone to check on the public
 * verifier page. The server assembles it within the reader's jurisdiction and audits the download.
 */
export function ReceiptButton({ auditId }: { auditId: number }) {
  const t = useT();
  const { fail } = useNotify();
  const [isLoading, setLoading] = useState(false);
  const download = async () => {
    setLoading(true);
    try {
      saveJson(`receipt-audit-${auditId}.json`, await fetchAuditReceipt(auditId));
    } catch (error) {
      fail(error);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={isLoading}
      onClick={() => void download()}
      data-testid="download-receipt"
    >
      {t('verify.download')}
    </Button>
  );
}

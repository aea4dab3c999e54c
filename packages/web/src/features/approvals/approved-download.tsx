import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button } from 'antd';
import { type ReactNode, useState } from 'react';
import type { SensitiveKind } from '../../api/approvals';
import { ApiError, downloadFile } from '../../api/client';
import { useNotify } from '../../shared/use-notify';
import { AskApprovalModal } from './ask-approval-modal';

/**
 * A download the security administrator's four-eyes policy may hold back: saved at once when
 * the server allows it, or, when it answers `approval_required`, an offer to ask a second
 * person for this very download (`kind` and `query` as the server matches them).
 */
export function ApprovedDownload({
  url,
  fileName,
  kind,
  query,
  children,
  testId,
}: {
  url: string;
  fileName: string;
  kind: SensitiveKind;
  query: string;
  children: ReactNode;
  testId: string;
}) {
  const { fail } = useNotify();
  const [asking, setAsking] = useState<string | null>(null);
  const download = useMutation({
    mutationFn: () => downloadFile(url, fileName),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'approval_required') setAsking(query);
      else fail(error);
    },
  });
  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        loading={download.isPending}
        onClick={() => download.mutate()}
        data-testid={testId}
      >
        {children}
      </Button>
      <AskApprovalModal kind={kind} query={asking} onClose={() => setAsking(null)} />
    </>
  );
}

import { FileWordOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import type { ClueDetail } from '../../api/clues';
import { downloadFile } from '../../api/client';
import { useI18n } from '../../i18n';
import { useNotify } from '../../shared/use-notify';

/** The standard forms, each offered once the timeline holds the step it is written from. */
const FORMS = [
  { form: 'disposal-approval', key: 'clues.document.disposalApproval', from: ['propose_disposal', 'conclude_inquiry'] },
  { form: 'verification-report', key: 'clues.document.verificationReport', from: ['submit_verification_report'] },
] as const;

/** A standard form's download: a DOCX the server writes, audits and watermarks. */
export function DocumentButton({
  url,
  fileName,
  label,
  testId,
}: {
  url: string;
  fileName: string;
  label: string;
  testId: string;
}) {
  const { fail } = useNotify();
  const download = useMutation({ mutationFn: () => downloadFile(url, fileName), onError: fail });
  return (
    <Button
      icon={<FileWordOutlined />}
      loading={download.isPending}
      onClick={() => download.mutate()}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}

/** Download buttons for the clue's standard forms (DOCX, in Chinese; the server audits and watermarks each). */
export function ClueDocuments({ clue }: { clue: ClueDetail }) {
  const { t } = useI18n();
  const ready = FORMS.filter((f) => clue.timeline.some((s) => (f.from as readonly string[]).includes(s.action)));
  if (ready.length === 0) return null;
  return (
    <Space wrap style={{ marginTop: 8 }} data-testid="clue-documents">
      {ready.map((f) => (
        <DocumentButton
          key={f.form}
          url={`/api/v1/clues/${clue.id}/documents/${f.form}`}
          fileName={`${clue.registrationNumber ?? clue.id}-${t(f.key)}.docx`}
          label={t(f.key)}
          testId={`document-${f.form}`}
        />
      ))}
    </Space>
  );
}

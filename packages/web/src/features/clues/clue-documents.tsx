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

function DocumentButton({ clue, form, label }: { clue: ClueDetail; form: string; label: string }) {
  const { fail } = useNotify();
  const download = useMutation({
    mutationFn: () =>
      downloadFile(`/api/v1/clues/${clue.id}/documents/${form}`, `${clue.registrationNumber ?? clue.id}-${label}.docx`),
    onError: fail,
  });
  return (
    <Button
      icon={<FileWordOutlined />}
      loading={download.isPending}
      onClick={() => download.mutate()}
      data-testid={`document-${form}`}
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
        <DocumentButton key={f.form} clue={clue} form={f.form} label={t(f.key)} />
      ))}
    </Space>
  );
}

import { Button, Flex, Typography } from 'antd';
import { useRef } from 'react';
import { useI18n } from '../../i18n';

export interface Attachment {
  name: string;
  hash: string;
}

/** SHA-256 of a file's bytes, lower-case hex: what the timeline and the transparency log keep. */
async function sha256(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Files given with a step, as a form control: each is hashed in the browser and only its
 * name and hash are sent; the bytes stay with the handler's file system.
 */
export function AttachmentInput({
  value = [],
  onChange,
}: {
  value?: Attachment[];
  onChange?: (value: Attachment[]) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const add = async (files: FileList | null) => {
    const added = await Promise.all([...(files ?? [])].map(async (f) => ({ name: f.name, hash: await sha256(f) })));
    onChange?.([...value, ...added]);
    if (input.current) input.current.value = '';
  };
  return (
    <Flex vertical gap={8}>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="attachment-file"
        onChange={(e) => void add(e.target.files)}
      />
      <Button onClick={() => input.current?.click()}>{t('clues.step.addAttachment')}</Button>
      {value.map((a) => (
        <Typography.Text key={a.hash + a.name} style={{ wordBreak: 'break-all' }}>
          {a.name} · SHA-256 {a.hash.slice(0, 16)}…
        </Typography.Text>
      ))}
    </Flex>
  );
}

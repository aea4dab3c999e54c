import { Tooltip } from 'antd';
import type { Localised } from '../api/datasets';
import { useI18n } from '../i18n/i18n-provider';

/**
 * A division by its place name in the reader's language, its code on hover (a handler may
 * need it for a letter or a query); the code itself when the division register does not name it.
 */
export function PlaceName({ code, name }: { code: string | null; name: Localised | null | undefined }) {
  const { lang } = useI18n();
  if (code === null) return <>—</>;
  if (!name) return <span data-testid="place-code">{code}</span>;
  return (
    <Tooltip title={code}>
      <span data-testid="place-name" data-code={code}>
        {name[lang]}
      </span>
    </Tooltip>
  );
}

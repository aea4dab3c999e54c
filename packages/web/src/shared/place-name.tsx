import { Tooltip } from 'antd';

/**
 * A division by its place name, its code on hover (a handler may need it for a letter or a
 * query); the code itself when the division register does not name it.
 */
export function PlaceName({ code, name }: { code: string | null; name: string | null | undefined }) {
  if (code === null) return <>—</>;
  if (!name) return <span data-testid="place-code">{code}</span>;
  return (
    <Tooltip title={code}>
      <span data-testid="place-name" data-code={code}>
        {name}
      </span>
    </Tooltip>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';

/**
 * The builder's "add a row" button: dashed, with a plus, at the start of its column
 * (`block` stretches it across, for the top-level lists).
 */
export function AddButton(props: {
  onClick: () => void;
  children: ReactNode;
  testId?: string;
  small?: boolean;
  disabled?: boolean;
  block?: boolean;
}) {
  return (
    <Button
      type="dashed"
      icon={<PlusOutlined />}
      {...(props.small ? { size: 'small' as const } : {})}
      {...(props.block ? {} : { style: { alignSelf: 'start' } })}
      {...(props.disabled === undefined ? {} : { disabled: props.disabled })}
      {...(props.testId ? { 'data-testid': props.testId } : {})}
      onClick={props.onClick}
    >
      {props.children}
    </Button>
  );
}

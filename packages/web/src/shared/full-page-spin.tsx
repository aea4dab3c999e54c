import { Flex, Spin } from 'antd';

/** A centred spinner for whole-page loading states. */
export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

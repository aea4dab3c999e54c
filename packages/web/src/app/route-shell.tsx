import { Spin } from 'antd';
import { Outlet, useNavigation } from 'react-router';

/**
 * The root of every route. Pages are fetched when first visited and the router keeps the
 * current page up meanwhile; on a slow network a spinner says something is coming.
 */
export function RouteShell() {
  const loading = useNavigation().state === 'loading';
  return (
    <>
      <Outlet />
      {loading && <Spin fullscreen delay={300} />}
    </>
  );
}

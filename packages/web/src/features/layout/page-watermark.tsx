import { watermarkTime } from '@qingfeng/core';
import { Watermark } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useSignedInUser } from '../auth/use-me';

/**
 * A faint tiled watermark over the console's pages, which show people's data: the signed-in
 * user and the minute. A photograph or screenshot of a page then says whose screen it was,
 * as on other government systems; it does not get in the way of reading or clicking.
 */
export function PageWatermark({ children }: { children: ReactNode }) {
  const me = useSignedInUser();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <Watermark
      content={[`${me.displayName} ${me.username}`, watermarkTime(now)]}
      font={{ color: 'rgba(0, 0, 0, 0.07)', fontSize: 13 }}
      gap={[140, 120]}
      className="qf-page-watermark"
    >
      {children}
    </Watermark>
  );
}

/*
 * The visible watermark of anything that leaves the console with people's data in it (an
 * export, a page on screen): who took it and when. It does not stop a copy; it makes a
 * leaked copy say whose it was, which is what deters one. Pure, so the console and the
 * server write it the same way.
 */

/** Who a watermark names. */
export interface WatermarkUser {
  username: string;
  displayName?: string | null;
}

// Staff read times in Beijing time whatever the server's zone.
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2026-12-04 21:50 (UTC+8)`: the minute, in Beijing time. */
export function watermarkTime(at: Date): string {
  return `${new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')} (UTC+8)`;
}

/** `内部资料 注意保密 · 张三 (zhangsan) · 2026-12-04 21:50 (UTC+8)`: one line, both languages' readers. */
export function watermarkText(user: WatermarkUser, at: Date): string {
  const name =
    user.displayName && user.displayName !== user.username ? `${user.displayName} (${user.username})` : user.username;
  return `内部资料 注意保密 Confidential · ${name} · ${watermarkTime(at)}`;
}

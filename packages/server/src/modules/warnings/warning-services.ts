import type { Platform } from '../../platform/platform.js';
import type { WarningFeed } from './warning-feed.js';

/** What the warnings module needs: the platform, and the live feed new warnings are published on. */
export interface WarningServices extends Platform {
  readonly warningFeed: WarningFeed;
}

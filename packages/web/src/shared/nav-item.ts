import type { Permission } from '@qingfeng/core';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n';

/**
 * One entry of the console menu. It lives here, below the features, so that each feature
 * can declare its own entries and the layout can compose them without an import cycle.
 */
export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to users holding this permission; undefined = every signed-in user. */
  permission?: Permission;
  /** Shown on the home page as a quick link. */
  quickLink?: boolean;
}

import type { Permission } from '@qingfeng/core';
import { type MessageKey, zh } from './zh';

export type { MessageKey };

/** Every language must provide every key the Chinese dictionary has. */
export type Messages = Record<MessageKey, string>;

/** Every permission must have a label (checked at compile time). */
type PermissionKeys = `perm.${Permission}`;
const _everyPermissionLabelled: Record<PermissionKeys, string> = zh;
void _everyPermissionLabelled;

export type Lang = 'zh' | 'en';

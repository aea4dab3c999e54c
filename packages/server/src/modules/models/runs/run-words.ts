import type { LocalisedText } from '@qingfeng/core';
import type { ModelRunStatus } from '../../../db/schema.js';

// A run's status in the words the console uses (web i18n models-*.ts), for messages that
// name it: "run 7 has finished (cancelled)", never `cancelled` as the engine stores it.
export const RUN_STATUS_WORDS: Readonly<Record<ModelRunStatus, LocalisedText>> = {
  queued: { zh: '排队中', en: 'queued' },
  running: { zh: '运行中', en: 'running' },
  succeeded: { zh: '已完成', en: 'succeeded' },
  skipped: { zh: '已跳过', en: 'skipped' },
  failed: { zh: '失败', en: 'failed' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

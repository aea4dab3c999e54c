import type { LocalisedText } from '@qingfeng/core';
import type { ImportBatchStatus } from '../../../db/schema.js';

// A batch's status in the words the console uses (web i18n datasets-*.ts), for messages
// that name it: a reader is told a batch "has been rolled back", never `rolled_back`.
export const BATCH_STATUS_WORDS: Readonly<Record<ImportBatchStatus, LocalisedText>> = {
  loading: { zh: '导入中', en: 'still loading' },
  loaded: { zh: '已导入', en: 'loaded' },
  failed: { zh: '导入失败', en: 'a failed import' },
  rolled_back: { zh: '已回滚', en: 'rolled back' },
};

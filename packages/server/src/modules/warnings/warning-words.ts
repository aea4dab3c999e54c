import type { LocalisedText } from '@qingfeng/core';
import type { TWarning } from './warnings.schemas.js';

// The words an export writes for a warning's codes, matching the console's (web i18n warnings-*.ts).

export const SEVERITY_WORDS: Readonly<Record<TWarning['severity'], LocalisedText>> = {
  red: { zh: '红色', en: 'Red' },
  orange: { zh: '橙色', en: 'Orange' },
  yellow: { zh: '黄色', en: 'Yellow' },
};

export const STATUS_WORDS: Readonly<Record<TWarning['status'], LocalisedText>> = {
  new: { zh: '新预警', en: 'New' },
  under_review: { zh: '核查中', en: 'Under review' },
  confirmed: { zh: '已查实', en: 'Confirmed' },
  false_positive: { zh: '误报', en: 'False positive' },
  not_actionable: { zh: '无需处置', en: 'Not actionable' },
};

export const RETIRED_WORDS: Readonly<Record<NonNullable<TWarning['retiredReason']>, LocalisedText>> = {
  evidence_rolled_back: { zh: '证据已回滚', en: 'evidence rolled back' },
  no_longer_found: { zh: '不再发现', en: 'no longer found' },
};

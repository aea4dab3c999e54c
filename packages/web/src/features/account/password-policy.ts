import {
  checkPasswordPolicy,
  countCharacterClasses,
  PASSWORD_HISTORY_DEPTH,
  PASSWORD_MIN_CLASSES,
  PASSWORD_MIN_LENGTH,
} from '@qingfeng/core';
import type { Rule } from 'antd/es/form';
import type { Translate } from '../../i18n';

/**
 * The password policy lives once, in core; the form checks it before sending so the user
 * sees every broken rule at once. Reuse of recent passwords only the server can check.
 */
export const PASSWORD_POLICY = {
  minLength: PASSWORD_MIN_LENGTH,
  minClasses: PASSWORD_MIN_CLASSES,
  historyCount: PASSWORD_HISTORY_DEPTH,
} as const;

export { countCharacterClasses };

/** Length in code points, so a Chinese character counts once (as the server counts). */
export function passwordLength(password: string): number {
  return [...password].length;
}

/** Form rules for a new password, the same as the server applies. */
export function newPasswordRules(t: Translate, username?: string): Rule[] {
  return [
    { required: true, message: t('common.required', { field: t('password.new') }) },
    {
      validator: async (_rule, value: string | undefined) => {
        if (!value) return;
        const result = checkPasswordPolicy(value, { username: username ?? '' });
        if (result.ok) return;
        const messages = result.problems.map((problem) => {
          switch (problem.code) {
            case 'password_too_short':
              return t('password.ruleLength', { min: PASSWORD_MIN_LENGTH });
            case 'password_too_few_classes':
              return t('password.ruleClasses');
            case 'password_contains_username':
              return t('error.password_contains_username');
            case 'password_reused':
              return t('password.ruleHistory', { count: PASSWORD_HISTORY_DEPTH });
          }
        });
        throw new Error(messages.join('；'));
      },
    },
  ];
}

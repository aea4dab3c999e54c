import type { Rule } from 'antd/es/form';
import type { Translate } from '../../i18n';

/**
 * The server's password policy (modules/auth/password-policy.ts), checked in the form
 * before it is sent: at least `minLength` characters (code points, so a Chinese character
 * counts once), three of the four character classes, not the username. Reuse of the last
 * `historyCount` passwords can only be checked by the server.
 */
export const PASSWORD_POLICY = { minLength: 10, minClasses: 3, historyCount: 5 } as const;

/** How many of lower case, upper case, digits and symbols (anything else) the password mixes. */
export function countCharacterClasses(password: string): number {
  const classes = new Set<string>();
  for (const char of password) {
    if (/\p{Ll}/u.test(char)) classes.add('lower');
    else if (/\p{Lu}/u.test(char)) classes.add('upper');
    else if (/\p{Nd}/u.test(char)) classes.add('digit');
    else classes.add('symbol');
  }
  return classes.size;
}

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
        if (passwordLength(value) < PASSWORD_POLICY.minLength) {
          throw new Error(t('password.ruleLength', { min: PASSWORD_POLICY.minLength }));
        }
        if (countCharacterClasses(value) < PASSWORD_POLICY.minClasses) throw new Error(t('password.ruleClasses'));
        if (username && value.trim().toLowerCase() === username.trim().toLowerCase()) {
          throw new Error(t('error.password_equals_username'));
        }
      },
    },
  ];
}

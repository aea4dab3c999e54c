/**
 * The password rules of GB/T 22239 level 3 as this platform applies them: long enough,
 * mixed enough, not containing the username, not recently used, and changed before it grows old.
 * Pure functions, so the rules can be tested and shown to the user without a database.
 */

/** Minimum length in characters (code points, so a Chinese character counts once). */
export const PASSWORD_MIN_LENGTH = 10;
/** How many of the four character classes a password must mix. */
export const PASSWORD_MIN_CLASSES = 3;
/** How many previous passwords (the current one included) may not be chosen again. */
export const PASSWORD_HISTORY_DEPTH = 5;

/** Parts of a username between separators this long or longer may not appear in the password either. */
export const NAME_PART_MIN_LENGTH = 4;

export type PasswordProblemCode =
  'password_too_short' | 'password_too_few_classes' | 'password_contains_username' | 'password_reused';

/** One broken rule, with a stable code and the sentence to show in either language. */
export interface PasswordProblem {
  code: PasswordProblemCode;
  zh: string;
  en: string;
}

export type PasswordPolicyResult = { ok: true } | { ok: false; problems: PasswordProblem[] };

const MESSAGES: Record<PasswordProblemCode, { zh: string; en: string }> = {
  password_too_short: {
    zh: `密码长度至少 ${PASSWORD_MIN_LENGTH} 位`,
    en: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long`,
  },
  password_too_few_classes: {
    zh: `密码须包含小写字母、大写字母、数字、符号中的至少 ${PASSWORD_MIN_CLASSES} 类`,
    en: `The password must mix at least ${PASSWORD_MIN_CLASSES} of: lower-case letters, upper-case letters, digits, symbols`,
  },
  password_contains_username: {
    zh: `密码不能包含用户名（或用户名中 ${NAME_PART_MIN_LENGTH} 位以上、以点、横线或下划线分隔的部分），不区分大小写`,
    en: `The password must not contain the username (nor a part of it of ${NAME_PART_MIN_LENGTH} or more characters between dots, dashes or underscores), whatever the case`,
  },
  password_reused: {
    zh: `不能使用最近 ${PASSWORD_HISTORY_DEPTH} 次用过的密码`,
    en: `The password must differ from the last ${PASSWORD_HISTORY_DEPTH} passwords`,
  },
};

/** The problem named by a code, with its messages. */
export function passwordProblem(code: PasswordProblemCode): PasswordProblem {
  return { code, ...MESSAGES[code] };
}

/** How many of lower case, upper case, digits and symbols (anything else) the password uses. */
export function countCharacterClasses(password: string): number {
  let lower = false;
  let upper = false;
  let digit = false;
  let symbol = false;
  for (const char of password) {
    if (/\p{Ll}/u.test(char)) lower = true;
    else if (/\p{Lu}/u.test(char)) upper = true;
    else if (/\p{Nd}/u.test(char)) digit = true;
    else symbol = true;
  }
  return [lower, upper, digit, symbol].filter(Boolean).length;
}

/**
 * Whether the password contains the username, or one of its parts between `.`, `-` and
 * `_` of NAME_PART_MIN_LENGTH characters or more, ignoring case: `demo.leader2024!` for
 * `demo.leader` is the first guess of anyone who knows the username, and so is
 * `Leader#2024x`. Shorter parts (`li` of `wang.li`) would refuse too much to help.
 */
export function containsUsername(password: string, username: string): boolean {
  const name = username.trim().toLowerCase();
  if (name === '') return false;
  const haystack = password.toLowerCase();
  const parts = name.split(/[._-]+/).filter((part) => [...part].length >= NAME_PART_MIN_LENGTH);
  return [name, ...parts].some((part) => haystack.includes(part));
}

/**
 * Checks the rules that need only the password and the username. Every broken rule is
 * reported, so the user fixes them all at once. Reuse is checked by the service, which
 * holds the history.
 */
export function checkPasswordPolicy(password: string, context: { username: string }): PasswordPolicyResult {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(passwordProblem('password_too_short'));
  if (countCharacterClasses(password) < PASSWORD_MIN_CLASSES)
    problems.push(passwordProblem('password_too_few_classes'));
  if (containsUsername(password, context.username)) problems.push(passwordProblem('password_contains_username'));
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** Whether a password set at `changedAt` has outlived `maxAgeDays` (0 = passwords never expire). */
export function isPasswordExpired(changedAt: Date, maxAgeDays: number, now: Date): boolean {
  return maxAgeDays > 0 && now.getTime() - changedAt.getTime() > maxAgeDays * 86_400_000;
}

import type { InitialLogin } from '../../app/first-administrators.js';
import type { CommandOutput } from './open-services.js';

/**
 * Prints new accounts' temporary passwords, one per line in a fixed shape that scripts
 * (and the browser tests) can read: `  username: <u>  role: <r>  password: <p>`.
 */
export function printLogins(logins: InitialLogin[], output: CommandOutput): void {
  if (logins.length === 0) return;
  output.out('Sign in with (passwords shown once; each must be changed at first sign-in):\n');
  for (const login of logins) {
    output.out(`  username: ${login.username}  role: ${login.role}  password: ${login.password}\n`);
  }
}

import { type Algorithm, hash, verify } from '@node-rs/argon2';

// Argon2id with OWASP's recommended floor (19 MiB, 2 passes, 1 lane): slow enough to hurt
// an offline guesser, fast enough (~30 ms here) not to make sign-in a denial of service.
const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id: a const enum, unusable under isolatedModules.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with Argon2id; the result carries its own salt and parameters. */
export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Whether the password matches the hash. Never throws on a malformed hash: that is a no. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

import type { Permission, Role } from '@qingfeng/core';
import { api, setCsrfToken } from './client';
import type { Localised } from './datasets';

/** The signed-in user, as `GET /api/v1/auth/me` answers. */
export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  orgName: string;
  divisionCode: string;
  /** The jurisdiction's place name; null when the division register does not name it. */
  divisionName: Localised | null;
  permissions: Permission[];
  mustChangePassword: boolean;
  mustEnrolTotp: boolean;
  totpEnabled: boolean;
  csrfToken: string;
}

export interface SignInResult {
  status: 'signed_in' | 'totp_required';
  user?: Me;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

export interface RecoveryCodes {
  recoveryCodes: string[];
}

function remember<T extends { user?: Me }>(result: T): T {
  if (result.user) setCsrfToken(result.user.csrfToken);
  return result;
}

export async function getMe(): Promise<Me> {
  const me = await api.get<Me>('/api/v1/auth/me');
  setCsrfToken(me.csrfToken);
  return me;
}

export async function signIn(username: string, password: string): Promise<SignInResult> {
  return remember(await api.post<SignInResult>('/api/v1/auth/sign-in', { username, password }));
}

export async function verifyTotp(input: { code: string } | { recoveryCode: string }): Promise<SignInResult> {
  return remember(await api.post<SignInResult>('/api/v1/auth/totp/verify', input));
}

export async function signOut(everywhere = false): Promise<void> {
  await api.post<unknown>(everywhere ? '/api/v1/auth/sign-out-everywhere' : '/api/v1/auth/sign-out');
  setCsrfToken(undefined);
}

export function changePassword(currentPassword: string, newPassword: string): Promise<unknown> {
  return api.post('/api/v1/auth/password', { currentPassword, newPassword });
}

export function setupTotp(): Promise<TotpSetup> {
  return api.post<TotpSetup>('/api/v1/auth/totp/setup');
}

export function confirmTotp(code: string): Promise<RecoveryCodes> {
  return api.post<RecoveryCodes>('/api/v1/auth/totp/confirm', { code });
}

export function disableTotp(password: string): Promise<unknown> {
  return api.post('/api/v1/auth/totp/disable', { password });
}

export function regenerateRecoveryCodes(password: string): Promise<RecoveryCodes> {
  return api.post<RecoveryCodes>('/api/v1/auth/recovery-codes', { password });
}

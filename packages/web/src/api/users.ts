import type { Role } from '@qingfeng/core';
import { api } from './client';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  org: { id: number; code: string; name: string; divisionCode: string };
  /** Masked phone number, e.g. 138****5678; null when none is on file. */
  phone: string | null;
  disabled: boolean;
  locked: boolean;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  passwordChangedAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface UserPage {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UserQuery {
  page: number;
  pageSize: number;
  orgId?: number;
  role?: Role;
  q?: string;
  disabled?: boolean;
}

export interface UserInput {
  username: string;
  displayName: string;
  orgId: number;
  role: Role;
  phone?: string;
}

export type UserUpdate = Partial<Omit<UserInput, 'username' | 'phone'>> & { disabled?: boolean; phone?: string | null };

/** A new or reset user with the temporary password, shown this once. */
export interface UserWithPassword {
  user: User;
  temporaryPassword: string;
}

export function listUsers(query: UserQuery): Promise<UserPage> {
  return api.get<UserPage>('/api/v1/users', { ...query });
}

export function getUser(id: number): Promise<User> {
  return api.get<User>(`/api/v1/users/${id}`);
}

export function createUser(input: UserInput): Promise<UserWithPassword> {
  return api.post<UserWithPassword>('/api/v1/users', input);
}

export function updateUser(id: number, input: UserUpdate): Promise<User> {
  return api.patch<User>(`/api/v1/users/${id}`, input);
}

export function resetPassword(id: number): Promise<UserWithPassword> {
  return api.post<UserWithPassword>(`/api/v1/users/${id}/reset-password`);
}

export function unlockUser(id: number): Promise<unknown> {
  return api.post(`/api/v1/users/${id}/unlock`);
}

/** Reads the whole phone number; the reason is recorded in the audit trail. */
export function revealPhone(id: number, reason: string): Promise<{ phone: string | null }> {
  return api.get<{ phone: string | null }>(`/api/v1/users/${id}/phone`, { reason });
}

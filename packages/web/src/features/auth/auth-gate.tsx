import type { Permission } from '@qingfeng/core';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useT } from '../../i18n';
import { FullPageSpin } from '../../shared/full-page-spin';
import { useMe } from './use-me';

type Stage = 'console' | 'change-password' | 'enrol-totp';

/**
 * Lets a page render only at the right stage of signing in: nobody signed in goes to the
 * sign-in page; a pending password change, then a pending TOTP enrolment, come before
 * anything else.
 */
export function AuthGate({ stage, children }: { stage: Stage; children: ReactNode }) {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) throw error;
  if (!me) {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/sign-in${next}`} replace />;
  }
  if (me.mustChangePassword) {
    return stage === 'change-password' ? children : <Navigate to="/change-password" replace />;
  }
  if (me.mustEnrolTotp) {
    return stage === 'enrol-totp' ? children : <Navigate to="/enrol-totp" replace />;
  }
  // The enrolment page stays up after confirming, to show the recovery codes once.
  if (stage === 'change-password') return <Navigate to="/" replace />;
  return children;
}

/** Renders its children only for users holding the permission (every one of them, when several are named). */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission | readonly Permission[];
  children: ReactNode;
}) {
  const { data: me } = useMe();
  const t = useT();
  const needed: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  if (!needed.every((p) => me?.permissions.includes(p))) return <Result status="403" title={t('forbidden.title')} />;
  return children;
}

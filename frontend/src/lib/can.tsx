import type { ReactNode } from 'react';
import type { Me } from './api-types';
import { useAuth } from './auth';

/** Permission strings as returned by GET /me (e.g. "establishments:write"). */
export type Permission = Me['permissions'][number];

export function useCan(permission: Permission): boolean {
  return useAuth().hasPermission(permission);
}

/** Renders its children only when the signed-in user holds the permission. */
export function Can({
  permission,
  children,
  fallback = null,
}: {
  permission: Permission;
  children: ReactNode;
  fallback?: ReactNode;
}) {
  return <>{useCan(permission) ? children : fallback}</>;
}

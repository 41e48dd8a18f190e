import type { MeView, Role, RoleGrantView } from '@lianxin/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { ApiError, call, onSessionExpired, setCsrfToken } from '../../api/client';
import { clearCachedAnswers } from '../../shared/register-sw';

/** One role the user holds in one unit (from /api/auth/me). */
export type RoleGrant = RoleGrantView;

/** The signed-in staff member; `roles` are grants, so `holds(me.roles, ability, area)` answers from the access tables. */
export type Me = MeView;

interface SessionValue {
  me: Me | null;
  /** True while the first /api/auth/me is in flight. */
  loading: boolean;
  /** Set when the session ended on its own (timeout), so sign-in can say why. */
  expired: boolean;
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [expired, setExpired] = useState(false);

  const accept = useCallback((next: Me | null) => {
    setCsrfToken(next?.csrfToken);
    setMe(next);
  }, []);

  useEffect(() => {
    call('GET /api/auth/me')
      .then(accept, (error) => {
        if (!(error instanceof ApiError && error.status === 401)) console.error(error);
        accept(null);
      })
      .finally(() => setLoading(false));
  }, [accept]);

  useEffect(
    () =>
      onSessionExpired(() => {
        setExpired(true);
        accept(null);
      }),
    [accept],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      accept(await call('POST /api/auth/login', { body: { username, password } }));
      setExpired(false);
    },
    [accept],
  );

  const signOut = useCallback(async () => {
    try {
      await call('POST /api/auth/logout');
    } finally {
      clearCachedAnswers();
      accept(null);
    }
  }, [accept]);

  return <SessionContext.Provider value={{ me, loading, expired, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages behind the sign-in guard. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}

/** Whether the user holds any of these roles (pass the lists of the access tables in `@lianxin/core`). */
export const hasRole = (me: { roles: ReadonlyArray<{ role: Role }> }, ...roles: readonly Role[]) => me.roles.some((g) => roles.includes(g.role));

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useAuth } from '@/lib/auth';
import type { Problem } from '@/lib/problem';
import {
  backoffDelay,
  enqueue,
  flushOutbox,
  idbOutboxStore,
  replaceBody,
  sendEntry,
  type OutboxEntry,
  type OutboxKind,
  type OutboxStore,
  type Sender,
} from './outbox';
import { ensureSession, sendOutboxEntry, type SessionState } from './send';

export type SubmitResult =
  | { kind: 'sent'; data: unknown }
  | { kind: 'failed'; entry: OutboxEntry; status: number; problem: Problem }
  | { kind: 'queued'; entry: OutboxEntry };

export interface OutboxContextValue {
  /** The signed-in user's entries, oldest first. */
  entries: OutboxEntry[];
  /** False until the outbox was read once (for the "fix" screens). */
  ready: boolean;
  pendingCount: number;
  failedCount: number;
  online: boolean;
  syncing: boolean;
  /** Puts the record in the outbox and, when online, sends it at once. */
  submit: (kind: OutboxKind, body: Record<string, unknown>) => Promise<SubmitResult>;
  /** A corrected body for a failed entry, sent at once when online. */
  replace: (key: string, body: Record<string, unknown>) => Promise<SubmitResult>;
  discard: (key: string) => Promise<void>;
  /** Sends everything pending now. */
  flush: () => Promise<void>;
  /** Results of records sent in the background since the last call (to tell the person). */
  lastSynced: number;
}

const OutboxContext = createContext<OutboxContextValue | null>(null);

const QUERY_ROOTS: Record<OutboxKind, string[]> = {
  contact: ['contacts', 'clients'],
  activity: ['activities'],
};

function isOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

export function OutboxProvider({
  children,
  store = idbOutboxStore,
  sender = sendOutboxEntry,
  session = ensureSession,
}: {
  children: ReactNode;
  store?: OutboxStore;
  sender?: Sender;
  session?: () => Promise<SessionState>;
}) {
  const { user, status } = useAuth();
  const owner = status === 'authenticated' ? (user?.id ?? null) : null;
  const queryClient = useQueryClient();
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [ready, setReady] = useState(false);
  const [online, setOnline] = useState(isOnline);
  const [syncing, setSyncing] = useState(false);
  const [lastSynced, setLastSynced] = useState(0);
  const lock = useRef<Promise<unknown>>(Promise.resolve());
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failures = useRef(0);
  const ownerRef = useRef(owner);
  ownerRef.current = owner;

  // Every send goes through one chain: a record being sent by submit() is never sent by a flush
  // at the same moment (the server would answer "in progress" and the entry would come back).
  const exclusive = useCallback(<T,>(fn: () => Promise<T>): Promise<T> => {
    const run = lock.current.then(fn, fn);
    lock.current = run.catch(() => undefined);
    return run;
  }, []);

  const reload = useCallback(async () => {
    const current = ownerRef.current;
    if (!current) {
      setEntries([]);
      return;
    }
    try {
      setEntries(await store.list(current));
    } catch {
      setEntries([]);
    } finally {
      setReady(true);
    }
  }, [store]);

  const invalidate = useCallback(
    (kinds: Iterable<OutboxKind>) => {
      const roots = new Set([...kinds].flatMap((k) => QUERY_ROOTS[k]));
      roots.forEach((root) => void queryClient.invalidateQueries({ queryKey: [root] }));
    },
    [queryClient],
  );

  const flushRef = useRef<() => Promise<void>>(async () => undefined);

  const scheduleRetry = useCallback(() => {
    if (retryTimer.current) clearTimeout(retryTimer.current);
    failures.current += 1;
    retryTimer.current = setTimeout(() => {
      retryTimer.current = null;
      void flushRef.current();
    }, backoffDelay(failures.current));
  }, []);

  const flush = useCallback(async () => {
    const current = ownerRef.current;
    if (!current || !isOnline()) return;
    await exclusive(async () => {
      const waiting = (await store.list(current)).filter((e) => e.status === 'pending');
      if (waiting.length === 0) return;
      setSyncing(true);
      try {
        const state = await session();
        if (state === 'offline') {
          scheduleRetry();
          return;
        }
        if (state === 'rejected') return; // signed out: the entries wait for the next sign-in
        const summary = await flushOutbox(store, current, sender);
        if (summary.sent.length) {
          invalidate(summary.sent.map((o) => o.entry.kind));
          setLastSynced((n) => n + summary.sent.length);
        }
        if (summary.interrupted && !summary.authLost) scheduleRetry();
        else failures.current = 0;
      } finally {
        setSyncing(false);
        await reload();
      }
    });
  }, [exclusive, invalidate, reload, scheduleRetry, sender, session, store]);
  flushRef.current = flush;

  const sendNow = useCallback(
    async (entry: OutboxEntry): Promise<SubmitResult> => {
      if (!isOnline()) {
        await reload();
        return { kind: 'queued', entry };
      }
      const outcome = await exclusive(async () => {
        const state = await session();
        if (state !== 'ok') return null;
        return sendEntry(store, entry, sender);
      });
      await reload();
      if (outcome?.kind === 'sent') {
        invalidate([entry.kind]);
        // The network is back: send whatever else was waiting.
        void flush();
        return { kind: 'sent', data: outcome.data };
      }
      if (outcome?.kind === 'failed')
        return { kind: 'failed', entry: outcome.entry, status: outcome.status, problem: outcome.problem };
      if (!outcome || outcome.kind === 'retry') scheduleRetry();
      return { kind: 'queued', entry: outcome?.entry ?? entry };
    },
    [exclusive, flush, invalidate, reload, scheduleRetry, sender, session, store],
  );

  const submit = useCallback(
    async (kind: OutboxKind, body: Record<string, unknown>) => {
      const current = ownerRef.current;
      if (!current) throw new Error('Not signed in');
      const entry = await enqueue(store, kind, current, body);
      return sendNow(entry);
    },
    [sendNow, store],
  );

  const replace = useCallback(
    async (key: string, body: Record<string, unknown>) => sendNow(await replaceBody(store, key, body)),
    [sendNow, store],
  );

  const discard = useCallback(
    async (key: string) => {
      await store.remove(key);
      await reload();
    },
    [reload, store],
  );

  // On start (and on a change of user): show and send what is waiting.
  useEffect(() => {
    void reload().then(() => flushRef.current());
  }, [owner, reload]);

  useEffect(() => {
    const goOnline = () => {
      setOnline(true);
      failures.current = 0;
      if (retryTimer.current) clearTimeout(retryTimer.current);
      retryTimer.current = null;
      void flushRef.current();
    };
    const goOffline = () => setOnline(false);
    const onVisible = () => {
      if (document.visibilityState === 'visible') void flushRef.current();
    };
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      document.removeEventListener('visibilitychange', onVisible);
      if (retryTimer.current) clearTimeout(retryTimer.current);
    };
  }, []);

  const value = useMemo<OutboxContextValue>(
    () => ({
      entries,
      ready,
      pendingCount: entries.filter((e) => e.status === 'pending').length,
      failedCount: entries.filter((e) => e.status === 'failed').length,
      online,
      syncing,
      submit,
      replace,
      discard,
      flush,
      lastSynced,
    }),
    [entries, ready, online, syncing, submit, replace, discard, flush, lastSynced],
  );

  return <OutboxContext.Provider value={value}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): OutboxContextValue {
  const ctx = useContext(OutboxContext);
  if (!ctx) throw new Error('useOutbox must be used inside <OutboxProvider>');
  return ctx;
}

/** Test helper: provide a fixed outbox state. */
export const OutboxContextProvider = OutboxContext.Provider;

// The outbox: records made on the phone wait here (IndexedDB) until the server has them.
//
// Each entry is created with its Idempotency-Key at submission time and is resent with that SAME
// key until the server answers, so a send whose answer was lost on a patchy connection is never
// recorded twice. A 4xx answer marks the entry failed with the server's message; it stays until
// the person fixes or discards it. Nothing is dropped silently.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Problem } from '@/lib/problem';
import { newIdempotencyKey } from '@/lib/format';

export type OutboxKind = 'contact' | 'activity';

export interface OutboxEntry {
  /** The Idempotency-Key sent with every attempt; also the entry's id. */
  key: string;
  kind: OutboxKind;
  /** Id of the user who recorded it: only they see and send it. */
  owner: string;
  /** The JSON body of the POST. */
  body: Record<string, unknown>;
  created_at: string;
  /** Submission order (several records can share a millisecond). */
  seq: number;
  status: 'pending' | 'failed';
  attempts: number;
  /** Last transient failure (network, 5xx), kept for the list. */
  last_error?: string | null;
  /** Why the server refused it (4xx), shown to the person. */
  problem?: Problem | null;
}

interface OutboxDB extends DBSchema {
  outbox: {
    key: string;
    value: OutboxEntry;
    indexes: { owner: string };
  };
}

const DB_NAME = 'donghanh-offline';
const STORE = 'outbox';

export interface OutboxStore {
  add(entry: OutboxEntry): Promise<void>;
  put(entry: OutboxEntry): Promise<void>;
  get(key: string): Promise<OutboxEntry | undefined>;
  remove(key: string): Promise<void>;
  list(owner: string): Promise<OutboxEntry[]>;
}

let dbPromise: Promise<IDBPDatabase<OutboxDB>> | null = null;

function db(): Promise<IDBPDatabase<OutboxDB>> {
  if (!dbPromise) {
    dbPromise = openDB<OutboxDB>(DB_NAME, 1, {
      upgrade(database) {
        const store = database.createObjectStore(STORE, { keyPath: 'key' });
        store.createIndex('owner', 'owner');
      },
    });
    dbPromise.catch(() => {
      dbPromise = null;
    });
  }
  return dbPromise;
}

/** Test hook: forget the open connection (a fresh fake IndexedDB per test). */
export function resetOutboxConnection(): void {
  dbPromise = null;
}

export const idbOutboxStore: OutboxStore = {
  async add(entry) {
    await (await db()).add(STORE, entry);
  },
  async put(entry) {
    await (await db()).put(STORE, entry);
  },
  async get(key) {
    return (await db()).get(STORE, key);
  },
  async remove(key) {
    await (await db()).delete(STORE, key);
  },
  async list(owner) {
    const items = await (await db()).getAllFromIndex(STORE, 'owner', owner);
    return items.sort(bySubmission);
  },
};

let counter = 0;
function nextSeq(): number {
  counter = (counter + 1) % 1000;
  return Date.now() * 1000 + counter;
}

export function bySubmission(a: OutboxEntry, b: OutboxEntry): number {
  return (a.seq ?? 0) - (b.seq ?? 0) || a.created_at.localeCompare(b.created_at);
}

export async function enqueue(
  store: OutboxStore,
  kind: OutboxKind,
  owner: string,
  body: Record<string, unknown>,
): Promise<OutboxEntry> {
  const entry: OutboxEntry = {
    key: newIdempotencyKey(),
    kind,
    owner,
    body,
    created_at: new Date().toISOString(),
    seq: nextSeq(),
    status: 'pending',
    attempts: 0,
    last_error: null,
    problem: null,
  };
  await store.add(entry);
  return entry;
}

/**
 * A corrected body replaces a failed entry. The server refused the old request (4xx) and created
 * nothing, so the new body travels under a NEW key: the server binds a key to one exact body.
 */
export async function replaceBody(
  store: OutboxStore,
  key: string,
  body: Record<string, unknown>,
): Promise<OutboxEntry> {
  const old = await store.get(key);
  if (!old) throw new Error(`No outbox entry ${key}`);
  const entry: OutboxEntry = {
    ...old,
    key: newIdempotencyKey(),
    body,
    status: 'pending',
    attempts: 0,
    last_error: null,
    problem: null,
  };
  await store.add(entry);
  await store.remove(key);
  return entry;
}

/** What a sender reports for one attempt; it throws only when there was no answer at all. */
export interface SendAnswer {
  status: number;
  body: unknown;
}

export type Sender = (entry: OutboxEntry) => Promise<SendAnswer>;

export type SendOutcome =
  | { kind: 'sent'; entry: OutboxEntry; data: unknown }
  | { kind: 'failed'; entry: OutboxEntry; status: number; problem: Problem }
  | { kind: 'retry'; entry: OutboxEntry; reason: string }
  | { kind: 'auth'; entry: OutboxEntry };

/** Answers that may succeed later with the same request. */
function isTransient(status: number, body: unknown): boolean {
  if (status >= 500 || status === 408 || status === 425 || status === 429) return true;
  // 409 without candidates: the same key is still being processed (a parallel send) — retry shortly.
  if (status === 409) return !(body && typeof body === 'object' && 'candidates' in body);
  return false;
}

function asProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object') return { status, ...(body as Problem) };
  return { status, title: typeof body === 'string' && body ? body : `HTTP ${status}` };
}

/** One attempt for one entry, recorded in the store. */
export async function sendEntry(store: OutboxStore, entry: OutboxEntry, send: Sender): Promise<SendOutcome> {
  let answer: SendAnswer;
  try {
    answer = await send(entry);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const next = { ...entry, status: 'pending' as const, attempts: entry.attempts + 1, last_error: reason };
    await store.put(next);
    return { kind: 'retry', entry: next, reason };
  }
  if (answer.status >= 200 && answer.status < 300) {
    await store.remove(entry.key);
    return { kind: 'sent', entry, data: answer.body };
  }
  if (answer.status === 401) {
    // The session could not be refreshed: keep the entry for after the next sign-in.
    const next = { ...entry, status: 'pending' as const, last_error: 'HTTP 401' };
    await store.put(next);
    return { kind: 'auth', entry: next };
  }
  if (isTransient(answer.status, answer.body)) {
    const reason = `HTTP ${answer.status}`;
    const next = { ...entry, status: 'pending' as const, attempts: entry.attempts + 1, last_error: reason };
    await store.put(next);
    return { kind: 'retry', entry: next, reason };
  }
  const problem = asProblem(answer.status, answer.body);
  const next = { ...entry, status: 'failed' as const, attempts: entry.attempts + 1, problem, last_error: null };
  await store.put(next);
  return { kind: 'failed', entry: next, status: answer.status, problem };
}

export interface FlushSummary {
  sent: SendOutcome[];
  failed: SendOutcome[];
  /** True when sending stopped on a transient error (network down, server busy): retry later. */
  interrupted: boolean;
  /** True when the server no longer accepts the session: wait for a new sign-in. */
  authLost: boolean;
  /** Entries still pending after the flush. */
  pending: number;
}

/**
 * Sends every pending entry of `owner`, oldest first. Stops at the first transient failure
 * (the network is likely gone again); failed entries are left for the person to handle.
 */
export async function flushOutbox(store: OutboxStore, owner: string, send: Sender): Promise<FlushSummary> {
  const summary: FlushSummary = { sent: [], failed: [], interrupted: false, authLost: false, pending: 0 };
  const entries = (await store.list(owner)).filter((e) => e.status === 'pending');
  for (const entry of entries) {
    const outcome = await sendEntry(store, entry, send);
    if (outcome.kind === 'sent') summary.sent.push(outcome);
    else if (outcome.kind === 'failed') summary.failed.push(outcome);
    else {
      summary.interrupted = true;
      summary.authLost = outcome.kind === 'auth';
      break;
    }
  }
  summary.pending = (await store.list(owner)).filter((e) => e.status === 'pending').length;
  return summary;
}

/** Delay before the n-th consecutive retry (n ≥ 1): 2 s, 4 s, 8 s … at most 5 minutes. */
export function backoffDelay(attempt: number): number {
  return Math.min(2000 * 2 ** Math.max(0, attempt - 1), 5 * 60_000);
}

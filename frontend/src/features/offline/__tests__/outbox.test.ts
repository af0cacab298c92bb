import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  backoffDelay,
  enqueue,
  flushOutbox,
  idbOutboxStore as store,
  replaceBody,
  resetOutboxConnection,
  type OutboxEntry,
  type Sender,
} from '../outbox';

const ME = 'user-1';
const body = (n: number) => ({ contacted_on: '2026-11-20', org_unit_id: 'ou', place: 'hotspot', notes: `#${n}` });

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
  resetOutboxConnection();
});

function created(): Sender {
  return vi.fn(async (entry: OutboxEntry) => ({ status: 201, body: { id: `srv-${entry.key}` } }));
}

describe('outbox (IndexedDB)', () => {
  it('keeps each submission with its own Idempotency-Key, per user, oldest first', async () => {
    const a = await enqueue(store, 'contact', ME, body(1));
    const b = await enqueue(store, 'activity', ME, body(2));
    await enqueue(store, 'contact', 'someone-else', body(3));
    expect(a.key).not.toBe(b.key);
    expect(a.key).toMatch(/[0-9a-f-]{36}/);
    const mine = await store.list(ME);
    expect(mine.map((e) => e.key)).toEqual([a.key, b.key]);
    expect(mine.every((e) => e.status === 'pending' && e.attempts === 0)).toBe(true);
  });

  it('flush sends every pending entry with its key and forgets it once the server has it', async () => {
    const a = await enqueue(store, 'contact', ME, body(1));
    const b = await enqueue(store, 'contact', ME, body(2));
    const send = created();
    const summary = await flushOutbox(store, ME, send);
    expect(send).toHaveBeenCalledTimes(2);
    expect(vi.mocked(send).mock.calls.map(([e]) => e.key)).toEqual([a.key, b.key]);
    expect(summary.sent).toHaveLength(2);
    expect(summary.pending).toBe(0);
    expect(await store.list(ME)).toEqual([]);
  });

  it('a lost answer is retried later with the SAME key, so the server never records it twice', async () => {
    const entry = await enqueue(store, 'contact', ME, body(1));
    const keysSeen: string[] = [];
    const flaky: Sender = vi
      .fn<Sender>()
      .mockImplementationOnce(async (e) => {
        keysSeen.push(e.key);
        throw new TypeError('Failed to fetch');
      })
      .mockImplementationOnce(async (e) => {
        keysSeen.push(e.key);
        return { status: 503, body: { title: 'Service Unavailable' } };
      })
      .mockImplementationOnce(async (e) => {
        keysSeen.push(e.key);
        return { status: 201, body: { id: 'c1' } };
      });

    const first = await flushOutbox(store, ME, flaky);
    expect(first.interrupted).toBe(true);
    expect(first.pending).toBe(1);
    const [kept] = await store.list(ME);
    expect(kept).toMatchObject({ key: entry.key, status: 'pending', attempts: 1, last_error: 'Failed to fetch' });

    const second = await flushOutbox(store, ME, flaky);
    expect(second.interrupted).toBe(true);
    expect((await store.list(ME))[0]).toMatchObject({ key: entry.key, attempts: 2, last_error: 'HTTP 503' });

    const third = await flushOutbox(store, ME, flaky);
    expect(third.sent).toHaveLength(1);
    expect(keysSeen).toEqual([entry.key, entry.key, entry.key]);
    expect(await store.list(ME)).toEqual([]);
  });

  it('stops at the first network failure and leaves the rest for the next flush', async () => {
    await enqueue(store, 'contact', ME, body(1));
    await enqueue(store, 'contact', ME, body(2));
    const send = vi.fn<Sender>().mockRejectedValue(new TypeError('offline'));
    const summary = await flushOutbox(store, ME, send);
    expect(send).toHaveBeenCalledTimes(1);
    expect(summary.pending).toBe(2);
  });

  it('a 4xx marks the entry failed with the message and keeps it; later flushes skip it', async () => {
    const bad = await enqueue(store, 'contact', ME, body(1));
    const good = await enqueue(store, 'contact', ME, body(2));
    const problem = {
      type: 'about:blank',
      title: 'Validation failed',
      status: 422,
      errors: [{ loc: ['body', 'contacted_on'], msg: 'must not be in the future' }],
    };
    const send = vi
      .fn<Sender>()
      .mockResolvedValueOnce({ status: 422, body: problem })
      .mockResolvedValueOnce({ status: 201, body: { id: 'c2' } });
    const summary = await flushOutbox(store, ME, send);
    expect(summary.failed).toHaveLength(1);
    expect(summary.sent.map((o) => o.entry.key)).toEqual([good.key]);
    const [kept] = await store.list(ME);
    expect(kept).toMatchObject({ key: bad.key, status: 'failed', problem: { status: 422 } });
    expect(kept!.problem!.errors![0]!.msg).toBe('must not be in the future');

    const again = await flushOutbox(store, ME, send);
    expect(send).toHaveBeenCalledTimes(2);
    expect(again.sent).toHaveLength(0);
    expect(await store.list(ME)).toHaveLength(1);
  });

  it('a corrected entry goes out again under a new key (the old request created nothing)', async () => {
    const bad = await enqueue(store, 'contact', ME, body(1));
    await flushOutbox(store, ME, async () => ({ status: 422, body: { title: 'bad' } }));
    const fixed = await replaceBody(store, bad.key, body(9));
    expect(fixed.key).not.toBe(bad.key);
    expect(fixed).toMatchObject({ status: 'pending', attempts: 0, problem: null, body: body(9) });
    expect((await store.list(ME)).map((e) => e.key)).toEqual([fixed.key]);
  });

  it('tells possible duplicates (409 with candidates) from a key still in progress (409 without)', async () => {
    await enqueue(store, 'contact', ME, body(1));
    const inProgress = await flushOutbox(store, ME, async () => ({ status: 409, body: { title: 'Conflict' } }));
    expect(inProgress.interrupted).toBe(true);
    expect((await store.list(ME))[0]!.status).toBe('pending');
    const dup = await flushOutbox(store, ME, async () => ({
      status: 409,
      body: { title: 'Conflict', candidates: [{ id: 'c', code: 'DH-AAAA-BBBB', sex: 'female', birth_year: 1990 }] },
    }));
    expect(dup.failed).toHaveLength(1);
    expect((await store.list(ME))[0]!.status).toBe('failed');
  });

  it('a 401 (session gone) keeps the entry pending for after the next sign-in', async () => {
    await enqueue(store, 'contact', ME, body(1));
    const summary = await flushOutbox(store, ME, async () => ({ status: 401, body: {} }));
    expect(summary.authLost).toBe(true);
    expect((await store.list(ME))[0]!.status).toBe('pending');
  });

  it('backs off 2 s, 4 s, 8 s… up to 5 minutes', () => {
    expect([1, 2, 3, 4].map(backoffDelay)).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffDelay(30)).toBe(300_000);
  });
});

import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryOutboxStore } from '@/test/memory-outbox';
import { renderWithProviders } from '@/test/render';
import type { OutboxEntry, Sender } from '../outbox';
import { OutboxProvider, useOutbox, type OutboxContextValue } from '../OutboxProvider';

let ctx: OutboxContextValue;
function Probe() {
  ctx = useOutbox();
  return <span data-testid="count">{ctx.entries.length}</span>;
}

function setOnline(value: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => value });
  window.dispatchEvent(new Event(value ? 'online' : 'offline'));
}

afterEach(() => setOnline(true));

describe('OutboxProvider', () => {
  it('queues while offline and flushes on the online event with the key made at submission', async () => {
    const store = memoryOutboxStore();
    const keys: string[] = [];
    const sender = vi.fn<Sender>(async (entry: OutboxEntry) => {
      keys.push(entry.key);
      return { status: 201, body: { id: 'x' } };
    });
    await act(async () => {
      renderWithProviders(
        <OutboxProvider store={store} sender={sender} session={async () => 'ok'}>
          <Probe />
        </OutboxProvider>,
      );
    });
    await waitFor(() => expect(ctx.ready).toBe(true));
    act(() => setOnline(false));
    let result: Awaited<ReturnType<OutboxContextValue['submit']>> | undefined;
    await act(async () => {
      result = await ctx.submit('contact', { place: 'hotspot' });
    });
    expect(result?.kind).toBe('queued');
    expect(sender).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId('count')).toHaveTextContent('1'));
    const key = [...store.entries.keys()][0];

    await act(async () => setOnline(true));
    await waitFor(() => expect(sender).toHaveBeenCalledTimes(1));
    expect(keys).toEqual([key]);
    await waitFor(() => expect(screen.getByTestId('count')).toHaveTextContent('0'));
  });

  it('sends at once when online and reports a refusal without dropping the entry', async () => {
    const store = memoryOutboxStore();
    const sender = vi.fn<Sender>(async () => ({
      status: 422,
      body: { title: 'Validation failed', errors: [{ loc: ['body', 'place'], msg: 'bad place' }] },
    }));
    await act(async () => {
      renderWithProviders(
        <OutboxProvider store={store} sender={sender} session={async () => 'ok'}>
          <Probe />
        </OutboxProvider>,
      );
    });
    await waitFor(() => expect(ctx.ready).toBe(true));
    let result: Awaited<ReturnType<OutboxContextValue['submit']>> | undefined;
    await act(async () => {
      result = await ctx.submit('contact', { place: 'nowhere' });
    });
    expect(result).toMatchObject({ kind: 'failed', status: 422 });
    expect([...store.entries.values()][0]).toMatchObject({ status: 'failed' });
    expect(ctx.failedCount).toBe(1);
  });
});

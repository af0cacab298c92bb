import { bySubmission, type OutboxEntry, type OutboxStore } from '@/features/offline/outbox';

/** An outbox kept in a Map, for component tests that do not exercise IndexedDB itself. */
export function memoryOutboxStore(): OutboxStore & { entries: Map<string, OutboxEntry> } {
  const entries = new Map<string, OutboxEntry>();
  return {
    entries,
    async add(entry) {
      if (entries.has(entry.key)) throw new Error('duplicate key');
      entries.set(entry.key, structuredClone(entry));
    },
    async put(entry) {
      entries.set(entry.key, structuredClone(entry));
    },
    async get(key) {
      const e = entries.get(key);
      return e ? structuredClone(e) : undefined;
    },
    async remove(key) {
      entries.delete(key);
    },
    async list(owner) {
      return [...entries.values()]
        .filter((e) => e.owner === owner)
        .sort(bySubmission)
        .map((e) => structuredClone(e));
    },
  };
}

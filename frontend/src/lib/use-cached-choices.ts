import { useEffect } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { recall, remember } from './remember';

export interface Choice {
  id: string;
  name: string;
}

/**
 * Choices for a <select> that still work offline: the last list loaded is kept on the device
 * and used while the network is away.
 */
export function useCachedChoices(storageKey: string | null, query: UseQueryResult<Choice[]>): Choice[] {
  const fresh = query.data;
  useEffect(() => {
    if (storageKey && fresh)
      remember(
        storageKey,
        fresh.map(({ id, name }) => ({ id, name })),
      );
  }, [storageKey, fresh]);
  if (fresh) return fresh;
  return (storageKey ? recall<Choice[]>(storageKey) : null) ?? [];
}

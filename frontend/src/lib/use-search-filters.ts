import { useSearchParams } from 'react-router';

/** A page's filters kept in the URL (shareable, survive a reload): the current params and a setter
 *  that replaces one of them (an empty value removes it) without adding a history entry. */
export function useSearchFilters() {
  const [params, setParams] = useSearchParams();
  const set = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return [params, set] as const;
}

// Small values kept on the device between visits (localStorage): the last choices of a form,
// lists of choices to pick from offline. Never identity data or tokens.
const PREFIX = 'donghanh.';

export function recall<T>(key: string): T | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function remember(key: string, value: unknown): void {
  try {
    if (value === null || value === undefined) window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Private mode or full storage: the form just starts empty next time.
  }
}

import { useEffect, useState } from 'react';

/** The state of data being fetched for a page. */
export type Load<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; status: number };

/**
 * Fetches once per key; a newer key wins over an answer still under way. With `initial` (the
 * server-rendered page's data) nothing is fetched.
 */
export function useLoad<T>(key: string, load: () => Promise<T>, initial?: T): Load<T> {
  const [result, setResult] = useState<{ key: string; load: Load<T> }>(() => ({
    key,
    load: initial === undefined ? { state: 'loading' } : { state: 'done', value: initial },
  }));
  useEffect(() => {
    if (initial !== undefined) return;
    let current = true;
    setResult({ key, load: { state: 'loading' } });
    load().then(
      (value) => current && setResult({ key, load: { state: 'done', value } }),
      (error: unknown) => {
        const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 0;
        if (current) setResult({ key, load: { state: 'failed', status } });
      },
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; the key says when to fetch again.
  }, [key]);
  if (initial !== undefined) return { state: 'done', value: initial };
  return result.key === key ? result.load : { state: 'loading' };
}

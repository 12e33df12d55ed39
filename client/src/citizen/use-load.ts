import { useEffect, useState } from 'react';

/** The state of data being fetched for a page. */
export type Load<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; status: number };

/** Fetches once per key; a newer key wins over an answer still under way. */
export function useLoad<T>(key: string, load: () => Promise<T>): Load<T> {
  const [result, setResult] = useState<{ key: string; load: Load<T> }>({ key, load: { state: 'loading' } });
  useEffect(() => {
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
  return result.key === key ? result.load : { state: 'loading' };
}

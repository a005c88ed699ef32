/** Runs `work` over `items` with at most `concurrency` in flight; returns the elapsed seconds. */
export async function runConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return Number(process.hrtime.bigint() - started) / 1e9;
}

export interface Rate {
  completions: number;
  seconds: number;
  perSecond: number;
}

export function rate(completions: number, seconds: number): Rate {
  return { completions, seconds, perSecond: completions / seconds };
}

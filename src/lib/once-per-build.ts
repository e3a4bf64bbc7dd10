// What every page of a static build would otherwise compute again: a
// collection paired and sorted, or markup repeated word for word from page to
// page (a story's card on its list and theme pages, a picture's sources). With
// years of stories, computing it once keeps the build time in step with the
// archive's size. `astro dev` computes it afresh, since the files change under it.

/**
 * A memo for the length of one build. `remember` is false under `astro dev`
 * (and in tests that say so), where every call computes afresh.
 */
export function buildMemo<V>(remember: boolean = !import.meta.env.DEV) {
  const known = new Map<string, Promise<V>>();
  return (key: string, compute: () => Promise<V>): Promise<V> => {
    if (!remember) return compute();
    let value = known.get(key);
    if (value === undefined) {
      value = compute();
      known.set(key, value);
    }
    return value;
  };
}

/** Remembers what `compute` gives for each key, once per build. */
export function oncePerBuild<K extends string, V>(
  compute: (key: K) => Promise<V>,
  remember: boolean = !import.meta.env.DEV,
): (key: K) => Promise<V> {
  const memo = buildMemo<V>(remember);
  return (key) => memo(key, () => compute(key));
}

/**
 * The markup of a component's slot, rendered once per build for each key. The
 * key must name everything the markup depends on.
 */
export const renderedOnce = buildMemo<string>();

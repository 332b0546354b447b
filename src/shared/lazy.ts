const FLAGS = { enumerable: true, configurable: true };

/**
 * Makes `object[key]` read `compute(...args)` on first use: an enumerable getter (`JSON.stringify`, spreads
 * and deep equality see the value) that replaces itself with a plain data property. Feeds carry hundreds of
 * items and a widget shows a few, their excerpts and images only when asked: that work is done for the
 * items read. `compute` and `args` are all the getter keeps (no closure over the parser's scope, so a
 * parsed XML document is not kept alive by its items). Assigning the property sets it as usual.
 */
export function lazy<T extends object, K extends keyof T, A extends unknown[]>(
  object: T,
  key: K,
  compute: (...args: A) => T[K],
  ...args: A
): T {
  // Reflect: on an object frozen before the first read, the value is computed on each read instead of throwing.
  const set = (value: T[K]) => (Reflect.defineProperty(object, key, { ...FLAGS, value, writable: true }), value);
  return Object.defineProperty(object, key, { ...FLAGS, get: () => set(compute(...args)), set });
}

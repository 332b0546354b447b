const warned = new Set<string>();

/**
 * Registers `ctor` under `name` unless the name is taken. Loading a widget file twice, or two versions
 * of the library on one page, must never throw: the first definition wins and a different one gets a
 * single warning so the webmaster knows which copy is running.
 */
export function define(name: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(name);
  if (!existing) {
    registry.define(name, ctor);
    return;
  }
  if (existing !== ctor && !warned.has(name)) {
    warned.add(name);
    console.warn(
      `iigp-widgets: <${name}> is already defined by another copy of the library; this copy is not used. ` +
        'Load one script (dist/iigp-widgets.js or the per-widget file) per page to avoid downloading twice.',
    );
  }
}

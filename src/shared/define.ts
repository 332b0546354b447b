import { pageState } from './page-state.js';
import { takeTurn } from './turns.js';

/**
 * Registers `ctor` under `name` unless the name is taken. Loading a widget file twice, or two versions
 * of the library on one page, must never throw: the first definition wins and a different one gets a
 * single warning (one per page, however many elements or copies) so the webmaster knows which copy is running.
 */
export function define(name: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(name);
  if (!existing) {
    // define() upgrades the elements already on the page: with this task's turn taken (it evaluated
    // the script), each of them starts in a task of its own.
    takeTurn();
    registry.define(name, ctor);
    return;
  }
  // Shared by every copy of the library on the page: a second copy warns once, whatever it registers.
  if (existing !== ctor && !pageState.warned) {
    pageState.warned = true;
    console.warn(
      `iigp-widgets: <${name}> is already defined by another copy of the library, which stays in use. Load one script per page.`,
    );
  }
}

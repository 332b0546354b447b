/**
 * Turns: one widget's work per task. The first widget to start or render in a task does so at once,
 * as any element would; others in the same task wait for a timer task each, in the order they asked.
 * Registering the elements takes the turn of its task, so the widgets already on the page start one
 * per task after it. Six widgets that start together, or that render one shared feed, then cost six
 * short tasks instead of one long one, and the browser can paint and answer input between them.
 *
 * The turn is free again at the next microtask checkpoint: the widgets that start together do so in
 * one synchronous run (an upgrade, an innerHTML), and the renders of one feed in one checkpoint.
 */
let taken = false;

/** Takes the current task's turn; false when a widget already has it. */
export function takeTurn(): boolean {
  if (taken) return false;
  taken = true;
  queueMicrotask(() => (taken = false));
  return true;
}

/** Nothing when the caller may work in this task; else a promise that resolves in a task of its own. */
export function nextTurn(): Promise<void> | undefined {
  return takeTurn() ? undefined : new Promise((resolve) => setTimeout(resolve));
}

/**
 * Resumes the caller in a task of its own: a timer task each, run in the order asked. Six widgets that
 * start together, or that render one shared feed, then cost six short tasks instead of one long one,
 * and the browser can paint and answer input between them.
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));

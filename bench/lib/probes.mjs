// Scripts injected into every page before its own (context.addInitScript): they run in the browser.

/** Notes when the first item is in a painted frame, when `?want=` widgets are ready, and CLS. */
export function firstItemProbe() {
  const b = (window.__bench = { firstItem: 0, allReady: 0, cls: 0 });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) b.cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {}
  const want = Number(new URLSearchParams(location.search).get('want') || 0);
  // Checked at the start of each frame: an item found here is in the DOM and is painted by this frame.
  const tick = () => {
    const now = performance.now();
    if (!b.firstItem) {
      const widget = document.querySelector('iigp-recent-posts');
      const hit = widget
        ? widget.shadowRoot?.querySelector('[part~="item"]')
        : document.querySelector('ul[data-state="ready"] li');
      if (hit) b.firstItem = now;
    }
    if (want && !b.allReady) {
      const ready = document.querySelectorAll('iigp-recent-posts[state="ready"], ul[data-state="ready"]').length;
      if (ready >= want) b.allReady = now;
    }
    if (!b.firstItem || (want && !b.allReady)) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Layout shifts, long tasks and the long animation frames that ran the library's scripts. */
export function demoProbe() {
  const d = (window.__demo = { cls: 0, longTasks: [], distFrames: [] });
  const observe = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {}
  };
  observe('layout-shift', (e) => {
    if (!e.hadRecentInput) d.cls += e.value;
  });
  observe('longtask', (e) => d.longTasks.push(e.duration));
  // Long animation frames name the scripts that ran in them: the ones from dist/ are the widgets'.
  observe('long-animation-frame', (e) => {
    const ours = (e.scripts ?? []).filter((s) => /\/dist\//.test(s.sourceURL ?? ''));
    if (ours.length)
      d.distFrames.push({
        duration: e.duration,
        blocking: e.blockingDuration,
        scripts: ours.map((s) => `${new URL(s.sourceURL).pathname} ${Math.round(s.duration)} ms`),
      });
  });
}

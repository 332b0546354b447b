// Page-side harness for the parse and render measures. The library's RSS parser is the built chunk
// (dist/chunks/feed-*.js, passed as ?feed=), the baseline is rss-parser's browser bundle.
const params = new URLSearchParams(location.search);
await import('/dist/recent-posts.js');
const { parseFeed } = await import(`/dist/${params.get('feed')}`);
const stage = document.getElementById('stage');
const texts = new Map();
const libItems = new Map();
const baseItems = new Map();

/** Forces style and layout, so a render is measured until the browser knows where everything goes. */
function layout(node) {
  node.getBoundingClientRect();
  return document.body.offsetHeight;
}

window.bench = {
  async load(n) {
    const url = new URL(`/feeds/${n}.xml`, location.href).href;
    texts.set(n, { text: await (await fetch(url)).text(), contentType: 'application/rss+xml; charset=utf-8', url });
  },
  parseLib(n) {
    const body = texts.get(n);
    const t0 = performance.now();
    const parsed = parseFeed(body);
    const ms = performance.now() - t0;
    libItems.set(n, parsed.items);
    return { ms, count: parsed.items.length };
  },
  async parseBase(n) {
    const { text } = texts.get(n);
    const t0 = performance.now();
    const feed = await new RSSParser().parseString(text);
    const ms = performance.now() - t0;
    baseItems.set(n, feed.items);
    return { ms, count: feed.items.length };
  },
  async renderLib(n) {
    stage.replaceChildren();
    layout(stage);
    const items = libItems.get(n);
    const t0 = performance.now();
    const widget = document.createElement('iigp-recent-posts');
    widget.limit = n;
    widget.items = items;
    stage.append(widget);
    await widget.updateComplete;
    layout(widget);
    const ms = performance.now() - t0;
    return { ms, count: widget.shadowRoot.querySelectorAll('[part~="item"]').length };
  },
  renderBase(n) {
    stage.replaceChildren();
    layout(stage);
    const items = baseItems.get(n);
    const t0 = performance.now();
    const list = document.createElement('ul');
    list.className = 'posts';
    stage.append(list);
    hand_rolled_render(list, items, n);
    layout(list);
    const ms = performance.now() - t0;
    return { ms, count: list.querySelectorAll('li').length };
  },
};
window.benchReady = true;

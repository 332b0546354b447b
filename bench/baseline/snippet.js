// The naive baseline: what a site writes by hand with rss-parser's browser bundle (window.RSSParser).
// It is deliberately typical, not hardened: no escaping, no cache, no timeout, one fetch per box.
function hand_rolled_render(list, items, limit) {
  list.innerHTML = items
    .slice(0, limit)
    .map(function (item) {
      return (
        '<li><a href="' + item.link + '">' + item.title + '</a>' +
        '<time datetime="' + item.isoDate + '">' +
        new Date(item.isoDate).toLocaleDateString('en-US', { dateStyle: 'long' }) +
        '</time></li>'
      );
    })
    .join('');
  list.dataset.state = 'ready';
}

function hand_rolled_feed(list, url, limit) {
  var parser = new RSSParser();
  return fetch(url)
    .then(function (response) { return response.text(); })
    .then(function (text) { return parser.parseString(text); })
    .then(function (feed) { hand_rolled_render(list, feed.items, limit); });
}

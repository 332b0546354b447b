// The script of csp.html: records every CSP violation from the start, then loads every widget, and
// optionally a cross-origin widget whose data host the test passes as ?data=<origin>.
interface CspWindow {
  __violations: string[];
  __ready?: boolean;
  __failed?: string;
}
const page = window as unknown as CspWindow;
page.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  page.__violations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} ${event.sample} at ${event.sourceFile}:${event.lineNumber}`.trim(),
  );
});
const data = new URLSearchParams(location.search).get('data');
if (data) {
  const el = document.createElement('iigp-recent-posts');
  el.setAttribute('src', `${data}/__mock/demo/data/posts.xml?cors=1&page=csp-cross`);
  el.setAttribute('limit', '2');
  el.className = 'cross-origin';
  document.body.append(el);
}
void import('../../../src/iigp-widgets.js').then(
  () => (page.__ready = true),
  (error: unknown) => (page.__failed = String(error)),
);

export {};

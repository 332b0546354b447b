/**
 * Variants of the sample newsletter issues (demo/data/newsletters.json, schema.org PublicationIssues),
 * derived rather than copied.
 */
type Issue = Record<string, unknown>;

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The unordered list of links the site has always had (no JavaScript needed): the issues in the order
 * the site lists them, labels as the site writes them. `<iigp-newsletter-archive>` without `src` enhances it.
 */
export function issueList(issues: Issue[]): string {
  return `<ul>\n${issues
    .map((issue) => `  <li><a href="${escapeHtml(String(issue.url))}">${escapeHtml(String(issue.name))}</a></li>`)
    .join('\n')}\n</ul>`;
}

const SEASONS = ['Fall', 'Winter', 'Spring', 'Summer'] as const;

/**
 * Every quarterly issue from Fall 2007 (Vol. 1 Issue 1) for `count` issues, labelled the ways the site
 * writes them (the volume starts in the fall), in a shuffled order: for the "many items" stories.
 */
export function manyIssues(count: number, base = 'https://iigp.example/wp-content/uploads/newsletters/'): Issue[] {
  const styles = [
    (s: string, y: number, v: number, n: number) => `${s} ${y}, Vol. ${v} Issue ${n}`,
    (s: string, y: number, v: number, n: number) => `${s} ${y} Vol. ${v}, Issue ${n}`,
    (s: string, y: number, v: number, n: number) => `${s} ${y}, Vol. ${v}, Issue ${n}`,
    (s: string, y: number) => `${s} ${y}`,
  ];
  const issues = Array.from({ length: count }, (_, i) => {
    const season = SEASONS[i % 4];
    const volume = Math.floor(i / 4) + 1;
    const year = 2007 + Math.floor((i + 3) / 4); // Fall 2007, Winter/Spring/Summer 2008, Fall 2008…
    const name = styles[(i * 7) % styles.length](season, year, volume, (i % 4) + 1);
    return {
      '@context': 'https://schema.org',
      '@type': 'PublicationIssue',
      name,
      url: `${base}${season.toLowerCase()}-${year}.pdf`,
      encodingFormat: 'application/pdf',
      contentSize: `${(400 + ((i * 137) % 900)).toString()} KB`,
    };
  });
  // A stable shuffle: the widget, not the data, puts them in order.
  return issues
    .map((issue, i) => ({ issue, key: (i * 7919) % 101 }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.issue);
}

/** Labels far longer than the site's. */
export function withLongTitles(issues: Issue[]): Issue[] {
  return issues.map((issue) => ({
    ...issue,
    name: `${String(issue.name)}: Special Double Issue on Group Psychotherapy, Training, Supervision and the Life of the Institute`,
  }));
}

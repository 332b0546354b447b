import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/recent-posts/define.js';
import { tagName as TAG } from '../src/recent-posts/recent-posts.js';
import type { Post } from '../src/model.js';
import { samplePosts } from './data/sources.js';
import { darkPage, pageStyles, renderWidget, rtlPage, type WidgetArgs } from './support/widget.js';

/**
 * `<iigp-recent-posts>`: the latest posts of the institute's blog. Every story fetches over a mocked
 * network (msw) from data derived from `demo/data/posts.xml`, so what you see is what the widget
 * parses. Change any attribute in the Controls panel; the Docs page lists them all.
 */
const meta = {
  title: 'Widgets/Recent posts',
  component: TAG,
  render: (args, context) => renderWidget(TAG, args, context),
  args: {
    src: '/mock/posts.xml',
    heading: 'From our blog',
  },
  parameters: {
    // The width of the page column the widget sits in (a global decorator in .storybook/preview.ts).
    column: '44rem',
    docs: {
      description: {
        component:
          'Paste `<iigp-recent-posts src="/feed/"></iigp-recent-posts>` into a WordPress Custom HTML block. ' +
          "It reads RSS 2.0, RSS 1.0/RDF, Atom, the WordPress REST API and JSON Feed, inherits the theme's font and colours, " +
          'and shows its light-DOM children when the feed cannot be loaded.',
      },
    },
  },
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

/** The blog feed (`/feed/`, RSS 2.0) with excerpts: what most pages will use. */
export const Default: Story = {
  args: { 'show-excerpt': true, 'show-author': true },
};

/** Held pending for ever: the placeholder reserves the space the posts will take. */
export const Loading: Story = {
  tags: ['state:loading'],
  args: { src: '/mock/pending/posts.xml', limit: 4, timeout: 2_000_000_000 },
};

/** A valid feed with no posts, and no fallback: the built-in message. */
export const Empty: Story = {
  args: { src: '/mock/posts-empty.xml' },
};

/** No post in the category: the page's own fallback text is shown instead of the built-in message. */
export const EmptyWithFallback: Story = {
  name: 'Empty (with fallback)',
  args: {
    category: 'Announcements',
    children: '<p>No announcements right now. <a href="https://iigp.example/blog/">Browse all posts</a>.</p>',
  },
};

/** The server answers 500: the fallback (the light-DOM children the webmaster wrote) is shown. */
export const ErrorState: Story = {
  name: 'Error (with fallback)',
  tags: ['network-error'],
  args: {
    src: '/mock/status/500',
    children: '<p>Our latest posts are on <a href="https://iigp.example/blog/">the blog</a>.</p>',
  },
};

/** `src` points at a web page instead of the feed, and there is no fallback: the built-in message. */
export const ErrorNotAFeed: Story = {
  name: 'Error (not a feed, no fallback)',
  args: { src: '/mock/blog.html' },
};

/** The feed is cut off half-way. */
export const ErrorMalformed: Story = {
  name: 'Error (malformed feed)',
  args: {
    src: '/mock/posts-malformed.xml',
    children: '<p><a href="https://iigp.example/blog/">Read the blog</a></p>',
  },
};

/** The network fails (offline, DNS, CORS). */
export const ErrorOffline: Story = {
  name: 'Error (network failure)',
  tags: ['network-error'],
  args: {
    src: '/mock/offline',
    children: '<p><a href="https://iigp.example/blog/">Read the blog</a></p>',
  },
};

/** Titles and names far too long: titles clamp at `--iigp-title-lines`, the full text stays in the DOM. */
export const LongTitles: Story = {
  name: 'Long titles and names',
  args: { src: '/mock/posts-long.xml', 'show-author': true, 'show-excerpt': true },
  parameters: { column: '22rem' },
};

/** Two dozen posts in a grid with images: `limit="-1"` shows them all (WordPress's way of saying "all"). */
export const ManyItems: Story = {
  name: 'Many items',
  args: { src: '/mock/posts-many.xml', limit: -1, layout: 'grid', columns: 4, 'show-image': true },
  parameters: { column: '64rem' },
};

/** `show-image` on, but no post has an image: no empty boxes. */
export const NoImages: Story = {
  name: 'No images',
  args: { src: '/mock/posts-no-images.xml', 'show-image': true, 'show-excerpt': true },
};

/** The list layout with everything switched on. */
export const ListLayout: Story = {
  name: 'Layout: list',
  args: {
    src: '/mock/posts-images.xml',
    layout: 'list',
    'show-image': true,
    'show-excerpt': true,
    'excerpt-words': 18,
    'show-author': true,
    'read-more': 'Read more',
  },
};

/** The grid layout: cards, at most `columns` per row, fewer when narrow. */
export const GridLayout: Story = {
  name: 'Layout: grid',
  args: {
    src: '/mock/posts-images.xml',
    layout: 'grid',
    columns: 3,
    limit: 6,
    'show-image': true,
    'show-excerpt': true,
    'excerpt-words': 14,
    '--iigp-card-padding': '0.75em',
    '--iigp-card-background': '#f4f1ec',
  },
  parameters: { column: '56rem' },
};

/** The grid in a narrow sidebar: it falls back to one column. */
export const GridNarrow: Story = {
  name: 'Layout: grid in a sidebar',
  args: { src: '/mock/posts-images.xml', layout: 'grid', columns: 3, limit: 3, 'show-image': true },
  parameters: { column: '16rem' },
};

/** Titles only, no dates: for a footer. */
export const Compact: Story = {
  name: 'Layout: compact (titles only)',
  args: { heading: undefined, 'show-date': false, limit: 3 },
};

/** RSS 2.0 (WordPress `/feed/`), the file in demo/data as it is. */
export const FormatRss: Story = {
  name: 'Format: RSS 2.0',
  args: { src: '/mock/posts.xml', format: 'rss', 'show-excerpt': true, 'show-image': true },
};

/** Atom 1.0 (WordPress `/feed/atom/`), detected from the body. */
export const FormatAtom: Story = {
  name: 'Format: Atom',
  args: { src: '/mock/posts.atom', 'show-excerpt': true, 'show-author': true },
};

/** RSS 1.0 / RDF (WordPress `/feed/rdf/`). */
export const FormatRdf: Story = {
  name: 'Format: RSS 1.0 (RDF)',
  args: { src: '/mock/posts.rdf', 'show-excerpt': true, 'show-author': true },
};

/** The WordPress REST API (`/wp-json/wp/v2/posts?_embed`): featured images, authors, categories. */
export const FormatWordPress: Story = {
  name: 'Format: WordPress REST',
  args: {
    src: '/mock/wp-json/wp/v2/posts',
    format: 'wp',
    'show-image': true,
    'show-author': true,
    'show-excerpt': true,
  },
};

/** JSON Feed 1.1 (for example a snapshot made with `npx iigp-widgets snapshot`). */
export const FormatJsonFeed: Story = {
  name: 'Format: JSON Feed',
  args: { src: '/mock/feed.json', format: 'json', 'show-image': true, 'show-excerpt': true },
};

/** No `src`: the `items` property set from script, no fetching at all. */
export const FromScript: Story = {
  name: 'Items from script',
  args: {
    src: undefined,
    items: samplePosts.slice(0, 3).map((post): Post => ({
      id: post.guid,
      title: post.title,
      url: post.link,
      date: post.date,
      author: post.author,
      categories: post.categories,
    })),
    'show-author': true,
  },
};

/** A dark theme: the widget inherits the page's font and colour; only link and muted colours are set. */
export const DarkPage: Story = {
  name: 'Dark host page',
  args: { 'show-excerpt': true, 'show-author': true, 'show-image': true, src: '/mock/posts-images.xml' },
  decorators: [darkPage],
  parameters: { backgrounds: { disable: true } },
};

/** A Hebrew page, right to left: dates in Hebrew (from `lang`), images and text mirrored. */
export const RightToLeft: Story = {
  name: 'Right to left (Hebrew)',
  args: {
    heading: 'מהבלוג שלנו',
    'show-image': true,
    'show-excerpt': true,
    'read-more': 'להמשך קריאה',
    src: '/mock/posts-images.xml',
    children: '<p><a href="https://iigp.example/blog/">לבלוג</a></p>',
  },
  decorators: [rtlPage],
};

/** Custom properties and `::part` rules from the host page at work. */
export const Themed: Story = {
  args: {
    src: '/mock/posts-images.xml',
    layout: 'grid',
    columns: 2,
    limit: 4,
    'show-image': true,
    'show-excerpt': true,
    'excerpt-words': 16,
    'read-more': 'Continue reading',
    '--iigp-gap': '1.25rem',
    '--iigp-radius': '1rem',
    '--iigp-link-color': '#114b5f',
    '--iigp-muted-color': '#4d5b5e',
    '--iigp-card-background': '#fffaf0',
    '--iigp-card-padding': '1rem',
    '--iigp-title-font-weight': '700',
    '--iigp-title-lines': '2',
    '--iigp-heading-font-size': '1.75rem',
    '--iigp-image-aspect-ratio': '4 / 3',
  },
  decorators: [
    pageStyles(`
      iigp-recent-posts { font-family: Georgia, 'Times New Roman', serif; color: #1d2a2e; }
      iigp-recent-posts::part(heading) { font-variant: small-caps; letter-spacing: .04em; border-block-end: 3px solid #c9a227; padding-block-end: .25rem; }
      iigp-recent-posts::part(item) { border: 1px solid #e4dccb; box-shadow: 0 2px 6px rgb(0 0 0 / .08); }
      iigp-recent-posts::part(link) { text-decoration-thickness: 2px; text-decoration-color: #c9a227; }
      iigp-recent-posts::part(date) { text-transform: uppercase; letter-spacing: .08em; font-size: .75rem; }
      iigp-recent-posts::part(read-more) { font-weight: 600; }
    `),
  ],
  parameters: { column: '48rem' },
};

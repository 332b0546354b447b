import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/newsletter-archive/define.js';
import { tagName as TAG } from '../src/newsletter-archive/newsletter-archive.js';
import { newsletterList } from './data/sources.js';
import { darkPage, pageStyles, renderWidget, rtlPage, type WidgetArgs } from './support/widget.js';

/**
 * `<iigp-newsletter-archive>`: the newsletter issues, newest first, grouped by year, each a link to its
 * PDF. Without `src` it enhances the list of links it wraps (the site's list, made here from
 * `demo/data/newsletters.json` in the site's order); with `src` it reads schema.org JSON or WordPress media
 * over a mocked network (msw).
 */
const meta = {
  title: 'Widgets/Newsletter archive',
  component: TAG,
  render: (args, context) => renderWidget(TAG, args, context),
  args: {
    heading: 'Newsletter archive',
    children: newsletterList,
  },
  parameters: {
    // The width of the page column the widget sits in (a global decorator in .storybook/preview.ts).
    column: '36rem',
    docs: {
      description: {
        component:
          "Wrap the site's existing list of newsletter links in `<iigp-newsletter-archive>…</iigp-newsletter-archive>`: without " +
          'JavaScript the list stays as it is; with it, the issues are read ("Winter 2009, Vol. 2 Issue 2"), ordered and grouped.',
      },
    },
  },
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

/** The site's unordered list of links, enhanced: ordered newest first and grouped by year. */
export const Default: Story = {
  name: 'Default (enhances the list)',
};

/** From schema.org PublicationIssues, demo/data/newsletters.json. */
export const FormatJson: Story = {
  name: 'Format: schema.org JSON',
  args: { src: '/mock/newsletters.json', format: 'json', children: undefined },
};

/** From WordPress media (`/wp-json/wp/v2/media?mime_type=application/pdf`): links go to the PDF. */
export const FormatWordPress: Story = {
  name: 'Format: WordPress media',
  args: { src: '/mock/wp-json/wp/v2/media', format: 'wp', children: undefined },
};

/** Held pending for ever: the placeholder. */
export const Loading: Story = {
  tags: ['state:loading'],
  args: { src: '/mock/pending/newsletters.json', children: undefined, timeout: 2_000_000_000 },
};

/** No issues: the built-in message. */
export const Empty: Story = {
  args: { src: '/mock/newsletters-empty.json', children: undefined },
};

/** No issues, with the page's text. */
export const EmptyWithFallback: Story = {
  name: 'Empty (with fallback)',
  args: {
    src: '/mock/newsletters-empty.json',
    children: '<p>The first issue is on its way. <a href="https://iigp.example/contact/">Subscribe</a>.</p>',
  },
};

/** The server answers 500: the site's own list stays, as it was without JavaScript. */
export const ErrorState: Story = {
  name: 'Error (the list stays)',
  tags: ['network-error'],
  args: { src: '/mock/status/500' },
};

/** `src` is an HTML page and there is no fallback: the built-in message. */
export const ErrorNotData: Story = {
  name: 'Error (not data, no fallback)',
  args: { src: '/mock/blog.html', children: undefined },
};

/** Labels far too long. */
export const LongTitles: Story = {
  name: 'Long titles',
  args: { src: '/mock/newsletters-long.json', children: undefined },
  parameters: { column: '22rem' },
};

/** Sixty issues, shuffled in the data, ordered by the widget; a few shown first, then "Show all". */
export const ManyItems: Story = {
  name: 'Many items (with "Show all")',
  args: { src: '/mock/newsletters-many.json', children: undefined, limit: 12 },
};

/** A filter box for long archives. */
export const Searchable: Story = {
  args: { src: '/mock/newsletters-many.json', children: undefined, searchable: true, limit: 8 },
};

/** Grouped by year (the default). */
export const GroupByYear: Story = {
  name: 'Layout: grouped by year',
  args: { 'group-by': 'year' },
};

/** Grouped by volume (a volume starts in the fall). */
export const GroupByVolume: Story = {
  name: 'Layout: grouped by volume',
  args: { 'group-by': 'volume' },
};

/** One list, no groups, oldest first. */
export const Ungrouped: Story = {
  name: 'Layout: one list, oldest first',
  args: { 'group-by': 'none', order: 'oldest' },
};

/** A dark theme. */
export const DarkPage: Story = {
  name: 'Dark host page',
  decorators: [darkPage],
};

/** A Hebrew page, right to left. */
export const RightToLeft: Story = {
  name: 'Right to left (Hebrew)',
  args: { heading: 'ארכיון הידיעונים' },
  decorators: [rtlPage],
};

/** Custom properties and `::part` rules from the host page at work. */
export const Themed: Story = {
  args: {
    searchable: true,
    '--iigp-group-gap': '2rem',
    '--iigp-gap': '0.5rem',
    '--iigp-link-color': '#114b5f',
    '--iigp-muted-color': '#4d5b5e',
    '--iigp-radius': '999px',
  },
  decorators: [
    pageStyles(`
      iigp-newsletter-archive { font-family: Georgia, 'Times New Roman', serif; color: #1d2a2e; }
      iigp-newsletter-archive::part(heading) { font-variant: small-caps; border-block-end: 3px solid #c9a227; }
      iigp-newsletter-archive::part(group-heading) { color: #7a5c00; letter-spacing: .06em; }
      iigp-newsletter-archive::part(item) { padding-block: .25rem; border-block-end: 1px dotted #c8bfae; }
      iigp-newsletter-archive::part(meta) { font-size: .8rem; }
      iigp-newsletter-archive::part(search) { border: 2px solid #114b5f; border-radius: .5rem; padding: .4rem .6rem; }
      iigp-newsletter-archive::part(button) { border-radius: 999px; }
    `),
  ],
};

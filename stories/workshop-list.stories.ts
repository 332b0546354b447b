import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/workshop-list/define.js';
import { tagName as TAG } from '../src/workshop-list/workshop-list.js';
import { WORKSHOP_LATER, WORKSHOP_NOW } from './data/sources.js';
import {
  arabicPage,
  darkPage,
  pageStyles,
  renderWidget,
  rtlPage,
  spanishPage,
  type WidgetArgs,
} from './support/widget.js';

/**
 * `<iigp-workshop-list>`: the institute's continuing-education workshops. Every story fetches over a
 * mocked network (msw) from `demo/data/workshops.json`, `workshops.ics` or `workshops-tec.json` (or
 * variants derived from them). The `now` property pins the clock so "upcoming" and "past" stay the same
 * whatever today's date is; the first sample workshop (16 October 2026) is then already over.
 */
const meta = {
  title: 'Widgets/Workshop list',
  component: TAG,
  render: (args, context) => renderWidget(TAG, args, context),
  args: {
    src: '/mock/workshops.json',
    heading: 'Upcoming workshops',
    now: WORKSHOP_NOW,
  },
  parameters: {
    // The width of the page column the widget sits in (a global decorator in .storybook/preview.ts).
    column: '44rem',
    docs: {
      description: {
        component:
          'Paste `<iigp-workshop-list src="/wp-json/tribe/events/v1/events"></iigp-workshop-list>` into a page. It reads schema.org ' +
          "Events (JSON-LD), iCalendar, The Events Calendar REST API and category feeds; times show in the workshop's own zone.",
      },
    },
  },
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

/** Upcoming workshops from schema.org JSON-LD, with registration and add-to-calendar. */
export const Default: Story = {};

/** Held pending for ever: the placeholder. */
export const Loading: Story = {
  tags: ['state:loading'],
  args: { src: '/mock/pending/workshops.json', limit: 3, timeout: 2_000_000_000 },
};

/** A valid schedule with no workshops: the built-in message. */
export const Empty: Story = {
  args: { src: '/mock/workshops-empty.json' },
};

/** Nothing in the category: the page's fallback text. */
export const EmptyWithFallback: Story = {
  name: 'Empty (with fallback)',
  args: {
    category: 'Retreats',
    children: '<p>No retreats are scheduled. <a href="https://iigp.example/events/">See all events</a>.</p>',
  },
};

/** The server answers 500: the fallback is shown. */
export const ErrorState: Story = {
  name: 'Error (with fallback)',
  tags: ['network-error'],
  args: {
    src: '/mock/status/503',
    children: '<p>See the schedule on <a href="https://iigp.example/events/">our events page</a>.</p>',
  },
};

/** `src` answers JSON of the wrong shape, and there is no fallback: the built-in message. */
export const ErrorWrongShape: Story = {
  name: 'Error (not workshop data, no fallback)',
  args: { src: '/mock/wrong-shape.json' },
};

/** Every state a workshop can be in: past, scheduled, sold out (no register link), cancelled (struck through), online. */
export const Statuses: Story = {
  name: 'Past, sold out, cancelled, online',
  args: { when: 'all', heading: 'All workshops', 'show-description': true },
};

/** Workshops that have ended, newest first: no registration. */
export const Past: Story = {
  args: { when: 'past', now: WORKSHOP_LATER, heading: 'Past workshops', limit: 4 },
};

/** Titles, presenters and names far too long. */
export const LongText: Story = {
  name: 'Long titles and names',
  args: { src: '/mock/workshops-long.json', layout: 'cards' },
  parameters: { column: '22rem' },
};

/** Twenty workshops, in cards. */
export const ManyItems: Story = {
  name: 'Many items',
  args: { src: '/mock/workshops-many.json', limit: 20, layout: 'cards' },
  parameters: { column: '64rem' },
};

/** Cards without images. */
export const NoImages: Story = {
  name: 'No images',
  args: { src: '/mock/workshops-no-images.json', layout: 'cards' },
  parameters: { column: '56rem' },
};

/** The list layout with descriptions. */
export const ListLayout: Story = {
  name: 'Layout: list',
  args: { layout: 'list', 'show-description': true },
};

/** Title, date and status only: for a sidebar. */
export const CompactLayout: Story = {
  name: 'Layout: compact',
  args: { layout: 'compact', heading: 'Coming up' },
  parameters: { column: '20rem' },
};

/** Cards with images. */
export const CardsLayout: Story = {
  name: 'Layout: cards',
  args: { layout: 'cards', 'show-description': true },
  parameters: { column: '64rem' },
};

/** schema.org Events (JSON-LD `@graph`), demo/data/workshops.json as it is. */
export const FormatJson: Story = {
  name: 'Format: schema.org JSON-LD',
  args: { src: '/mock/workshops.json', format: 'json' },
};

/** iCalendar (The Events Calendar's or Google Calendar's export), demo/data/workshops.ics. */
export const FormatIcs: Story = {
  name: 'Format: iCalendar',
  args: { src: '/mock/workshops.ics', format: 'ics' },
};

/**
 * A recurring event in iCalendar (`RRULE`, with a `RECURRENCE-ID` moving one meeting and one cancelling
 * another): each meeting is its own entry, at 7 pm before and after the clock change.
 */
export const RecurringIcs: Story = {
  name: 'Recurring event (iCalendar)',
  args: { src: '/mock/workshops-weekly.ics', heading: 'Thursday process group', now: '2026-10-01T12:00:00Z' },
};

/**
 * "Add to calendar" opened: Google Calendar, Outlook.com, the .ics file and, because the source is an
 * iCalendar feed, "Subscribe" (a `webcal:` link to the feed) last.
 */
export const AddToCalendarOpen: Story = {
  name: 'Add to calendar (open)',
  args: { src: '/mock/workshops.ics', format: 'ics', limit: 2 },
  play: async ({ canvasElement }) => {
    const widget = canvasElement.querySelector(TAG) as HTMLElement & { state?: string };
    for (let i = 0; i < 100 && widget.state !== 'ready'; i++) await new Promise((done) => setTimeout(done, 50));
    widget.shadowRoot?.querySelector<HTMLButtonElement>('button[part~="calendar"]')?.click();
  },
};

/** The Events Calendar REST API (`/wp-json/tribe/events/v1/events`), demo/data/workshops-tec.json. */
export const FormatWordPress: Story = {
  name: 'Format: The Events Calendar REST',
  args: { src: '/mock/wp-json/tribe/events/v1/events', format: 'wp' },
};

/** A WordPress category feed (`/category/workshops/feed/`), demo/data/workshops-feed.xml: titles, links, dates. */
export const FormatRss: Story = {
  name: 'Format: category feed (RSS)',
  args: { src: '/mock/workshops-feed.xml', format: 'rss', when: 'all' },
};

/** Times in the reader's zone (`time-zone="viewer"`) instead of the workshop's. */
export const ReaderTimeZone: Story = {
  name: "Time zone: the reader's",
  args: { 'time-zone': 'viewer', heading: 'Upcoming workshops (your time)' },
};

/** A dark theme: the register button keeps its contrast. */
export const DarkPage: Story = {
  name: 'Dark host page',
  args: {
    layout: 'cards',
    '--iigp-button-background': '#9cc7ff',
    '--iigp-button-color': '#0b1b2e',
    '--iigp-status-color': '#ffb4a8',
  },
  decorators: [darkPage],
};

/** A Hebrew page, right to left. */
export const RightToLeft: Story = {
  name: 'Right to left (Hebrew)',
  args: {
    heading: 'סדנאות קרובות',
    children: '<p><a href="https://iigp.example/events/">לוח האירועים</a></p>',
  },
  decorators: [rtlPage],
};

/** A Spanish page: "Inscribirse", "Añadir al calendario", presenters as a Spanish list. */
export const Spanish: Story = {
  name: 'Spanish page',
  args: { heading: 'Próximos talleres' },
  decorators: [spanishPage],
};

/** An Arabic page, right to left, with Arabic words. */
export const Arabic: Story = {
  name: 'Arabic page (right to left)',
  args: { heading: 'ورش العمل القادمة' },
  decorators: [arabicPage],
};

/** A site's own wording through the `strings` attribute. */
export const Reworded: Story = {
  name: 'Reworded (strings)',
  args: { strings: '{"register": "Sign up", "addToCalendar": "Save the date"}' },
};

/** Custom properties and `::part` rules from the host page at work. */
export const Themed: Story = {
  args: {
    layout: 'cards',
    '--iigp-gap': '1.25rem',
    '--iigp-radius': '0.75rem',
    '--iigp-link-color': '#114b5f',
    '--iigp-card-background': '#fffaf0',
    '--iigp-card-padding': '1.25rem',
    '--iigp-button-background': '#114b5f',
    '--iigp-button-color': '#ffffff',
    '--iigp-status-color': '#9b2226',
    '--iigp-card-min-width': '18rem',
  },
  decorators: [
    pageStyles(`
      iigp-workshop-list { font-family: Georgia, 'Times New Roman', serif; color: #1d2a2e; }
      iigp-workshop-list::part(heading) { font-variant: small-caps; border-block-end: 3px solid #c9a227; }
      iigp-workshop-list::part(item) { border: 1px solid #e4dccb; }
      iigp-workshop-list::part(date) { font-weight: 600; }
      iigp-workshop-list::part(status) { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; }
      iigp-workshop-list::part(credits) { font-style: italic; }
      iigp-workshop-list::part(register) { border-radius: 999px; padding-inline: 1.1em; }
    `),
  ],
  parameters: { column: '56rem' },
};

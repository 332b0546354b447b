import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/faculty-card/define.js';
import { tagName as TAG } from '../src/faculty-card/faculty-card.js';
import { samplePeople } from './data/sources.js';
import { darkPage, pageStyles, renderWidget, rtlPage, type WidgetArgs } from './support/widget.js';

/**
 * `<iigp-faculty-card>`: one faculty member. From attributes alone, or one person picked with `person`
 * from `demo/data/faculty.json` (schema.org) or `demo/data/faculty-pages.json` (WordPress pages) over a
 * mocked network (msw).
 */
const meta = {
  title: 'Widgets/Faculty card',
  component: TAG,
  render: (args, context) => renderWidget(TAG, args, context),
  args: {
    src: '/mock/faculty.json',
    person: 'natan-harpaz',
  },
  parameters: {
    // The width of the page column the widget sits in (a global decorator in .storybook/preview.ts).
    column: '36rem',
    docs: {
      description: {
        component:
          'Write `<iigp-faculty-card name="Natan HarPaz" credentials="Ph.D, M.S.W, CGP" job-title="Faculty" photo="…" href="…">` ' +
          'with the bio in `<p slot="bio">`, or pick a person from data with `src` and `person`.',
      },
    },
  },
} satisfies Meta<WidgetArgs>;

export default meta;
type Story = StoryObj<WidgetArgs>;

/** One person from schema.org JSON, with photo, credentials, job title and bio. */
export const Default: Story = {};

/** No data at all: everything from attributes, the bio as the page writes it. */
export const FromAttributes: Story = {
  name: 'From attributes',
  args: {
    src: undefined,
    person: undefined,
    name: 'Leora Bar-Levav',
    credentials: 'M.D.',
    'job-title': 'Psychiatrist; faculty',
    photo: 'https://iigp.example/wp-content/uploads/faculty/leora-bar-levav.jpg',
    href: 'https://iigp.example/faculty/leora-bar-levav/',
    children:
      '<p slot="bio">Leora Bar-Levav treats individuals and groups and teaches in the Institute’s training program.</p>',
  },
};

/** Held pending for ever: the placeholder. */
export const Loading: Story = {
  tags: ['state:loading'],
  args: { src: '/mock/pending/faculty.json', timeout: 2_000_000_000 },
};

/** Nobody to show (an empty list): the built-in message. */
export const Empty: Story = {
  args: { src: '/mock/faculty-empty.json' },
};

/** `person` names nobody in the data: the page's fallback. */
export const EmptyWithFallback: Story = {
  name: 'Empty (person not found, with fallback)',
  args: {
    person: 'no-such-person',
    children: '<p><a href="https://iigp.example/faculty/">Meet our faculty</a></p>',
  },
};

/** The server answers 500: the fallback. */
export const ErrorState: Story = {
  name: 'Error (with fallback)',
  tags: ['network-error'],
  args: {
    src: '/mock/status/500',
    children: '<p><a href="https://iigp.example/faculty/natan-harpaz/">Natan HarPaz, Ph.D</a></p>',
  },
};

/** `src` is an HTML page and there is no fallback: the built-in message. */
export const ErrorNotData: Story = {
  name: 'Error (not data, no fallback)',
  args: { src: '/mock/blog.html' },
};

/** Names, credentials, titles and bios far too long. */
export const LongText: Story = {
  name: 'Long names and titles',
  args: { src: '/mock/faculty-long.json', 'bio-words': 60 },
  parameters: { column: '22rem' },
};

/** The whole faculty: one card per person, all from one request. */
export const ManyItems: Story = {
  name: 'Many items (a faculty page)',
  render: (args, context) =>
    html`<div style="display:grid;gap:1.5rem;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr))">
      ${samplePeople.map((person) => renderWidget(TAG, { ...args, person: String(person.identifier) }, context))}
    </div>`,
  args: { layout: 'vertical', 'bio-words': 20 },
  parameters: { column: '64rem' },
};

/** No photo: the initials instead. */
export const NoImages: Story = {
  name: 'No photo (initials)',
  args: { src: '/mock/faculty-no-photos.json' },
};

/** Photo beside the text. */
export const HorizontalLayout: Story = {
  name: 'Layout: horizontal',
  args: { layout: 'horizontal' },
};

/** Photo above, centred. */
export const VerticalLayout: Story = {
  name: 'Layout: vertical',
  args: { layout: 'vertical' },
  parameters: { column: '18rem' },
};

/** A small photo, no bio: for lists of presenters. */
export const CompactLayout: Story = {
  name: 'Layout: compact',
  args: { layout: 'compact' },
};

/** No link to the profile. */
export const WithoutLink: Story = {
  name: 'Without link',
  args: { 'show-link': false },
};

/** schema.org Persons, demo/data/faculty.json. */
export const FormatJson: Story = {
  name: 'Format: schema.org JSON',
  args: { format: 'json', person: 'leora-bar-levav' },
};

/** WordPress pages (`/wp-json/wp/v2/pages?_embed`), demo/data/faculty-pages.json. */
export const FormatWordPress: Story = {
  name: 'Format: WordPress pages',
  args: { src: '/mock/wp-json/wp/v2/pages', format: 'wp', person: 'david-baker' },
};

/** A dark theme. */
export const DarkPage: Story = {
  name: 'Dark host page',
  decorators: [darkPage],
};

/** A Hebrew page, right to left. */
export const RightToLeft: Story = {
  name: 'Right to left (Hebrew)',
  args: { 'job-title': 'סגל; פסיכותרפיסט קבוצתי' },
  decorators: [rtlPage],
};

/** Custom properties and `::part` rules from the host page at work. */
export const Themed: Story = {
  args: {
    layout: 'vertical',
    '--iigp-photo-size': '9rem',
    '--iigp-card-padding': '1.5rem',
    '--iigp-card-background': '#fffaf0',
    '--iigp-radius': '1rem',
    '--iigp-link-color': '#114b5f',
    '--iigp-initials-background': '#e4dccb',
  },
  decorators: [
    pageStyles(`
      iigp-faculty-card { font-family: Georgia, 'Times New Roman', serif; color: #1d2a2e; }
      iigp-faculty-card::part(item) { border: 1px solid #e4dccb; box-shadow: 0 2px 6px rgb(0 0 0 / .08); }
      iigp-faculty-card::part(image) { border-radius: 50%; outline: 3px solid #c9a227; outline-offset: 3px; }
      iigp-faculty-card::part(title) { font-size: 1.3rem; }
      iigp-faculty-card::part(credentials) { font-variant: small-caps; letter-spacing: .04em; }
      iigp-faculty-card::part(job-title) { font-style: italic; }
    `),
  ],
  parameters: { column: '22rem' },
};

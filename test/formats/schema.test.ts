/** The schema.org family: Events (workshops), Persons (faculty) and PublicationIssues (newsletters), JSON-LD style. */
import { expect } from '@open-wc/testing';
import { parseSchemaEvents } from '../../src/formats/schema/schema-events.js';
import { schemaImage, schemaNodes, schemaText } from '../../src/formats/schema/schema-nodes.js';
import { parseSchemaPersons } from '../../src/formats/schema/schema-person.js';
import { parsePublicationIssues } from '../../src/formats/schema/schema-publication.js';
import { SITE, body, formatErrorOf, json } from './helpers.js';

/** A JSON file of the demo site, as the loader would hand it over. */
async function demo(name: string) {
  const response = await fetch(`/demo/data/${name}`);
  return body(await response.text(), 'application/ld+json', `${SITE}/data/${name}`);
}

const event = (name: string, startDate: string, extra: object = {}) => ({
  '@type': 'Event',
  name,
  startDate,
  ...extra,
});

describe('schemaNodes and the small readers', () => {
  it('finds nodes of a type in an array, an ItemList or an @graph', () => {
    const a = event('A', '2030-01-01');
    expect(schemaNodes(json([a]), 'Event').nodes).to.deep.equal([a]);
    expect(
      schemaNodes(json({ '@type': 'ItemList', itemListElement: [{ '@type': 'ListItem', item: a }] }), 'Event').nodes,
    ).to.deep.equal([a]);
    expect(
      schemaNodes(json({ '@graph': [{ '@type': 'Organization', name: 'IIGP' }, a] }), 'Event').nodes,
    ).to.deep.equal([a]);
  });

  it('reads texts given as {name} or {value}, and images only from safe URLs', () => {
    expect([schemaText({ name: ' Ph.D ' }), schemaText([{ value: 'CGP' }]), schemaText(5)]).to.deep.equal([
      'Ph.D',
      'CGP',
      '5',
    ]);
    expect(schemaImage({ url: 'photos/a.png', width: '200' }, `${SITE}/data/`)).to.deep.equal({
      src: `${SITE}/data/photos/a.png`,
      alt: '',
      width: 200,
      height: undefined,
    });
    expect(schemaImage('javascript:alert(1)', SITE)).to.equal(undefined);
  });
});

describe('parseSchemaEvents', () => {
  it('reads the demo workshops (an @graph with an Organization) in their own zone', async () => {
    const { items } = await parseSchemaEvents(await demo('workshops.json'));
    expect(items.map((w) => [w.title, (w.start as Date).toISOString(), w.timeZone])[0]).to.deep.equal([
      'Culture and Race in Psychotherapy',
      '2026-10-16T23:00:00.000Z',
      'America/Detroit',
    ]);
    expect(items.length).to.equal(5);
  });

  it('shows strings literally and skips events without a readable start', async () => {
    const { items, skipped } = await parseSchemaEvents(
      json([event('<b>Groups</b> & more', '2030-05-01T10:00:00Z'), event('No date', 'soon')]),
    );
    expect(items.map((w) => w.title)).to.deep.equal(['<b>Groups</b> & more']);
    expect(skipped).to.equal(1);
  });

  it('refuses JSON without Events', () => {
    expect(formatErrorOf(() => parseSchemaEvents(json({ hello: 'world' }))).kind).to.equal('format');
  });
});

describe('parseSchemaPersons', () => {
  it('reads the demo faculty: slug, name without credentials, job title and photo', async () => {
    const { items } = await parseSchemaPersons(await demo('faculty.json'));
    const [first] = items;
    expect([first.id, first.name, first.credentials, first.jobTitle]).to.deep.equal([
      'natan-harpaz',
      'Natan HarPaz',
      ['Ph.D', 'M.S.W', 'CGP', 'FAGPA'],
      'Faculty; group psychotherapist',
    ]);
    expect(first.image?.src).to.equal(`${SITE}/data/photos/portrait-placeholder.png`);
  });

  it('takes the slug from the name or the profile URL when there is no identifier', async () => {
    const { items } = await parseSchemaPersons(
      json([
        { '@type': 'Person', name: 'Leora Bar-Levav, MD' },
        { '@type': 'Person', name: 'Someone', url: `${SITE}/faculty/some-one/` },
      ]),
    );
    expect(items.map((p) => [p.id, p.name, p.credentials])).to.deep.equal([
      ['leora-bar-levav', 'Leora Bar-Levav', ['MD']],
      ['some-one', 'Someone', []],
    ]);
  });
});

describe('parsePublicationIssues', () => {
  it('reads the demo newsletters with their PDF links, dates and sizes', async () => {
    const { items } = await parsePublicationIssues(await demo('newsletters.json'));
    expect(items[0]).to.include({
      title: 'Winter 2012',
      url: 'https://iigp.example/wp-content/uploads/newsletters/winter-2012.pdf',
    });
    expect(items[0].size).to.equal(825 * 1024);
    expect((items[0].date as Date).toISOString()).to.equal('2012-01-15T00:00:00.000Z');
  });

  it('refuses JSON without PublicationIssues', () => {
    expect(formatErrorOf(() => parsePublicationIssues(json({ hello: 'world' }))).kind).to.equal('format');
  });
});

describe('toSchemaEvents (the snapshot writer), read back by parseSchemaEvents', () => {
  it('written Events read back as the workshops they were written from, in their own zones', async () => {
    const { toSchemaEvents } = await import('../../src/formats/schema/schema-events-write.js');
    const source = parseSchemaEvents(await demo('workshops.json'));
    const { document, count } = toSchemaEvents(source.items);
    expect(count).to.equal(source.items.length);
    const back = parseSchemaEvents(body(JSON.stringify(document), 'application/ld+json', `${SITE}/workshops.json`));
    const fields = (w: (typeof back.items)[number]) => [
      w.title,
      w.url,
      new Date(w.start).toISOString(),
      w.end && new Date(w.end).toISOString(),
      w.timeZone,
      w.place?.name,
      w.registrationUrl,
      w.status,
    ];
    expect(back.items.map(fields)).to.deep.equal(source.items.map(fields));
  });
});

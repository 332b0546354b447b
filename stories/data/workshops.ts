/**
 * Variants of the sample workshops (demo/data/workshops.json, schema.org Events in an `@graph`), derived
 * rather than copied, for the workshop-list stories. Plain functions over parsed JSON; tests may import them.
 */
type Node = Record<string, unknown>;
export interface Graph {
  '@context'?: unknown;
  '@graph': Node[];
}

const isEvent = (node: Node) => typeof node.startDate === 'string';

/** The same graph with `change` applied to each event (other nodes, like the organisation, stay). */
export function mapEvents(graph: Graph, change: (event: Node, index: number) => Node | undefined): Graph {
  let index = 0;
  return {
    ...graph,
    '@graph': graph['@graph'].flatMap((node) => {
      if (!isEvent(node)) return [node];
      const changed = change(structuredClone(node), index++);
      return changed ? [changed] : [];
    }),
  };
}

/** No events at all: a valid, empty schedule. */
export function noEvents(graph: Graph): Graph {
  return mapEvents(graph, () => undefined);
}

/** The sample events without images. */
export function withoutImages(graph: Graph): Graph {
  return mapEvents(graph, ({ image: _image, ...event }) => event);
}

/** Long titles, venue names and presenter names. */
export function withLongText(graph: Graph): Graph {
  return mapEvents(graph, (event, i) => ({
    ...event,
    name:
      i === 0
        ? 'Gruppenpsychotherapeutischeweiterbildungsveranstaltung: an unbroken word that must wrap somewhere'
        : `${String(event.name)}: a full-day clinical intensive with case presentations, small-group consultation, live demonstration and a closing panel`,
    performer: [
      { '@type': 'Person', name: 'Alexandra Konstantinopoulou-Whitfield, Ph.D., LP, ABPP, CGP, FAGPA' },
      { '@type': 'Person', name: 'Maximilian Bartholomew Rosenkranz-Oyelaran, LMSW, ACSW' },
      { '@type': 'Person', name: 'Leora Bar-Levav, M.D.' },
    ],
  }));
}

/** `count` events: the sample events repeated a week apart (times keep their wall-clock zone). */
export function manyEvents(graph: Graph, count: number): Graph {
  const events = graph['@graph'].filter(isEvent);
  const shift = (value: unknown, weeks: number) =>
    typeof value === 'string' ? new Date(Date.parse(value) + weeks * 7 * 86_400_000).toISOString() : value;
  return {
    ...graph,
    '@graph': [
      ...graph['@graph'].filter((node) => !isEvent(node)),
      ...Array.from({ length: count }, (_, i) => {
        const event = structuredClone(events[i % events.length]);
        const round = Math.floor(i / events.length);
        return {
          ...event,
          '@id': `${String(event['@id'])}-${i}`,
          url: round ? `${String(event.url)}${round + 1}/` : event.url,
          name: round ? `${String(event.name)} (session ${round + 1})` : event.name,
          startDate: shift(event.startDate, round * 4),
          endDate: shift(event.endDate, round * 4),
        };
      }),
    ],
  };
}

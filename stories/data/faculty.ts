/**
 * Variants of the sample faculty (demo/data/faculty.json, schema.org Persons), derived rather than copied.
 */
type Person = Record<string, unknown>;

/** The faculty without photos: the cards show initials. */
export function withoutPhotos(people: Person[]): Person[] {
  return people.map(({ image: _image, ...person }) => person);
}

/** Long names, credentials, titles and bios. */
export function withLongText(people: Person[]): Person[] {
  return people.map((person) => ({
    ...person,
    name: `${String(person.name)} Konstantinopoulou-Rosenkranz`,
    honorificSuffix: `${String(person.honorificSuffix ?? '')}, ABPP, DLFAGPA, LMSW, ACSW, BCD`.replace(/^, /, ''),
    jobTitle:
      'Senior Faculty Member; Director of the Advanced Training Program in Group Psychotherapy and Clinical Supervision',
    description: `${String(person.description ?? '')} ${String(person.description ?? '')}`,
  }));
}

/**
 * Every photo at an address the stories' mocked network answers (an image under
 * https://iigp.example/wp-content/uploads/, see ./handlers.ts). The sample file links its one photo
 * relatively (photos/portrait-placeholder.png), which only loads where demo/data/ happens to be served
 * beside the data URL; a story must not depend on that, or its card requests a picture that is not there.
 */
export function withServedPhotos(people: Person[]): Person[] {
  return people.map((person) =>
    person.image
      ? {
          ...person,
          image: {
            ...(person.image as object),
            url: `https://iigp.example/wp-content/uploads/faculty/${String(person.identifier)}.jpg`,
          },
        }
      : person,
  );
}

import { splitCredentials } from './person-name.js';

const SUFFIX = /^(jr|sr|[ivx]{2,4})\.?$/i;

/**
 * A title as the site writes it, "Natan HarPaz, Ph.D, M.S.W, CGP, FAGPA", as the name and its credentials.
 * Generational suffixes stay with the name ("John Smith, Jr., M.D.").
 */
export function splitNameAndCredentials(title: string): { name: string; credentials: string[] } {
  const [name = '', ...rest] = splitCredentials(title);
  let full = name;
  while (rest.length && SUFFIX.test(rest[0])) full += `, ${rest.shift()}`;
  return { name: full, credentials: rest };
}

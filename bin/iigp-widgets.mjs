#!/usr/bin/env node
// iigp-widgets snapshot: turns a feed (RSS/RDF/Atom, WordPress REST, JSON Feed) or The Events
// Calendar's REST response into the static JSON the widgets read, for hosting beside the script.
// This file is the command line and the atomic write; reading, parsing and writing the JSON are the
// widgets' own modules, built for Node into dist/node/snapshot.js (src/snapshot/snapshot.ts).
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const USAGE = `Usage: iigp-widgets snapshot <url-or-file> --out <file.json> [--kind posts|workshops] [--limit N]

Turns a feed into JSON the iigp widgets read, to host beside the script (any static host or CDN):
  posts      JSON Feed 1.1, for <iigp-recent-posts format="json">
             from RSS 2.0, RSS 1.0 (RDF), Atom 1.0, WordPress /wp-json/wp/v2/posts or JSON Feed
  workshops  an array of schema.org Event objects, for <iigp-workshop-list format="json">
             from The Events Calendar's /wp-json/tribe/events/v1/events

Options:
  --out <file>    where to write the JSON (written whole or not at all; required)
  --kind <kind>   posts or workshops (default: workshops for an events response, else posts)
  --limit <N>     keep at most N entries, in the source's order
  -h, --help      show this help

The same input always gives byte-identical output. URLs are fetched with a 10 s limit, one page
each: ask WordPress for enough entries (and _embed for images and authors), e.g.
/wp-json/wp/v2/posts?_embed&per_page=20 or /wp-json/tribe/events/v1/events?per_page=50.
Example: npx iigp-widgets snapshot https://example.org/feed/ --out public/posts.json`;

function usageError(message) {
  process.stderr.write(`iigp-widgets: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

function parseCommandLine(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        kind: { type: 'string' },
        limit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    usageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const [command, source, ...extra] = positionals;
  if (!command) usageError('no command given');
  if (command !== 'snapshot') usageError(`unknown command "${command}"`);
  if (!source) usageError('snapshot needs a feed URL or file');
  if (extra.length) usageError(`unexpected argument "${extra[0]}"`);
  if (!values.out) usageError('snapshot needs --out <file.json>');
  if (values.kind !== undefined && !['posts', 'workshops'].includes(values.kind))
    usageError(`--kind must be posts or workshops, not "${values.kind}"`);
  let limit = Infinity;
  if (values.limit !== undefined) {
    if (!/^\d+$/.test(values.limit) || Number(values.limit) < 1)
      usageError(`--limit must be a whole number of at least 1, not "${values.limit}"`);
    limit = Number(values.limit);
  }
  return { source, out: values.out, kind: values.kind, limit };
}

/** Writes `text` to `path` through a temporary file in the same folder: whole or not at all. */
async function writeAtomically(path, text) {
  try {
    if ((await readFile(path, 'utf8')) === text) return false;
  } catch {
    // No file yet, or unreadable: write it.
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const cleanUp = () => rm(temp, { force: true }).catch(() => {});
  const onSignal = async (signal) => {
    await cleanUp();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await cleanUp();
    throw new WriteError(`cannot write ${path} (${error.code ?? error.message})`);
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
  return true;
}

class WriteError extends Error {}

/** The pipeline, built by `npm run build`; a checkout that was never built says so. */
async function pipeline() {
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'node', 'snapshot.js');
  try {
    return await import(path);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
    process.stderr.write(`iigp-widgets: ${path} is missing; run npm run build first.\n`);
    process.exit(1);
  }
}

async function run({ source, out, kind, limit }) {
  const { SnapshotError, readSource, snapshot } = await pipeline();
  try {
    const result = await snapshot(await readSource(source), { kind, limit });
    const written = await writeAtomically(resolve(out), result.text);
    const { count, skipped } = result;
    const what =
      result.kind === 'workshops'
        ? `${count} workshop${count === 1 ? '' : 's'} (schema.org Events)`
        : `${count} post${count === 1 ? '' : 's'} (JSON Feed 1.1)`;
    if (skipped)
      process.stderr.write(
        `iigp-widgets: skipped ${skipped} entr${skipped === 1 ? 'y' : 'ies'} without a usable link, title or date, or repeated\n`,
      );
    process.stdout.write(`${written ? 'Wrote' : 'Unchanged:'} ${what} ${written ? 'to' : 'in'} ${out}\n`);
  } catch (error) {
    if (!(error instanceof SnapshotError || error instanceof WriteError)) throw error;
    process.stderr.write(`iigp-widgets snapshot: error: ${error.message}\n${error.hint ? `  ${error.hint}\n` : ''}`);
    process.exitCode = 1;
  }
}

await run(parseCommandLine(process.argv.slice(2)));

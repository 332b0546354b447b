#!/usr/bin/env node
// Writes dist/iigp-widgets-selfhost.zip (run by `npm run build`, after the library build): the files a
// page loads (dist/*.js and dist/chunks/*.js) in one versioned folder, iigp-widgets-<version>/, with a
// README.txt holding the snippet. Unzipped on any static host (or a WordPress site's uploads folder),
// the folder is all a page needs: every file stands alone and finds its chunks/ beside it.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zip } from './zip.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const folder = `iigp-widgets-${version}`;
const zipPath = join(dist, 'iigp-widgets-selfhost.zip');

if (!existsSync(join(dist, 'iigp-widgets.js'))) {
  console.error('build-selfhost: dist/iigp-widgets.js is missing; run `npm run build` first');
  process.exit(1);
}

const scripts = (sub) =>
  existsSync(join(dist, sub))
    ? readdirSync(join(dist, sub))
        .sort()
        .filter((name) => name.endsWith('.js') && statSync(join(dist, sub, name)).isFile())
        .map((name) => (sub ? `${sub}/${name}` : name))
    : [];
const files = [...scripts(''), ...scripts('chunks')];

const readme = `iigp-widgets ${version}: the files a web page loads, to host yourself.

1. Upload the folder ${folder}/ as it is to any static host, or to your WordPress site's
   uploads folder (wp-content/uploads/) with SFTP or your host's file manager. (WordPress's Media
   Library does not accept .js files; on WordPress the plugin, iigp-widgets-wordpress.zip, is the
   easier way.) Keep the folder's name: a new version goes into a new folder, so pages never change
   unannounced.
2. Paste this where the widget should appear (a WordPress "Custom HTML" block, or any page):

<script type="module" src="/wp-content/uploads/${folder}/iigp-widgets.js"></script>
<iigp-recent-posts src="/feed/" limit="5">
  <a href="/blog/">Read our blog</a>
</iigp-recent-posts>

   Change the script's address to where you put the folder. One script serves every widget of the
   page; a page with a single widget may load that widget's file instead (recent-posts.js,
   workshop-list.js, faculty-card.js or newsletter-archive.js).

Pages on other sites can load the script from your host only if it sends
Access-Control-Allow-Origin on these files (module scripts are fetched with CORS).
Documentation: the README of the iigp-widgets package.
`;

const archive = zip([
  { name: `${folder}/README.txt`, data: Buffer.from(readme, 'utf8') },
  ...files.map((file) => ({ name: `${folder}/${file}`, data: readFileSync(join(dist, file)) })),
]);
writeFileSync(zipPath, archive);
console.log(
  `build-selfhost: ${relative(root, zipPath)} (${files.length} scripts in ${folder}/, ${(archive.length / 1024).toFixed(1)} KB)`,
);

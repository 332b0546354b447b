// `npm start`: the demo on two origins, no network needed.
//   http://127.0.0.1:5173/  the institute's site (Vite, sources compiled on the fly)
//   http://127.0.0.1:5174/  an allied organisation's site, embedding the widgets from the first origin
// The first origin answers like WordPress: JSON (as /wp-json/) is readable from other sites, XML
// feeds (as /feed/) are not, so the allied page shows both paths.
import { createServer as createHttpServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createServer } from 'vite';

const site = Number(process.env.PORT ?? 5173);
const allied = site + 1;

const vite = await createServer({ configFile: 'vite.config.ts', server: { port: site, strictPort: true } });
await vite.listen();

createHttpServer((request, response) => {
  const page = request.url === '/' || request.url?.startsWith('/?') ? 'allied.html' : undefined;
  if (!page) {
    response.writeHead(404).end('Not found');
    return;
  }
  const html = readFileSync(new URL(page, import.meta.url), 'utf8').replaceAll(
    'http://127.0.0.1:5173',
    `http://127.0.0.1:${site}`,
  );
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
}).listen(allied, '127.0.0.1');

console.log(`\n  Institute demo:          http://127.0.0.1:${site}/`);
console.log(`  Embed configurator:      http://127.0.0.1:${site}/configurator.html`);
console.log(`  Allied organisation:     http://127.0.0.1:${allied}/  (another origin)\n`);

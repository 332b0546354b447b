// 1. Code bytes: gzip -9 (as `npm run size`) and brotli of the files a page with a feed loads.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import { closure } from '../lib/dist.mjs';
import { log, row } from '../lib/run-state.mjs';
import { kb, ratio } from '../lib/stats.mjs';

export function measureBytes({ dist, feedChunk, baselineFiles }) {
  log('\nbytes');
  const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
  const br = (file) =>
    brotliCompressSync(readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  // The page file and the RSS parser file (each stands alone: a page with a feed loads exactly these two).
  const withParser = (entry) => closure(dist, join('chunks', feedChunk), closure(dist, entry));
  for (const [label, size] of [
    ['gzip -9', gz],
    ['brotli', br],
  ]) {
    const sum = (files) => [...files].reduce((n, f) => n + size(f), 0);
    const [lib, all, base] = [
      sum(withParser('recent-posts.js')),
      sum(withParser('iigp-widgets.js')),
      sum(baselineFiles),
    ];
    row('bytes', `code, ${label}: recent-posts.js + RSS parser`, kb(lib), kb(base), ratio(base, lib));
    row('bytes', `code, ${label}: iigp-widgets.js + RSS parser`, kb(all), kb(base), ratio(base, all));
  }
}

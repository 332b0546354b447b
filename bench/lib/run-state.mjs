// What every measure shares: the options from the environment, the time budget, and the results
// collected for the report (rows, incomplete sections, failed runs).

const env = process.env;

export const options = {
  runs: Math.max(3, Number(env.BENCH_RUNS ?? 15)),
  timeLimitS: Number(env.BENCH_TIME_LIMIT ?? 240),
  out: env.BENCH_OUT ?? 'bench/RESULTS.md',
  dist: env.BENCH_DIST ?? 'dist',
  only: env.BENCH_ONLY ? new Set(env.BENCH_ONLY.split(',').map((x) => x.trim())) : undefined,
  networks: env.BENCH_NETWORKS ? env.BENCH_NETWORKS.split(',').map((x) => x.trim()) : undefined,
  lighthouse: env.BENCH_LIGHTHOUSE !== '0',
  lighthouseRuns: Math.max(1, Number(env.BENCH_LH_RUNS ?? 3)),
};

/** Whether the section runs (BENCH_ONLY). */
export const runs = (section) => !options.only || options.only.has(section);

export const started = Date.now();
const deadline = started + options.timeLimitS * 1000;
export const timeLeft = () => deadline - Date.now();
/** A deadline for one section: this share of the time that is left, so later sections still get theirs. */
export const sectionDeadline = (share) => Date.now() + Math.max(0, timeLeft()) * share;

export const log = (...args) => console.log(...args);

/** [section, measure, library, baseline, ratio, note] */
export const rows = [];
export const partial = new Set();
export const failures = [];

export function row(section, measure, lib, base, r, note = '') {
  rows.push([section, measure, lib, base, r, note]);
  log(
    `  ${measure.padEnd(46)} library ${String(lib).padStart(10)}   baseline ${String(base).padStart(10)}   ${String(r).padStart(8)} ${note}`,
  );
}

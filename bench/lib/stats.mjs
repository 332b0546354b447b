// Medians, units and ratios for the report.

export const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
};
export const ms = (x) =>
  Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' ms' : 'n/a';
export const kb = (x) => (Number.isFinite(x) ? (x / 1024).toFixed(1) + ' KB' : 'n/a');
/** How many times better the library is: baseline ÷ library (above 1 favours the library). */
export const ratio = (base, lib) =>
  Number.isFinite(base) && Number.isFinite(lib) && lib > 0 ? (base / lib).toFixed(2) + '×' : 'n/a';
/** The first line of an error's message, for the list of failed runs. */
export const firstLine = (error) => String(error?.message ?? error).split('\n')[0];

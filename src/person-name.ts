/** "Ph.D, M.S.W, CGP, FAGPA" (or a list) as ["Ph.D", "M.S.W", "CGP", "FAGPA"]. */
export function splitCredentials(value: unknown): string[] {
  const parts = Array.isArray(value) ? value : [value];
  return parts
    .flatMap((part) => (typeof part === 'string' ? part.split(/[,;]/) : []))
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** "Natan HarPaz" as "natan-harpaz": the slug `person="…"` matches when the data has no identifier. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

import type { DoctypeReader } from './well-formed.js';

// XML's white space is these four characters only.
const S = '[ \\t\\r\\n]';
const NAME = '[A-Za-z_][\\w.-]*';
// Literals without `<`: an entity declaration's `<!ENTITY` is then found in the DOCTYPE by its `<` alone.
const LITERAL = `(?:"[^"<]*"|'[^'<]*')`;
const PUBID = `(?:"[-'()+,./:=?;!*#@$_%\\w \\r\\n]*"|'[-()+,./:=?;!*#@$_%\\w \\r\\n]*')`;
const EXTERNAL_ID = `(?:SYSTEM${S}+${LITERAL}|PUBLIC${S}+${PUBID}${S}+${LITERAL})`;

/** White space, comments and processing instructions: what may come before a DOCTYPE. */
const MISC = /(?:[ \t\r\n]|<!--[^]*?-->|<\?[^]*?\?>)*/y;

/**
 * A DOCTYPE of the plain kind: its internal subset holds only white space, comments and entity declarations, general
 * ones with a literal value of plain text or an external identifier, parameter ones likewise (repairXml drops
 * parameter entity references). Anything else (element or attribute list declarations, references,
 * markup in a value, the predefined entities declared again) refuses the document: that grammar is large and
 * each engine reads it differently; feeds do not need it.
 */
const DOCTYPE = new RegExp(
  `<!DOCTYPE${S}+${NAME}(?::${NAME})?(?:${S}+${EXTERNAL_ID})?${S}*(?:\\[(?:${S}|<!--(?:[^-]|-[^-])*-->|<!ENTITY${S}+(?:%${S}+)?(?!(?:amp|lt|gt|quot|apos)${S})${NAME}${S}+(?:"[^"%&<]+"|'[^'%&<]+'|${EXTERNAL_ID})${S}*>)*\\]${S}*)?>`,
  'y',
);

/**
 * The DOCTYPE reader of `wellFormed` (well-formed.ts), loaded with the repairs: a document with a DOCTYPE is
 * rare, and goes there (parseXml). `content` (a document without its XML declaration) without its DOCTYPE,
 * which only white space, comments and processing instructions may precede, and whether each entity it
 * declares is plain text (the first declaration counts): the references to those are read as one letter, the
 * references to the rest stay and are refused (the parser does not read an external entity). A DOCTYPE of
 * any other kind, or one further on, is left in place, and the fragment parser refuses it.
 */
export const withoutDoctype: DoctypeReader = (content) => {
  MISC.lastIndex = 0;
  MISC.test(content);
  const lt = (DOCTYPE.lastIndex = MISC.lastIndex);
  const doctype = DOCTYPE.exec(content)?.[0];
  const entities = new Map<string, boolean>();
  if (!doctype) return [content, entities];
  for (const [, parameter, name, quote] of doctype.matchAll(/<!--[^]*?-->|<!ENTITY\s+(%\s+)?(\S+)\s+(["'])?/g))
    if (name && !parameter && !entities.has(name)) entities.set(name, !!quote);
  return [content.slice(0, lt) + content.slice(DOCTYPE.lastIndex), entities];
};

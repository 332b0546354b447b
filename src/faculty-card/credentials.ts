/**
 * What the credentials the institute's faculty carry stand for, by their letters without dots or spaces, so
 * "Ph.D", "PhD" and "Ph.D." are all found. Loaded on demand: the card shows the credentials as written at
 * once and adds the expansions when this arrives.
 */
const KNOWN = new Map(
  [
    'PHD:Doctor of Philosophy',
    'PSYD:Doctor of Psychology',
    'EDD:Doctor of Education',
    'MD:Doctor of Medicine',
    'DO:Doctor of Osteopathic Medicine',
    'MSW:Master of Social Work',
    'MA:Master of Arts',
    'MS:Master of Science',
    'MED:Master of Education',
    'CGP:Certified Group Psychotherapist',
    'FAGPA:Fellow of the American Group Psychotherapy Association',
    'LMSW:Licensed Master Social Worker',
    'LCSW:Licensed Clinical Social Worker',
    'ACSW:Academy of Certified Social Workers',
    'LP:Licensed Psychologist',
    'LLP:Limited Licensed Psychologist',
    'LPC:Licensed Professional Counselor',
    'LMFT:Licensed Marriage and Family Therapist',
    'RN:Registered Nurse',
  ].map((entry) => entry.split(':') as [string, string]),
);

/** What a credential stands for ("Ph.D" gives "Doctor of Philosophy"), or undefined when it is not known. */
export function expand(text: string): string | undefined {
  return KNOWN.get(text.replace(/[.\s]/g, '').toUpperCase());
}

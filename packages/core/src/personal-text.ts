/**
 * Personal data typed into free text (a case's content, a reply, a note): mobile phones, landlines
 * with their area code, ID numbers, bank card numbers and e-mail addresses. The server stores such
 * text masked (138****5678) and keeps the original encrypted for an audited reveal.
 *
 * Detection works on a copy where full-width digits and signs are made half-width (one UTF-16 unit
 * each, so positions agree). Masking keeps the layout (separators, a +86 prefix, an area code), and
 * masking a masked text again changes nothing.
 */
import { isValidIdNumber } from './identity.js';

export type PersonalDataKind = 'email' | 'id_number' | 'bank_card' | 'mobile' | 'landline';

/** One piece of personal data found in a text: where it is and what it becomes once masked. */
export interface PersonalDataHit {
  kind: PersonalDataKind;
  start: number;
  end: number;
  masked: string;
}

/** Full-width digits and signs (０-９ ＋ － （ ）) as their half-width forms, position for position. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF08\uFF09\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Replaces the digits (and an ID's X) of `original` by '*', except the first `keepFirst` and the last `keepLast` of them. */
function maskDigits(original: string, normal: string, keepFirst: number, keepLast: number): string {
  const isDigit = (ch: string) => /[0-9Xx]/.test(ch);
  const total = Array.from(normal).filter(isDigit).length;
  let seen = 0;
  let out = '';
  for (let i = 0; i < normal.length; i++) {
    if (!isDigit(normal[i]!)) {
      out += original[i];
      continue;
    }
    out += seen < keepFirst || seen >= total - keepLast ? original[i] : '*';
    seen++;
  }
  return out;
}

const digitsOf = (s: string) => s.replace(/[^0-9Xx]/g, '');

/** The Luhn check of bank card numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const MONTH_DAY = '(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])';

interface Rule {
  kind: PersonalDataKind;
  pattern: RegExp;
  /** Whether a match really is this kind (a check digit, a checksum). */
  accept?: (match: RegExpExecArray) => boolean;
  /** The masked form of the match (`original` and its half-width copy `normal`). */
  mask: (original: string, normal: string, match: RegExpExecArray) => string;
}

/** In priority order: an earlier rule's hit wins over an overlapping later one. */
const RULES: Rule[] = [
  {
    kind: 'email',
    pattern: /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    // zhang.san@example.com → z***@example.com (a '*' cannot start an address, so the mask is never found again).
    mask: (original) => `${original[0]}***${original.slice(original.indexOf('@'))}`,
  },
  {
    kind: 'id_number',
    // 18 characters (6 region, 8 birth date, 3 order, check digit), optionally spaced 6 8 4.
    pattern: new RegExp(`(?<![0-9A-Za-z])[1-9]\\d{5} ?(?:18|19|20)\\d{2}${MONTH_DAY} ?\\d{3}[0-9Xx](?![0-9A-Za-z])`, 'g'),
    accept: (m) => isValidIdNumber(digitsOf(m[0]).toUpperCase()),
    mask: (original, normal) => maskDigits(original, normal, 4, 4),
  },
  {
    kind: 'id_number',
    // The old 15-digit numbers: region, yymmdd, order.
    pattern: new RegExp(`(?<![0-9A-Za-z])[1-8]\\d{5}\\d{2}${MONTH_DAY}\\d{3}(?![0-9A-Za-z])`, 'g'),
    mask: (original, normal) => maskDigits(original, normal, 4, 4),
  },
  {
    kind: 'bank_card',
    // 15–19 digits (UnionPay 62…, Visa 4…, Mastercard 5…, Amex/JCB 3…), in one run or in groups of four
    // with one kind of separator, with a right Luhn checksum.
    pattern: /(?<![0-9A-Za-z])[3-6](?:\d{14,18}|\d{3}(?<sep>[ -])\d{4}\k<sep>\d{4}\k<sep>\d{3,4}(?:\k<sep>\d{1,3})?)(?![0-9A-Za-z])/g,
    accept: (m) => {
      const d = digitsOf(m[0]);
      return d.length >= 15 && d.length <= 19 && passesLuhn(d);
    },
    mask: (original, normal) => maskDigits(original, normal, 4, 4),
  },
  {
    kind: 'mobile',
    // 13812345678, 138 1234 5678, 138-1234-5678, +86 138…, (+86)138…, 0086-138…
    pattern: /(?<![0-9+])(?<prefix>(?:\+|00)?86[ -]?|\(\+?86\) ?)?(?<body>1[3-9]\d(?:[ -]?\d){8})(?![0-9])/g,
    mask: (original, normal, m) => {
      const cut = m.groups?.prefix?.length ?? 0;
      return original.slice(0, cut) + maskDigits(original.slice(cut), normal.slice(cut), 3, 4);
    },
  },
  {
    kind: 'landline',
    // 0791-88881234, (0791)8888 1234, 010 6512 3456, 02188881234 — area code, then 7 or 8 digits not starting with 0 or 1.
    pattern: /(?<![0-9A-Za-z])(?<area>\(0(?:10|2\d|[3-9]\d{2})\) ?|0(?:10|2\d|[3-9]\d{2})[ -]?)(?<local>[2-9]\d{2,3}[ -]?\d{4})(?![0-9])/g,
    mask: (original, normal, m) => {
      const cut = m.groups!.area!.length;
      return original.slice(0, cut) + maskDigits(original.slice(cut), normal.slice(cut), 0, 4);
    },
  },
];

/** The personal data in `text`, in order of position, without overlaps. */
export function findPersonalData(text: string): PersonalDataHit[] {
  const normal = halfWidth(text);
  const hits: PersonalDataHit[] = [];
  const overlaps = (start: number, end: number) => hits.some((h) => start < h.end && h.start < end);
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(normal); m; m = rule.pattern.exec(normal)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end) || (rule.accept && !rule.accept(m))) continue;
      hits.push({ kind: rule.kind, start, end, masked: rule.mask(text.slice(start, end), m[0], m) });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The text with every piece of personal data masked, and what was found. */
export function maskPersonalData(text: string): { text: string; hits: PersonalDataHit[] } {
  const hits = findPersonalData(text);
  let out = '';
  let at = 0;
  for (const hit of hits) {
    out += text.slice(at, hit.start) + hit.masked;
    at = hit.end;
  }
  return { text: out + text.slice(at), hits };
}

import type { NameDictionary } from './name-dictionary.js';
import { caseNameForms, nameSpans } from './redact-names.js';
import { numberSpans } from './redact-numbers.js';
import { mergeSpans, type RedactionSpan } from './redact-span.js';

/**
 * The anonymiser of the public board (政务公开): takes what a resident wrote, or a unit's reply, and
 * removes what identifies a person — names, phone numbers, ID numbers, bank cards, house and room
 * numbers, e-mail, licence plates — before it is shown to anybody on the internet, and nothing
 * else: ordinary words (小区, 小时, 值班医生), dates, amounts, document numbers and building counts
 * of an ordinary sentence stay as written.
 *
 * It works on spans: every detector (names in `redact-names.ts`, numbers in `redact-numbers.ts`)
 * marks what must go in the original text, the spans are joined, and each is replaced once — a
 * mask is never read again by another rule. `redactionSpans` is what the corpus test and
 * `npm run eval:redact` measure.
 */

/** The replacement of a removed name. */
export const NAME_MASK = '某某';
/** The replacement of a surname removed before a form of address (张阿姨 → 某阿姨). */
export const SURNAME_MASK = '某';
/** The replacement of a removed number. */
export const NUMBER_MASK = '***';

const MASKS: Record<RedactionSpan['kind'], string> = { name: NAME_MASK, surname: SURNAME_MASK, number: NUMBER_MASK };

/** Full-width digits and letters folded to half-width, one character for one (offsets stay). */
const fold = (text: string) => text.replace(/[０-９Ａ-Ｚａ-ｚ＋－＠．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * What must go in `text`: the names the case knows (`knownNames`: requester, staff who acted — with
 * their given names), every name of `dictionary` (all staff and household members), names the
 * text announces, and personal numbers. Sorted, not overlapping.
 */
export function redactionSpans(text: string, knownNames: readonly (string | null | undefined)[] = [], dictionary?: NameDictionary): RedactionSpan[] {
  const folded = fold(text);
  const own = caseNameForms(knownNames);
  const dictionaries = dictionary ? [own.dictionary, dictionary] : [own.dictionary];
  return mergeSpans([...numberSpans(folded), ...nameSpans(folded, dictionaries, own.latin)]);
}

/** `text` with every span of `redactionSpans` replaced by its mask. */
export function redact(text: string, knownNames: readonly (string | null | undefined)[] = [], dictionary?: NameDictionary): string {
  let out = '';
  let at = 0;
  for (const span of redactionSpans(text, knownNames, dictionary)) {
    out += text.slice(at, span.start) + MASKS[span.kind];
    at = span.end;
  }
  return out + text.slice(at);
}

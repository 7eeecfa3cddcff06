/**
 * KID (kundeidentifikasjon): the payment reference on Norwegian giros and e-invoices. The bank checks
 * the last digit before it accepts a payment, so a KID we hand out must carry a valid check digit,
 * and a KID in the finance system's file that fails the check was not one of ours.
 */

const DIGITS_RE = /^\d+$/;
const KID_RE = /^\d{2,25}$/;

function assertDigits(digits: string): void {
  if (typeof digits !== 'string' || !DIGITS_RE.test(digits)) throw new RangeError(`Expected a string of digits, got ${JSON.stringify(digits)}`);
}

/** MOD10 (Luhn): every second digit doubled, starting with the rightmost digit of `digits`. */
export function mod10CheckDigit(digits: string): string {
  assertDigits(digits);
  let sum = 0;
  let double = true;
  for (let i = digits.length - 1; i >= 0; i--) {
    let v = digits.charCodeAt(i) - 48;
    if (double) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * MOD11: weights 2, 3, 4, 5, 6, 7, 2, 3 … from the right. Remainder 0 gives '0'. Remainder 1 would need
 * the check "digit" '-', which a KID of digits only cannot carry, so that number has no usable check
 * digit and the result is undefined: the caller must pick another number or use MOD10.
 */
export function mod11CheckDigit(digits: string): string | undefined {
  assertDigits(digits);
  let sum = 0;
  let weight = 2;
  for (let i = digits.length - 1; i >= 0; i--) {
    sum += (digits.charCodeAt(i) - 48) * weight;
    weight = weight === 7 ? 2 : weight + 1;
  }
  const remainder = sum % 11;
  if (remainder === 0) return '0';
  if (remainder === 1) return undefined;
  return String(11 - remainder);
}

/** 2 to 25 digits whose last digit is a valid MOD10 or MOD11 check digit (banks accept either). */
export function isValidKid(kid: string): boolean {
  if (typeof kid !== 'string' || !KID_RE.test(kid)) return false;
  const body = kid.slice(0, -1);
  const check = kid.slice(-1);
  return mod10CheckDigit(body) === check || mod11CheckDigit(body) === check;
}

const CASE_SUFFIX_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * The KID for a case's rent, read straight from the case ID so that no two cases can share one and a
 * workflow computes it on replay: the municipality letters as two digits each (A = 10 … Z = 35), the
 * year's last two digits, the 6-character suffix as a 10-digit number (base 32), and a MOD10 check
 * digit: 19 digits.
 */
export function kidForCase(caseId: string): string {
  const match = /^([A-Z]{3})-\d{2}(\d{2})-([2-9A-HJ-NP-Z]{6})$/.exec(caseId);
  if (!match) throw new RangeError(`Not a case ID: ${JSON.stringify(caseId)}`);
  const letters = [...match[1]!].map((c) => String(c.charCodeAt(0) - 55)).join('');
  let suffix = 0;
  for (const c of match[3]!) suffix = suffix * 32 + CASE_SUFFIX_ALPHABET.indexOf(c);
  const body = `${letters}${match[2]}${String(suffix).padStart(10, '0')}`;
  return body + mod10CheckDigit(body);
}

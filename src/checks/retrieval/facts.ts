/**
 * Fact extraction for the `grounded` check: money amounts, percentages, dates, times,
 * quantities with units, schedules (24/7, "Monday to Friday", "9-5"), phone numbers, emails and
 * URLs, each normalised so that "$50" matches "50.00", "9am" matches "9:00 AM", "May 1" matches
 * "2024-05-01", "30-day" matches "30 days", "Monday to Friday" matches "Mon–Fri" and
 * "+44 20 7946 0301" matches "020 7946 0301".
 *
 * Pure functions over strings; no I/O.
 */

export type FactKind =
  'money' | 'percent' | 'date' | 'time' | 'quantity' | 'schedule' | 'phone' | 'email' | 'url';
export const FACT_KINDS: readonly FactKind[] = [
  'money',
  'percent',
  'date',
  'time',
  'quantity',
  'schedule',
  'phone',
  'email',
  'url',
];

export interface Fact {
  kind: FactKind;
  /** As written in the text. */
  text: string;
  index: number;
  /** The fact is supported when any of these keys is among the source's keys. */
  keys: string[];
}

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
// Capitalised only: "you may 2x…" is not a date.
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const ORD = '(?:st|nd|rd|th)?';

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  ninety: 90,
};
const NUM = '(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)';
const NUM_OR_WORD = `(\\d+(?:\\.\\d+)?|${Object.keys(WORD_NUMBERS).join('|')})`;

/** Units a quantity may have, mapped to one canonical singular. */
const UNITS: Record<string, string> = {
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  hour: 'hour',
  hours: 'hour',
  hr: 'hour',
  hrs: 'hour',
  minute: 'minute',
  minutes: 'minute',
  min: 'minute',
  mins: 'minute',
  second: 'second',
  seconds: 'second',
  item: 'item',
  items: 'item',
  unit: 'unit',
  units: 'unit',
  kg: 'kg',
  kgs: 'kg',
  lb: 'lb',
  lbs: 'lb',
  km: 'km',
  mile: 'mile',
  miles: 'mile',
  gb: 'gb',
  mb: 'mb',
};
const UNIT = `(${Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

/** Words before a bare number in a source that make it a money amount ("amount": 50). */
const MONEY_CONTEXT =
  /(?:amount|price|total|cost|fee|refund(?:ed)?|charge[sd]?|balance|paid|payment|credit|subtotal|value)\W{0,4}$/i;

function num(text: string): number {
  const w = WORD_NUMBERS[text.toLowerCase()];
  return w ?? Number(text.replace(/,/g, ''));
}

/** Canonical number text: 50, 50.0 and 50.00 are all "50". */
function canon(n: number): string {
  return String(Math.round(n * 100) / 100);
}

interface Extractor {
  kind: FactKind | 'number';
  re: RegExp;
  /** Output keys and source keys for one match; undefined to skip the match. */
  keys(m: RegExpExecArray, text: string): { out: string[]; src: string[] } | undefined;
}

function dateKeys(m: number, d: number, y: number | undefined, alt?: [number, number]) {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  const md = `${m}-${d}`;
  const out = y === undefined ? [`date:${md}`] : [`date:${y}-${md}`, `dateny:${md}`];
  const src = y === undefined ? [`date:${md}`, `dateny:${md}`] : [`date:${y}-${md}`, `date:${md}`];
  if (alt) {
    const more = dateKeys(alt[0], alt[1], y);
    if (more) {
      out.push(...more.out);
      src.push(...more.src);
    }
  }
  return { out, src };
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

function timeKeys(hour: number, minute: number, meridiem: string | undefined) {
  if (minute > 59) return undefined;
  let h = hour;
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    const pm = meridiem.toLowerCase() === 'p';
    h = (h % 12) + (pm ? 12 : 0);
  } else if (h > 23) {
    return undefined;
  }
  const key = `time:${h * 60 + minute}`;
  return { out: [key], src: [key] };
}

// Capitalised, like months: "sun" and "wed" are words too.
const DAY =
  '(Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\\.?';
const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const RANGE_TO = '\\s*(?:-|–|—|to|through|thru|until|till)\\s*';

function dayIndex(name: string): number {
  return DAY_NAMES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

const same = (key: string) => ({ out: [key], src: [key] });
/** Every day of the week: what "24/7" also says, so it supports "every day". */
const EVERY_DAY = 'days:1-7';

/** Words before a number that make it a phone number even when it is short ("call 555 0100"). */
const PHONE_CONTEXT =
  /(?:call|phone|tel|telephone|dial|ring|text|fax|whatsapp|hotline|number|on|at)\W{0,4}$/i;

/** Words before a number that make it an identifier, not a phone number ("order 2024-0501-77"). */
const NOT_PHONE_CONTEXT =
  /(?:ref(?:erence)?|order|invoice|tracking|id|#|no\.?|account|case|ticket|sku|item|serial|iban)\W{0,4}$/i;

/** In priority order: an earlier extractor's match hides later ones over the same characters. */
const EXTRACTORS: Extractor[] = [
  {
    kind: 'email',
    re: /\b[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+\b/g,
    keys: (m) => same(`email:${m[0].toLowerCase()}`),
  },
  {
    // A URL with a scheme or www.; its host alone in a source supports a bare host in the output.
    kind: 'url',
    re: /\b(?:https?:\/\/|www\.)[^\s<>"'`)\]]*[^\s<>"'`)\].,;:!?]/gi,
    keys: (m) => {
      const url = m[0]
        .replace(/[.,;:!?]+$/, '')
        .replace(/^https?:\/\//i, '')
        .replace(/^www\./i, '')
        .replace(/\/+$/, '');
      const slash = url.indexOf('/');
      const host = (slash < 0 ? url : url.slice(0, slash)).toLowerCase();
      const full = `url:${host}${slash < 0 ? '' : url.slice(slash)}`;
      return { out: [full], src: [full, `url:${host}`] };
    },
  },
  {
    // Always available: the stale truth a model "remembers" instead of the shop's hours.
    kind: 'schedule',
    re: /\b(?:24\s?(?:\/|x)\s?7(?:\s?\/\s?365)?|24 hours a day(?:,? 7 days a week)?|(?:a)?round[\s-]the[\s-]clock|always open|open (?:24 hours|all day,? every day|day and night)|any time of (?:the )?day or night)(?![\w/])/gi,
    keys: () => ({ out: ['avail:always'], src: ['avail:always', EVERY_DAY] }),
  },
  {
    kind: 'schedule',
    re: /\b(?:every day|7 days a week|seven days a week)\b/gi,
    keys: () => same(EVERY_DAY),
  },
  {
    kind: 'schedule',
    re: new RegExp(`\\b${DAY}${RANGE_TO}${DAY}(?![\\w])`, 'g'),
    keys: (m) => {
      const a = dayIndex(m[1]);
      const b = dayIndex(m[2]);
      if (a < 1 || b < 1 || a === b) return undefined;
      return same(`days:${a}-${b}`);
    },
  },
  {
    kind: 'schedule',
    re: /\b(?:weekdays|week days|(?:on )?weekends)\b/gi,
    keys: (m) => same(/end/i.test(m[0]) ? 'days:6-7' : 'days:1-5'),
  },
  {
    kind: 'date',
    re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g,
    keys: (m) => dateKeys(Number(m[2]), Number(m[3]), Number(m[1])),
  },
  {
    // 05/01/2024 is ambiguous (US or European): either reading counts.
    kind: 'date',
    re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g,
    keys: (m) => dateKeys(Number(m[1]), Number(m[2]), Number(m[3]), [Number(m[2]), Number(m[1])]),
  },
  {
    kind: 'date',
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})${ORD}(?:,?\\s+(\\d{4}))?\\b`, 'g'),
    keys: (m) => dateKeys(monthIndex(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined),
  },
  {
    kind: 'date',
    re: new RegExp(`\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?\\b`, 'g'),
    keys: (m) => dateKeys(monthIndex(m[2]), Number(m[1]), m[3] ? Number(m[3]) : undefined),
  },
  {
    kind: 'time',
    re: /\b(\d{1,2})(?::(\d{2}))?\s?([ap])\.?m\b\.?/gi,
    keys: (m) => timeKeys(Number(m[1]), m[2] ? Number(m[2]) : 0, m[3]),
  },
  {
    kind: 'time',
    re: /\b(\d{1,2}):(\d{2})\b(?!:\d)/g,
    keys: (m) => timeKeys(Number(m[1]), Number(m[2]), undefined),
  },
  {
    kind: 'time',
    re: /\b(noon|midnight)\b/gi,
    keys: (m) => timeKeys(m[1].toLowerCase() === 'noon' ? 12 : 0, 0, undefined),
  },
  {
    kind: 'money',
    re: new RegExp(`(?:[$€£¥]|\\b(?:USD|EUR|GBP|CAD|AUD)\\s?)\\s?${NUM}(k\\b)?`, 'g'),
    keys: (m) => money(num(m[1]) * (m[2] ? 1000 : 1)),
  },
  {
    kind: 'money',
    re: new RegExp(`\\b${NUM}\\s?(?:USD|EUR|GBP|CAD|AUD|dollars?|euros?|pounds?|bucks)\\b`, 'gi'),
    keys: (m) => money(num(m[1])),
  },
  {
    kind: 'percent',
    re: new RegExp(`\\b${NUM}\\s?(?:%|percent\\b|per cent\\b)`, 'gi'),
    keys: (m) => {
      const key = `pct:${canon(num(m[1]))}`;
      return { out: [key], src: [key] };
    },
  },
  {
    kind: 'quantity',
    re: new RegExp(
      `\\b${NUM_OR_WORD}[\\s-]+(?:(business|working|calendar)[\\s-]+)?${UNIT}\\b`,
      'gi',
    ),
    keys: (m) => {
      const value = canon(num(m[1]));
      const unit = UNITS[m[3].toLowerCase()];
      const qualified = m[2]
        ? `qty:${value} ${m[2].toLowerCase()} ${unit}`
        : `qty:${value} ${unit}`;
      // A source's "5 business days" supports an output's "5 days", not the other way round.
      return { out: [qualified], src: [qualified, `qty:${value} ${unit}`] };
    },
  },
  {
    // Working hours without am/pm: "9-5", "9 to 5" (the end before the start reads as pm),
    // "9-17". Other bare ranges ("2-4", "5-7") are not hours.
    kind: 'schedule',
    re: /(?<![\w.:/$€£-])(\d{1,2})(?:\s?[-–—]\s?|\s+to\s+)(\d{1,2})(?![\w.:/%-]|\s?[ap]\.?m\b)/gi,
    keys: (m) => {
      const start = Number(m[1]);
      let end = Number(m[2]);
      if (start < 5 || start > 12) return undefined;
      if (end < start && end >= 1) end += 12;
      else if (end < 13 || end > 23) return undefined;
      const key = `range:${start * 60}-${end * 60}`;
      return { out: [key], src: [key, `time:${start * 60}`, `time:${end * 60}`] };
    },
  },
  {
    // Phone numbers: digit groups with separators, 8+ digits (7+ after "+" or "call", "phone"
    // ...), compared on their last 9 digits so "+44 20 7946 0301" matches "020 7946 0301".
    kind: 'phone',
    re: /(?<![\w+.,/#-])(\+)?(?:\(\d{1,4}\)\s?)?\d{1,4}(?:[\s.-]\d{1,4}){1,5}(?![\w.,/-]*\d)/g,
    keys: (m, text) => {
      const digits = m[0].replace(/\D/g, '');
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      if (NOT_PHONE_CONTEXT.test(before)) return undefined;
      const min = m[1] || PHONE_CONTEXT.test(before) ? 7 : 8;
      if (digits.length < min || digits.length > 15) return undefined;
      return same(`phone:${digits.slice(-9)}`);
    },
  },
  {
    // A bare amount with cents (50.00) reads as money in an output; in a source, so does a
    // number after a money word ("refund": 50).
    kind: 'number',
    re: new RegExp(`(?<![\\w.])${NUM}(?![\\w]|\\.\\d)`, 'g'),
    keys: (m, text) => {
      const n = num(m[1]);
      const cents = /\.\d{2}$/.test(m[1]);
      const before = text.slice(Math.max(0, m.index - 24), m.index);
      const moneyish = cents || MONEY_CONTEXT.test(before);
      if (!moneyish) return undefined;
      const key = `money:${canon(n)}`;
      return { out: cents ? [key] : [], src: [key] };
    },
  },
];

function money(n: number) {
  if (!Number.isFinite(n)) return undefined;
  const key = `money:${canon(n)}`;
  return { out: [key], src: [key] };
}

interface Scan {
  facts: Fact[];
  sourceKeys: Set<string>;
}

/** Time ranges ("8:00 to 18:00", "9am-5pm") in a source also support a bare "8-6" in an output. */
const RANGE_BETWEEN = /^\s*(?:-|–|—|to|until|till|through)\s*$/i;

function scan(text: string): Scan {
  const taken = new Uint8Array(text.length);
  const facts: Fact[] = [];
  const sourceKeys = new Set<string>();
  const times: { start: number; end: number; minutes: number }[] = [];
  for (const ex of EXTRACTORS) {
    ex.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ex.re.exec(text)) !== null) {
      if (m[0].length === 0) {
        ex.re.lastIndex++;
        continue;
      }
      const end = m.index + m[0].length;
      let free = true;
      for (let i = m.index; i < end; i++) {
        if (taken[i]) {
          free = false;
          break;
        }
      }
      if (!free) continue;
      const keys = ex.keys(m, text);
      if (!keys) continue;
      taken.fill(1, m.index, end);
      for (const k of keys.src) sourceKeys.add(k);
      if (ex.kind === 'time')
        times.push({ start: m.index, end, minutes: Number(keys.src[0].slice(5)) });
      if (keys.out.length > 0) {
        facts.push({
          kind: ex.kind === 'number' ? 'money' : ex.kind,
          text: m[0].trim(),
          index: m.index,
          keys: keys.out,
        });
      }
    }
  }
  times.sort((a, b) => a.start - b.start);
  for (let i = 1; i < times.length; i++) {
    const [a, b] = [times[i - 1], times[i]];
    if (RANGE_BETWEEN.test(text.slice(a.end, b.start)))
      sourceKeys.add(`range:${a.minutes}-${b.minutes}`);
  }
  facts.sort((a, b) => a.index - b.index);
  return { facts, sourceKeys };
}

/** The facts an answer states, in order of appearance. */
export function extractFacts(text: string): Fact[] {
  return scan(text).facts;
}

/** The normalised keys of every fact a source text contains. */
export function sourceKeys(text: string): Set<string> {
  return scan(text).sourceKeys;
}

/** Lower case, straight quotes, single spaces: for matching free-text facts. */
export function normaliseText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .trim();
}

import type { LocalText } from '../definition.ts';

/*
 * A conservative vet of author regular expressions against catastrophic backtracking, without a
 * native dependency: a small parser of the JavaScript (u-flag) syntax and three rules that
 * refuse every shape known to blow up (star height > 1, ambiguous alternation under a loop,
 * adjacent overlapping loops), plus backreferences and lookbehind. Some safe patterns are refused
 * too; the designer's pattern builder never produces one.
 */

type Ranges = [number, number][];

type Regex =
  | { t: 'empty' }
  | { t: 'char'; set: Ranges }
  | { t: 'seq'; items: Regex[] }
  | { t: 'alt'; alts: Regex[] }
  | { t: 'group'; body: Regex }
  | { t: 'assert' }
  | { t: 'rep'; body: Regex; min: number; max: number };

const MAX = 0x10ffff;
const ALL: Ranges = [[0, MAX]];
const DIGIT: Ranges = [[48, 57]];
const WORD: Ranges = [[48, 57], [65, 90], [95, 95], [97, 122]];
const SPACE: Ranges = [[9, 13], [32, 32], [160, 160], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]];
/** The largest `{n,m}` count accepted. */
const MAX_COUNT = 1000;
/** The longest pattern accepted. */
const MAX_LENGTH = 1000;

class Refused extends Error {
  constructor(readonly reason: LocalText) {
    super(reason.en);
  }
}

function complement(set: Ranges): Ranges {
  const sorted = [...set].sort((a, b) => a[0] - b[0]);
  const result: Ranges = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) result.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX) result.push([next, MAX]);
  return result;
}

function overlaps(a: Ranges, b: Ranges): boolean {
  return a.some(([lo, hi]) => b.some(([lo2, hi2]) => lo <= hi2 && lo2 <= hi));
}

const INVALID: LocalText = { sv: 'är inget giltigt reguljärt uttryck', en: 'is not a valid regular expression' };

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Regex {
    const result = this.alternation();
    if (this.i < this.src.length) throw new Refused(INVALID);
    return result;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private alternation(): Regex {
    const alts = [this.sequence()];
    while (this.peek() === '|') {
      this.i += 1;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? (alts[0] as Regex) : { t: 'alt', alts };
  }

  private sequence(): Regex {
    const items: Regex[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') items.push(this.quantified());
    return items.length === 0 ? { t: 'empty' } : items.length === 1 ? (items[0] as Regex) : { t: 'seq', items };
  }

  private quantified(): Regex {
    let atom = this.atom();
    for (;;) {
      const c = this.peek();
      let min: number;
      let max: number;
      if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '?') [min, max] = [0, 1];
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
        if (m === null) throw new Refused(INVALID);
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
        if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT)) {
          throw new Refused({ sv: `räknar upp till mer än ${MAX_COUNT} gånger`, en: `counts beyond ${MAX_COUNT} repetitions` });
        }
        this.i += (m[0] as string).length - 1;
      } else return atom;
      this.i += 1;
      if (this.peek() === '?') this.i += 1;
      if (atom.t === 'assert') throw new Refused(INVALID);
      atom = { t: 'rep', body: atom, min, max };
    }
  }

  private atom(): Regex {
    const c = this.peek();
    this.i += 1;
    switch (c) {
      case '^':
      case '$':
        return { t: 'assert' };
      case '.':
        return { t: 'char', set: ALL };
      case '[':
        return { t: 'char', set: this.characterClass() };
      case '\\':
        return this.escape(false);
      case '(':
        return this.group();
      case '*':
      case '+':
      case '?':
      case '{':
      case ')':
      case undefined:
        throw new Refused(INVALID);
      default: {
        const code = this.src.codePointAt(this.i - 1) as number;
        if (code > 0xffff) this.i += 1;
        return { t: 'char', set: [[code, code]] };
      }
    }
  }

  private group(): Regex {
    const rest = this.src.slice(this.i);
    if (rest.startsWith('?<=') || rest.startsWith('?<!')) {
      throw new Refused({ sv: 'använder bakåtblick (lookbehind)', en: 'uses a lookbehind' });
    }
    let lookahead = false;
    if (rest.startsWith('?:')) this.i += 2;
    else if (rest.startsWith('?=') || rest.startsWith('?!')) {
      this.i += 2;
      lookahead = true;
    } else if (rest.startsWith('?<')) {
      const m = /^\?<[A-Za-z_$][\w$]*>/.exec(rest);
      if (m === null) throw new Refused(INVALID);
      this.i += m[0].length;
    } else if (rest.startsWith('?')) throw new Refused(INVALID);
    const body = this.alternation();
    if (this.peek() !== ')') throw new Refused(INVALID);
    this.i += 1;
    return lookahead ? { t: 'assert' } : { t: 'group', body };
  }

  private escape(inClass: boolean): Regex {
    const c = this.peek();
    this.i += 1;
    const one = (code: number): Regex => ({ t: 'char', set: [[code, code]] });
    switch (c) {
      case 'd':
        return { t: 'char', set: DIGIT };
      case 'D':
        return { t: 'char', set: complement(DIGIT) };
      case 'w':
        return { t: 'char', set: WORD };
      case 'W':
        return { t: 'char', set: complement(WORD) };
      case 's':
        return { t: 'char', set: SPACE };
      case 'S':
        return { t: 'char', set: complement(SPACE) };
      case 'b':
        return inClass ? one(8) : { t: 'assert' };
      case 'B':
        return { t: 'assert' };
      case 'n':
        return one(10);
      case 'r':
        return one(13);
      case 't':
        return one(9);
      case 'v':
        return one(11);
      case 'f':
        return one(12);
      case '0':
        return one(0);
      case 'k':
        throw new Refused({ sv: 'använder en bakåtreferens', en: 'uses a backreference' });
      case 'p':
      case 'P': {
        const m = /^\{[A-Za-z_=]+\}/.exec(this.src.slice(this.i));
        if (m === null) throw new Refused(INVALID);
        this.i += m[0].length;
        return { t: 'char', set: ALL };
      }
      case 'x': {
        const m = /^[0-9a-fA-F]{2}/.exec(this.src.slice(this.i));
        if (m === null) throw new Refused(INVALID);
        this.i += 2;
        return one(parseInt(m[0], 16));
      }
      case 'u': {
        const m = /^(?:\{([0-9a-fA-F]{1,6})\}|([0-9a-fA-F]{4}))/.exec(this.src.slice(this.i));
        if (m === null) throw new Refused(INVALID);
        this.i += m[0].length;
        return one(parseInt(m[1] ?? m[2] ?? '0', 16));
      }
      case 'c': {
        const letter = this.peek();
        if (letter === undefined || !/[A-Za-z]/.test(letter)) throw new Refused(INVALID);
        this.i += 1;
        return one(letter.charCodeAt(0) % 32);
      }
      case undefined:
        throw new Refused(INVALID);
      default:
        if (/[1-9]/.test(c)) throw new Refused({ sv: 'använder en bakåtreferens', en: 'uses a backreference' });
        return one(c.codePointAt(0) as number);
    }
  }

  private classAtom(): Ranges {
    const c = this.peek();
    if (c === undefined) throw new Refused(INVALID);
    this.i += 1;
    if (c === '\\') {
      const e = this.escape(true);
      if (e.t !== 'char') throw new Refused(INVALID);
      return e.set;
    }
    const code = this.src.codePointAt(this.i - 1) as number;
    if (code > 0xffff) this.i += 1;
    return [[code, code]];
  }

  private characterClass(): Ranges {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.i += 1;
    }
    const set: Ranges = [];
    while (this.peek() !== ']') {
      const from = this.classAtom();
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && this.src[this.i + 1] !== undefined) {
        this.i += 1;
        const to = this.classAtom();
        const lo = from[0];
        const hi = to[0];
        if (from.length !== 1 || to.length !== 1 || lo === undefined || hi === undefined || lo[0] !== lo[1] || hi[0] !== hi[1] || lo[0] > hi[0]) {
          throw new Refused(INVALID);
        }
        set.push([lo[0], hi[0]]);
      } else set.push(...from);
    }
    this.i += 1;
    return negated ? complement(set) : set;
  }
}

function nullable(r: Regex): boolean {
  switch (r.t) {
    case 'empty':
    case 'assert':
      return true;
    case 'char':
      return false;
    case 'seq':
      return r.items.every(nullable);
    case 'alt':
      return r.alts.some(nullable);
    case 'group':
      return nullable(r.body);
    case 'rep':
      return r.min === 0 || nullable(r.body);
  }
}

/** The characters a match of `r` can start with. */
function first(r: Regex): Ranges {
  switch (r.t) {
    case 'empty':
    case 'assert':
      return [];
    case 'char':
      return r.set;
    case 'seq': {
      const result: Ranges = [];
      for (const item of r.items) {
        result.push(...first(item));
        if (!nullable(item)) break;
      }
      return result;
    }
    case 'alt':
      return r.alts.flatMap(first);
    case 'group':
    case 'rep':
      return first(r.body);
  }
}

/** Every character `r` can match anywhere. */
function alphabet(r: Regex): Ranges {
  switch (r.t) {
    case 'empty':
    case 'assert':
      return [];
    case 'char':
      return r.set;
    case 'seq':
      return r.items.flatMap(alphabet);
    case 'alt':
      return r.alts.flatMap(alphabet);
    case 'group':
    case 'rep':
      return alphabet(r.body);
  }
}

function children(r: Regex): Regex[] {
  if (r.t === 'seq') return r.items;
  if (r.t === 'alt') return r.alts;
  if (r.t === 'group' || r.t === 'rep') return [r.body];
  return [];
}

function some(r: Regex, test: (n: Regex) => boolean): boolean {
  return test(r) || children(r).some((c) => some(c, test));
}

function ambiguous(alt: Regex & { t: 'alt' }): boolean {
  if (alt.alts.filter(nullable).length > 0) return true;
  return alt.alts.some((a, i) => alt.alts.slice(i + 1).some((b) => overlaps(first(a), first(b))));
}

function unboundedLoop(r: Regex): r is Regex & { t: 'rep' } {
  return r.t === 'rep' && r.max === Infinity;
}

function vet(r: Regex): void {
  if (r.t === 'rep' && r.max > 1) {
    if (nullable(r.body)) throw new Refused({ sv: 'upprepar något som kan vara tomt', en: 'repeats something that can be empty' });
    if (some(r.body, (n) => n.t === 'rep' && n.min !== n.max)) {
      throw new Refused({ sv: 'har en upprepning inuti en upprepning, som kan ta mycket lång tid', en: 'nests a repetition inside a repetition, which can take very long' });
    }
    if (some(r.body, (n) => n.t === 'alt' && ambiguous(n))) {
      throw new Refused({ sv: 'upprepar alternativ som kan börja likadant, som kan ta mycket lång tid', en: 'repeats alternatives that can start alike, which can take very long' });
    }
  }
  if (r.t === 'seq') {
    let previous: (Regex & { t: 'rep' }) | undefined;
    for (const item of r.items) {
      const loop = item.t === 'group' && unboundedLoop(item.body) ? item.body : item;
      if (unboundedLoop(loop)) {
        if (previous !== undefined && overlaps(alphabet(previous.body), alphabet(loop.body))) {
          throw new Refused({ sv: 'har två upprepningar efter varandra som kan matcha samma tecken', en: 'has two repetitions in a row that can match the same characters' });
        }
        previous = loop;
      } else if (!nullable(item)) previous = undefined;
    }
  }
  children(r).forEach(vet);
}

/** Why a `pattern` is unsafe or invalid (sv and en), or undefined for a safe one. */
export function regexProblem(pattern: string): LocalText | undefined {
  if (pattern.length > MAX_LENGTH) return { sv: `är längre än ${MAX_LENGTH} tecken`, en: `is longer than ${MAX_LENGTH} characters` };
  try {
    new RegExp(pattern, 'u');
  } catch {
    return INVALID;
  }
  try {
    vet(new Parser(pattern).parse());
    return undefined;
  } catch (error) {
    if (error instanceof Refused) return error.reason;
    throw error;
  }
}

"""Time expressions, normalised to TimeML TIMEX3 values against the publication date.

Public API:

- `normalize(text, anchor, tense)` turns one expression ("last week", "early December",
  "five years") into a `TimeValue` (TIMEX3 value, type, mod).
- `sentence_tense(token_or_span)` reads the tense of the verb governing an expression from the
  dependency parse ("will", "is set to", "plans to" ... -> future).
- `find_times(doc, anchor)` finds the expressions in a parsed `Doc` (spaCy's DATE/TIME
  entities plus deictic words the small model misses) and returns `TimeExpression` records.

Absolute forms are parsed with regular expressions here (no dateparser at run time); relative
forms are computed from the anchor following TimeML: days "2024-12-04", months "2024-12",
ISO weeks "2024-W49", quarters "2024-Q4", seasons "2024-SU", decades "199", durations
"P5Y"/"PT2H", and PRESENT_REF / PAST_REF / FUTURE_REF.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsgraph.schema import TimeExpression

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["Tense", "TimeValue", "find_times", "normalize", "sentence_tense"]

Tense = Literal["past", "present", "future"]
NO_ANCHOR = "relative expression: no publication date"


@dataclass(frozen=True)
class TimeValue:
    value: str | None
    type: str
    mod: str | None = None
    anchored: bool = False
    note: str | None = None
    confidence: float = 1.0


# --------------------------------------------------------------------------- vocabulary

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "tonight": "NI",
    "overnight": "NI",
}
UNITS = {
    "second": ("TS", 1),
    "minute": ("TM", 1),
    "hour": ("TH", 1),
    "day": ("D", 1),
    "week": ("W", 1),
    "fortnight": ("W", 2),
    "month": ("M", 1),
    "quarter": ("Q", 1),
    "year": ("Y", 1),
    "decade": ("Y", 10),
    "century": ("Y", 100),
}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "half a": 0.5,
    "a half": 0.5,
}
VAGUE_NUMBERS = {"several", "few", "a few", "many", "some", "numerous", "multiple", "couple of"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}

PRESENT_REF = {
    "now",
    "right now",
    "just now",
    "currently",
    "current",
    "presently",
    "at present",
    "the present",
    "nowadays",
    "these days",
    "at the moment",
    "the time being",
    "for the time being",
    "ongoing",
    "at this time",
    "at this point",
}
PAST_REF = {
    "recently",
    "recent",
    "more recently",
    "lately",
    "the past",
    "in the past",
    "previously",
    "formerly",
    "once",
    "earlier",
    "history",
    "recent years",
    "in recent years",
    "recent months",
    "in recent months",
    "recent weeks",
}
FUTURE_REF = {
    "the future",
    "in the future",
    "future",
    "soon",
    "very soon",
    "shortly",
    "later",
    "in the coming years",
    "the coming years",
    "the coming months",
    "coming months",
    "the long term",
    "the near term",
    "the near future",
    "the short term",
    "short-term",
    "long-term",
    "in the long term",
    "in the near future",
    "eventually",
}
SETS = {
    "annual": "P1Y",
    "annually": "P1Y",
    "yearly": "P1Y",
    "every year": "P1Y",
    "each year": "P1Y",
    "a year": "P1Y",
    "per year": "P1Y",
    "monthly": "P1M",
    "every month": "P1M",
    "each month": "P1M",
    "weekly": "P1W",
    "every week": "P1W",
    "each week": "P1W",
    "daily": "P1D",
    "every day": "P1D",
    "each day": "P1D",
    "hourly": "PT1H",
    "every hour": "PT1H",
}

MODS = [
    (r"(?:the\s+)?(?:very\s+)?(?:beginning|start|dawn|outset)\s+of\s+", "START"),
    (r"early[\s-]+(?:in\s+)?", "START"),
    (r"(?:the\s+)?(?:very\s+)?end\s+of\s+", "END"),
    (r"late[\s-]+(?:in\s+)?", "END"),
    (r"(?:the\s+)?middle\s+of\s+", "MID"),
    (r"mid[\s-]+", "MID"),
    (r"(?:about|around|approximately|roughly|nearly|almost|some|circa|an estimated)\s+", "APPROX"),
    (r"(?:more\s+than|over|upwards\s+of)\s+", "MORE_THAN"),
    (r"(?:less\s+than|under|fewer\s+than|up\s+to)\s+", "LESS_THAN"),
    (r"(?:at\s+least)\s+", "EQUAL_OR_MORE"),
]
LEADING_JUNK = re.compile(
    r"^(?:(?:on|in|at|by|since|until|till|from|during|for|of|as|to|before|after|through|"
    r"throughout|within|into|between|since|around\s+the\s+time\s+of)\s+)+"
)

FUTURE_LEMMAS = {
    "set",
    "expect",
    "due",
    "plan",
    "schedule",
    "go",
    "intend",
    "aim",
    "poise",
    "prepare",
    "hope",
    "slate",
    "want",
    "promise",
    "vow",
    "pledge",
    "threaten",
    "agree",
    "decide",
}


def _num(word: str) -> float | None:
    word = word.strip().lower().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if word in NUMBERS:
        return NUMBERS[word]
    m = re.fullmatch(r"([a-z]+)[\s-]([a-z]+)", word)
    if m and m.group(1) in NUMBERS and m.group(2) in NUMBERS:
        a, b = NUMBERS[m.group(1)], NUMBERS[m.group(2)]
        if a >= 20 and b < 10:
            return a + b
        if b == 100:
            return a * 100
    return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


# --------------------------------------------------------------------------- calendar helpers


def _day(d: dt.date) -> str:
    return d.isoformat()


def _month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _two_digit_year(yy: int, anchor: dt.date | None) -> int:
    ref = anchor.year if anchor else dt.date.today().year
    century = ref // 100 * 100
    y = century + yy
    return y - 100 if y > ref + 10 else y


def _month_year(month: int, day: int | None, anchor: dt.date, tense: Tense | None) -> int:
    """The year of a month (and day) named without a year, chosen by tense."""
    here = (anchor.month, day or 0) if day else (anchor.month, 0)
    there = (month, day or 0) if day else (month, 0)
    if tense == "past":
        return (
            anchor.year if there <= here or (not day and month == anchor.month) else anchor.year - 1
        )
    if tense == "future":
        if there >= here or (not day and month == anchor.month):
            return anchor.year
        return anchor.year + 1
    # present or unknown: the anchor's year
    return anchor.year


def _weekday_date(wd: int, anchor: dt.date, tense: Tense | None, which: str | None) -> dt.date:
    delta = wd - anchor.weekday()
    if which == "last":
        back = (anchor.weekday() - wd) % 7 or 7
        return anchor - dt.timedelta(days=back)
    if which == "next":
        fwd = (wd - anchor.weekday()) % 7 or 7
        return anchor + dt.timedelta(days=fwd)
    if which == "this" or tense == "present":
        return anchor + dt.timedelta(days=delta)
    if tense == "future":
        return anchor + dt.timedelta(days=(wd - anchor.weekday()) % 7)
    # past, or unknown: news mostly reports what happened, so the latest on or before
    return anchor - dt.timedelta(days=(anchor.weekday() - wd) % 7)


# --------------------------------------------------------------------------- normalisation

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_NUMWORD_RE = (
    r"(?:\d+(?:\.\d+)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]"
    r"(?:one|two|three|four|five|six|seven|eight|nine)|"
    + "|".join(sorted((k for k in NUMBERS if " " not in k), key=len, reverse=True))
    + ")"
)
_UNIT_RE = r"(second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centurie)s?"


def _clean(text: str) -> str:
    t = text.strip().lower()
    t = re.sub(r"[’`]", "'", t)
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"\b([ap])\.\s?m\b\.?", r"\1m", t)  # a.m. / p.m.
    t = re.sub(r"\s*,\s*", ", ", t)
    t = re.sub(r"\s+\.", ".", t).strip()
    t = re.sub(r"^(?:just|only|exactly|fully|a full|all)\s+(?=\S)", "", t)
    t = t.rstrip(" .,;:")
    t = re.sub(r"'s$", "", t).strip()
    t = re.sub(r"\b(\d+)(?:st|nd|rd|th)\b", r"\1", t)
    t = t.replace("a. m.", "am").replace("p. m.", "pm").replace("a.m", "am").replace("p.m", "pm")
    return t


def normalize(text: str, anchor: dt.date | None, tense: Tense | None = None) -> TimeValue:
    """Normalise one time expression to a TIMEX3 value.

    `anchor` is the publication date; `tense` (of the governing verb) decides the direction of
    underspecified expressions such as a bare weekday or month name.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    t = _clean(text)
    t = LEADING_JUNK.sub("", t)
    mod = None
    for pattern, name in MODS:
        m = re.match(pattern, t)
        if m and len(t) > m.end():
            rest = t[m.end() :]
            # "over the years" / "some time": keep for the phrase rules below
            if name in ("MORE_THAN", "APPROX") and not re.match(r"[\w'\d]", rest):
                continue
            mod, t = name, rest.strip()
            break
    t = LEADING_JUNK.sub("", t)
    result = _normalize_core(t, anchor, tense)
    if result is None:
        return TimeValue(None, "DATE", mod, False, "not understood", 0.2)
    if mod and result.mod is None and result.value is not None:
        result = TimeValue(
            result.value, result.type, mod, result.anchored, result.note, result.confidence
        )
    return result


def _rel(value: str, type_: str = "DATE", conf: float = 0.9, mod: str | None = None) -> TimeValue:
    return TimeValue(value, type_, mod, True, None, conf)


def _abs(value: str, type_: str = "DATE", conf: float = 0.95) -> TimeValue:
    return TimeValue(value, type_, None, False, None, conf)


def _unanchored(type_: str = "DATE") -> TimeValue:
    return TimeValue(None, type_, None, False, NO_ANCHOR, 0.3)


def _normalize_core(t: str, anchor: dt.date | None, tense: Tense | None) -> TimeValue | None:
    if not t:
        return None

    # ---- references to present / past / future
    if t in PRESENT_REF:
        return _abs("PRESENT_REF", conf=0.8)
    if t in PAST_REF:
        return _abs("PAST_REF", conf=0.7)
    if t in FUTURE_REF:
        return _abs("FUTURE_REF", conf=0.7)
    if t in SETS:
        return _abs(SETS[t], "SET", 0.8)
    m = re.fullmatch(r"(?:every|each)\s+(" + _WD_RE + ")", t)
    if m:
        return _abs(f"XXXX-WXX-{WEEKDAYS[m.group(1)] + 1}", "SET", 0.8)

    # ---- times of day: "18:00 UTC", "6:40 p.m.", "noon", optionally with a day part
    tv = _time_of_day(t, anchor, tense)
    if tv is not None:
        return tv

    # ---- absolute calendar dates
    tv = _absolute(t, anchor, tense)
    if tv is not None:
        return tv

    # ---- durations and "N units ago"
    tv = _duration_or_ago(t, anchor, tense)
    if tv is not None:
        return tv

    # ---- deictic and relative expressions
    return _relative(t, anchor, tense)


def _time_of_day(t: str, anchor: dt.date | None, tense: Tense | None) -> TimeValue | None:
    m = re.search(r"\b(\d{1,2})(?::|\.)?(\d{2})?\s*(am|pm|a\.m\.|p\.m\.)?\s*(utc|gmt|z\b)?", t)
    if not m:
        return None
    hh, mm, ampm, tz = m.group(1), m.group(2), m.group(3), m.group(4)
    # a bare number is a time only with am/pm, a zone or hh:mm
    if not (mm or ampm) or (mm is None and not ampm):
        if not (ampm or (tz and len(hh) == 4)):
            return None
    raw = m.group(0)
    if re.fullmatch(r"\d{4}", raw.strip()) and not tz:
        return None  # a year
    h = int(hh)
    minute = int(mm) if mm else 0
    if ampm and ampm.startswith("p") and h < 12:
        h += 12
    if ampm and ampm.startswith("a") and h == 12:
        h = 0
    if h > 23 or minute > 59:
        return None
    clock = f"T{h:02d}:{minute:02d}" + ("Z" if tz else "")
    rest = (t[: m.start()] + " " + t[m.end() :]).strip(" ,")
    rest = re.sub(r"^(?:on|at)\s+|\s+(?:on|at)$", "", rest).strip()
    rest = re.sub(r"\(.*?\)", "", rest).strip()
    if rest:
        day = _normalize_core(rest, anchor, tense)
        if day is None or day.value is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day.value):
            if day is not None and day.value is None and day.note == NO_ANCHOR:
                return _unanchored("TIME")
            return None
        return TimeValue(day.value + clock, "TIME", None, day.anchored, None, day.confidence)
    if anchor is None:
        return _unanchored("TIME")
    return _rel(_day(anchor) + clock, "TIME", 0.6)


def _absolute(t: str, anchor: dt.date | None, tense: Tense | None) -> TimeValue | None:
    # drop a weekday in front of or after a full date: "Friday, July 21, 2017"
    t2 = re.sub(r"^(?:" + _WD_RE + r")\s*,?\s+(?=\S)", "", t)
    t2 = re.sub(r",?\s+(?:" + _WD_RE + r")$", "", t2)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t2)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return _abs(_day(d)) if d else None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", t2)
    if m:  # US order, as in English-language news
        y = int(m.group(3))
        y = y if y > 99 else _two_digit_year(y, anchor)
        d = _safe_date(y, int(m.group(1)), int(m.group(2)))
        return _abs(_day(d), conf=0.7) if d else None
    # March 5, 2013 / March 5 2013 / 5 March 2013 / March 2013 / March 5
    m = re.fullmatch(r"(" + _MONTH_RE + r")\.?\s+(\d{1,2})(?:\s*,?\s*(\d{4}))?", t2)
    if m:
        mon, day = MONTHS[m.group(1)], int(m.group(2))
        return _month_day(mon, day, m.group(3), anchor, tense)
    m = re.fullmatch(
        r"(?:the\s+)?(\d{1,2})\s+(?:of\s+)?(" + _MONTH_RE + r")\.?(?:\s*,?\s*(\d{4}))?", t2
    )
    if m:
        mon, day = MONTHS[m.group(2)], int(m.group(1))
        return _month_day(mon, day, m.group(3), anchor, tense)
    m = re.fullmatch(r"(" + _MONTH_RE + r")\.?\s*,?\s*(?:of\s+)?(\d{4}|'\d{2})", t2)
    if m:
        y = m.group(2)
        year = int(y) if not y.startswith("'") else _two_digit_year(int(y[1:]), anchor)
        return _abs(_month(year, MONTHS[m.group(1)]))
    m = re.fullmatch(r"(?:the\s+)?(?:year\s+)?(?:of\s+)?(\d{4})", t2)
    if m and 1000 <= int(m.group(1)) <= 2999:
        return _abs(m.group(1))
    m = re.fullmatch(r"'(\d{2})", t2)
    if m:
        return _abs(str(_two_digit_year(int(m.group(1)), anchor)), conf=0.7)
    # decades: "the 1990s", "the '90s", "70s", "the nineties"
    m = re.fullmatch(r"(?:the\s+)?(?:early\s+|late\s+|mid\s+)?(\d{2})?'?(\d)0'?s", t2)
    if m:
        if m.group(1):
            return _abs(m.group(1) + m.group(2))
        yy = int(m.group(2)) * 10
        y = _two_digit_year(yy, anchor)
        return _abs(str(y)[:3], conf=0.7)
    # seasons: "summer 2012", "the summer of 2012"
    m = re.fullmatch(r"(?:the\s+)?(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})", t2)
    if m:
        return _abs(f"{m.group(2)}-{SEASONS[m.group(1)]}")
    # quarters with a year: "the first quarter of 2009", "Q3 2009", "2009 Q3"
    m = re.fullmatch(
        r"(?:the\s+)?(first|second|third|fourth|final|last)[\s-]quarter\s+(?:of\s+)?(\d{4})", t2
    )
    if m:
        return _abs(f"{m.group(2)}-Q{ORDINALS[m.group(1)]}")
    m = re.fullmatch(r"q([1-4])\s*(?:of\s+)?(\d{4})|(\d{4})\s*q([1-4])", t2)
    if m:
        q, y = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        return _abs(f"{y}-Q{q}")
    m = re.fullmatch(r"(?:the\s+)?(first|second|1st|2nd)\s+half\s+of\s+(\d{4})", t2)
    if m:
        return _abs(f"{m.group(2)}-H{1 if m.group(1) in ('first', '1st') else 2}")
    m = re.fullmatch(r"(?:fiscal|financial)\s+(?:year\s+)?(\d{4})|fy\s*(\d{4})", t2)
    if m:
        return _abs(f"FY{m.group(1) or m.group(2)}", conf=0.8)
    # "the 21st century"
    m = re.fullmatch(r"(?:the\s+)?(\d{1,2})\s+century", t2)
    if m:
        return _abs(f"{int(m.group(1)) - 1:02d}", conf=0.8)
    return None


def _month_day(
    mon: int, day: int, year: str | None, anchor: dt.date | None, tense: Tense | None
) -> TimeValue | None:
    if year:
        d = _safe_date(int(year), mon, day)
        return _abs(_day(d)) if d else None
    if not 1 <= day <= 31:
        return None
    if anchor is None:
        return TimeValue(f"XXXX-{mon:02d}-{day:02d}", "DATE", None, False, NO_ANCHOR, 0.5)
    y = _month_year(mon, day, anchor, tense)
    d = _safe_date(y, mon, day)
    if d is None:
        return None
    conf = 0.85 if y == anchor.year else 0.65
    return _rel(_day(d), conf=conf if tense else conf - 0.1)


def _duration_or_ago(t: str, anchor: dt.date | None, tense: Tense | None) -> TimeValue | None:
    # "two months ago", "a week ago", "20 years ago", "three days earlier"
    m = re.fullmatch(
        r"(?:just\s+)?("
        + _NUMWORD_RE
        + r"|a|an)[\s-]"
        + _UNIT_RE
        + r"\s+(ago|earlier|before|later|from now|hence)",
        t,
    )
    if m:
        n = _num(m.group(1))
        unit = m.group(2)
        direction = -1 if m.group(3) in ("ago", "earlier", "before") else 1
        if m.group(3) in ("earlier", "before", "later") and m.group(3) != "later":
            pass
        if n is None:
            return None
        if anchor is None:
            return _unanchored()
        return _shift(anchor, int(n) if float(n).is_integer() else n, unit, direction)
    # "the past decade", "the last five years", "the next six months", "five years"
    m = re.fullmatch(
        r"(?:(?:the|over the|for the|in the|during the|within the|an?(?=\s+\d))\s+)?"
        r"(?:(past|last|next|coming|previous|first|following|remaining|same|entire)\s+)?"
        r"(?:(" + _NUMWORD_RE + r"|a|an|several|few|a few|many|couple of|a couple of)[\s-])?"
        r"(?:(?:straight|consecutive|full|whole|long|more|additional|trading|working|"
        r"business|calendar|unusually turbulent)\s+)*"
        + _UNIT_RE
        + r"(?:[\s-](?:long|old|history|period|plan|deal|contract|programme|program|low|high|"
        r"span|term|mark|run))?",
        t,
    )
    if m:
        which, qty, unit = m.group(1), m.group(2), m.group(3)
        if unit == "centurie":
            unit = "century"
        plural = t.rstrip().endswith("s") or bool(re.search(unit + r"s\b", t))
        if qty is None and which is None and not plural:
            return None  # bare "week", "year": handled as relative
        if qty is None and which in ("last", "past", "next", "previous", "coming") and not plural:
            if unit == "decade" and which in ("past", "last"):
                return _abs("P10Y", "DURATION", 0.8)
            return None  # "last week", "next year": relative dates, below
        if which == "same":
            return None
        code, mult = UNITS[unit]
        if qty is None or qty in VAGUE_NUMBERS or qty in ("several", "few", "many"):
            n_str = "X"
            if qty in ("couple of", "a couple of"):
                n_str = _fmt_num(2 * mult)
            elif qty is None and not plural:
                n_str = _fmt_num(mult)
        else:
            n = _num(qty)
            if n is None:
                return None
            n_str = _fmt_num(n * mult)
        if code.startswith("T"):
            return _abs(f"PT{n_str}{code[1]}", "DURATION", 0.85)
        return _abs(f"P{n_str}{code}", "DURATION", 0.85)
    m = re.fullmatch(r"(" + _NUMWORD_RE + r")\s+and\s+a\s+half\s+" + _UNIT_RE, t)
    if m and _num(m.group(1)) is not None:
        code, mult = UNITS[m.group(2)]
        n = (_num(m.group(1)) + 0.5) * mult  # type: ignore[operator]
        prefix = "PT" if code.startswith("T") else "P"
        return _abs(f"{prefix}{_fmt_num(n)}{code[-1]}", "DURATION", 0.85)
    if t in ("decades", "years", "months", "weeks", "days", "hours", "minutes"):
        code, _ = UNITS[t[:-1]]
        x = "PX" + code if not code.startswith("T") else "PTX" + code[1]
        return _abs(x.replace("PXY", "PXY"), "DURATION", 0.6)
    if t in ("over the years", "the years", "over the decades"):
        return _abs("PXY", "DURATION", 0.6)
    return None


def _shift(anchor: dt.date, n: float, unit: str, direction: int) -> TimeValue:
    if unit in ("day",):
        return _rel(_day(anchor + direction * dt.timedelta(days=n)), conf=0.85)
    if unit in ("week", "fortnight"):
        days = 7 * n * (2 if unit == "fortnight" else 1)
        return _rel(_day(anchor + direction * dt.timedelta(days=days)), conf=0.75)
    if unit == "month":
        y, mth = _add_months(anchor.year, anchor.month, direction * int(n))
        return _rel(_month(y, mth), conf=0.85)
    if unit == "quarter":
        y, mth = _add_months(anchor.year, anchor.month, direction * 3 * int(n))
        return _rel(f"{y}-Q{(mth - 1) // 3 + 1}", conf=0.8)
    if unit in ("year",):
        return _rel(str(anchor.year + direction * int(n)), conf=0.85)
    if unit == "decade":
        return _rel(str(anchor.year + direction * 10 * int(n))[:3], conf=0.7)
    if unit == "century":
        return _rel(f"{(anchor.year + direction * 100 * int(n)) // 100:02d}", conf=0.7)
    if unit in ("hour", "minute", "second"):
        return _rel(_day(anchor), conf=0.5)
    return _rel(_day(anchor), conf=0.3)


def _relative(t: str, anchor: dt.date | None, tense: Tense | None) -> TimeValue | None:
    # strip "earlier"/"later" qualifiers that keep the granularity ("earlier this year")
    t = re.sub(r"^(?:earlier|later|sometime|some time|until|as of)\s+", "", t)
    t = re.sub(r"^(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s+", "", t)

    # what kind of expression, before checking the anchor
    part = None
    m = re.fullmatch(r"(.*?)\s*(morning|afternoon|evening|night)", t)
    if m and m.group(1) and m.group(1) not in ("this", "last", "tomorrow", "yesterday"):
        part, t = PARTS_OF_DAY[m.group(2)], m.group(1).strip()
    elif m and m.group(1) in ("this", "last", "tomorrow", "yesterday"):
        part = PARTS_OF_DAY[m.group(2)]
        t = {"this": "today", "last": "yesterday"}.get(m.group(1), m.group(1))
    elif t in PARTS_OF_DAY:
        part, t = PARTS_OF_DAY[t], "today"

    tv = _relative_date(t, anchor, tense)
    if tv is None:
        return None
    if part and tv.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", tv.value):
        return TimeValue(tv.value + "T" + part, "TIME", None, tv.anchored, None, tv.confidence)
    if part and tv.value is None:
        return TimeValue(None, "TIME", None, False, tv.note, tv.confidence)
    return tv


def _relative_date(t: str, a: dt.date | None, tense: Tense | None) -> TimeValue | None:
    simple = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this day": 0}
    simple.update({"the day before yesterday": -2, "the day after tomorrow": 2})
    if t in simple:
        if a is None:
            return _unanchored()
        return _rel(_day(a + dt.timedelta(days=simple[t])), conf=0.9)

    # weekdays: "Wednesday", "last Monday", "next Friday", "this Tuesday"
    m = re.fullmatch(r"(?:(last|next|this|past|coming)\s+)?(" + _WD_RE + r")", t)
    if m and (m.group(1) or len(m.group(2)) > 3):
        if a is None:
            return _unanchored()
        which = {"past": "last", "coming": "next"}.get(m.group(1) or "", m.group(1))
        d = _weekday_date(WEEKDAYS[m.group(2)], a, tense, which)
        conf = 0.85 if which else (0.75 if tense else 0.6)
        return _rel(_day(d), conf=conf)

    # "this week", "last week", "next week", "the weekend", "last weekend"
    m = re.fullmatch(
        r"(?:(this|last|next|past|coming|the|previous|the previous|the past|the coming|"
        r"the next|the following|the same|that|the current|the last)\s+)?"
        r"(week|weekend|month|year|quarter|decade|century)",
        t,
    )
    if m:
        which = (m.group(1) or "").replace("the ", "") if m.group(1) != "the" else "the"
        unit = m.group(2)
        if which in ("same", "that", "following"):
            return TimeValue(None, "DATE", None, False, "anaphoric: depends on another date", 0.2)
        if unit == "year" and which == "":
            return TimeValue(None, "DATE", None, False, "not understood", 0.2)
        if a is None:
            return _unanchored()
        k = {"this": 0, "current": 0, "the": 0, "": 0, "last": -1, "past": -1, "previous": -1}
        k.update({"next": 1, "coming": 1})
        off = k.get(which, 0)
        if which == "the" and unit not in ("weekend", "week"):
            off = 0
        if unit == "week":
            return _rel(_week(a + dt.timedelta(weeks=off)), conf=0.85)
        if unit == "weekend":
            if which in ("the", "", "this") and tense == "past" and a.weekday() < 5:
                off = -1
            return _rel(_week(a + dt.timedelta(weeks=off)) + "-WE", conf=0.75)
        if unit == "month":
            y, mth = _add_months(a.year, a.month, off)
            return _rel(_month(y, mth), conf=0.85)
        if unit == "quarter":
            y, mth = _add_months(a.year, a.month, 3 * off)
            return _rel(f"{y}-Q{(mth - 1) // 3 + 1}", conf=0.75)
        if unit == "year":
            return _rel(str(a.year + off), conf=0.85)
        if unit == "decade":
            return _rel(str(a.year + 10 * off)[:3], conf=0.7)
        if unit == "century":
            return _rel(f"{(a.year + 100 * off) // 100:02d}", conf=0.7)

    # "the end of last year" (mod already stripped), "the first quarter of last year"
    m = re.fullmatch(
        r"(?:the\s+)?(first|second|third|fourth|final|last)[\s-]quarter"
        r"(?:\s+of\s+(this|last|next|the)\s+year)?",
        t,
    )
    if m:
        if a is None:
            return _unanchored()
        q = ORDINALS[m.group(1)]
        off = {"last": -1, "next": 1}.get(m.group(2) or "", 0)
        year = a.year + off
        if m.group(2) is None and tense == "past" and (q - 1) * 3 + 1 > a.month:
            year -= 1  # a quarter that has not started yet is last year's (results)
        return _rel(f"{year}-Q{q}", conf=0.7 if m.group(2) else 0.55)

    # "March 11 this year", "October of next year", "June last year"
    m = re.fullmatch(
        r"(?:(\d{1,2})\s+(?:of\s+)?)?(" + _MONTH_RE + r")\.?(?:\s+(\d{1,2}))?\s*,?\s+(?:of\s+)?"
        r"(this|last|next|the previous|the following|the same)\s+year",
        t,
    )
    if m:
        if a is None:
            return _unanchored()
        off = {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(m.group(4), 0)
        mon, day = MONTHS[m.group(2)], m.group(1) or m.group(3)
        d = _safe_date(a.year + off, mon, int(day)) if day else None
        if day and d is None:
            return None
        return _rel(_day(d) if d else _month(a.year + off, mon), conf=0.85)

    # "the year before", "the previous year", "the year previous": one unit before the anchor
    m = re.fullmatch(
        r"(?:the\s+)?(?:(previous|prior)\s+)?(week|month|year)(?:\s+(before|previous|"
        r"prior|earlier))?",
        t,
    )
    if m and (m.group(1) or m.group(3)):
        if a is None:
            return _unanchored()
        unit = m.group(2)
        if unit == "week":
            return _rel(_week(a - dt.timedelta(weeks=1)), conf=0.6)
        if unit == "month":
            return _rel(_month(*_add_months(a.year, a.month, -1)), conf=0.6)
        return _rel(str(a.year - 1), conf=0.6)

    # months without a year: "January", "last September", "next March"
    m = re.fullmatch(r"(?:(last|next|this|past|coming)\s+)?(" + _MONTH_RE + r")", t)
    if m and len(m.group(2)) >= 3:
        if a is None:
            return _unanchored()
        mon = MONTHS[m.group(2)]
        which = m.group(1)
        if which in ("last", "past"):
            y = a.year if mon < a.month else a.year - 1
        elif which in ("next", "coming"):
            y = a.year if mon > a.month else a.year + 1
        elif which == "this":
            y = a.year
        else:
            y = _month_year(mon, None, a, tense)
        conf = 0.85 if which else (0.7 if tense else 0.6)
        return _rel(_month(y, mon), conf=conf)

    # seasons: "summer", "last winter", "this spring"
    m = re.fullmatch(
        r"(?:(last|next|this|the|past|coming)\s+)?(spring|summer|autumn|fall|winter)", t
    )
    if m:
        if a is None:
            return _unanchored()
        s = SEASONS[m.group(2)]
        season_index = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}[s]
        now_index = {12: 4, 1: 4, 2: 4, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(a.month, 3)
        y = a.year
        which = m.group(1)
        if which in ("last", "past") or (which in (None, "the") and tense == "past"):
            if season_index >= now_index and not (which is None and season_index == now_index):
                y -= 1
        elif which in ("next", "coming") or (which in (None, "the") and tense == "future"):
            if season_index <= now_index and not (which is None and season_index == now_index):
                y += 1
        return _rel(f"{y}-{s}", conf=0.7)

    # "the past decade" handled as a duration; "this/the year's" etc. not understood
    return None


# --------------------------------------------------------------------------- tense


def _governing_verb(tok: Token) -> Token:
    seen = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and seen < 12:
        tok = tok.head
        seen += 1
    return tok


def sentence_tense(token_or_span: Token | Span) -> Tense | None:
    """Tense of the verb that governs an expression, read from the dependency parse.

    Future: "will", "shall", "'ll", "would", "is set/expected/due to", "plans to", "going to",
    "next"/"coming" in the expression. Past: VBD, or VBN with "have" or with a past auxiliary.
    Otherwise present. None when there is no verb to read.
    """
    if hasattr(token_or_span, "root"):
        span = token_or_span
        root = span.root
        words = {t.lower_ for t in span}
    else:
        root = token_or_span
        words = {root.lower_}
    if words & {"next", "coming", "tomorrow", "upcoming"}:
        return "future"
    verb = _governing_verb(root)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for _ in range(4):  # "the boat rescued on Friday was ...", "willing to skip class Thursday"
        tense = _verb_tense(verb, first=True)
        if tense is not None:
            return tense
        head = verb.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
            break
        verb = head
    return _verb_tense(verb, first=False) or "present"


def _verb_tense(verb: Token, first: bool) -> Tense | None:
    """Tense of one verb; None when it is non-finite and the clause above should decide."""
    # climb through xcomp / infinitive chains: "is set to leave", "plans to visit"
    chain = [verb]
    cur = verb
    for _ in range(4):
        if cur.dep_ in ("xcomp", "ccomp", "advcl", "conj") and cur.head.i != cur.i:
            if cur.dep_ == "xcomp" or any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cur.children
            ):
                cur = cur.head
                chain.append(cur)
                continue
        break
    for v in chain:
        auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in ("will", "shall", "'ll", "wo", "would", "'d") for c in auxes):
            return "future"
        if v.i != verb.i and v.lemma_ in FUTURE_LEMMAS:
            return "future"
        if v.lemma_ == "due" or (v.lower_ == "due" and v.i != verb.i):
            return "future"
    # "is due on Friday", "is scheduled for Monday"
    if verb.lemma_ in ("schedule", "slate", "plan", "due", "expect") and verb.tag_ == "VBN":
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(c.tag_ in ("VBZ", "VBP") for c in auxes):
            return "future"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # "are to travel": be + to-infinitive
    if verb.lemma_ == "be" and any(
        c.dep_ == "xcomp" and any(x.lower_ == "to" for x in c.children) for c in verb.children
    ):
        return "future"
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in auxes):
        return "past"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("ROOT", "ccomp", "conj", "relcl", "acl"):
        return "past"  # headline style: "Ministers met" / reduced relatives
    if verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP", "MD") for c in auxes):
        return "present"
    if first and verb.dep_ not in ("ROOT",):
        return None  # non-finite: let the governing clause decide
    return "present"


# --------------------------------------------------------------------------- finding

_TRIM_LEFT = {
    "on",
    "in",
    "at",
    "by",
    "since",
    "until",
    "till",
    "from",
    "during",
    "for",
    "of",
    "as",
    "to",
    "before",
    "after",
    "through",
    "throughout",
    "within",
    "into",
    "between",
    "and",
    "or",
    "but",
    "than",
    "-",
    "–",
    "—",
    ",",
    "(",
    '"',
    "'",
    "“",
    "‘",
    "which",
    "that",
}
_TRIM_RIGHT = {",", ".", ";", ":", ")", '"', "'", "”", "’", "'s", "’s", "-", "–", "—", "and", "or"}
_EXTRA_WORDS = {
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "now",
    "currently",
    "recently",
    "nowadays",
    "presently",
    "lately",
    "formerly",
    "previously",
    "annually",
}
_WEEKDAY_CAPS = {
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
}

_matcher_cache: dict[int, object] = {}


def _matcher(vocab: object) -> object:
    from spacy.matcher import Matcher

    key = id(vocab)
    if key not in _matcher_cache:
        m = Matcher(vocab)  # type: ignore[arg-type]
        m.add("WORD", [[{"LOWER": {"IN": sorted(_EXTRA_WORDS)}}]])
        m.add("WEEKDAY", [[{"TEXT": {"IN": sorted(_WEEKDAY_CAPS)}}]])
        rel = ["this", "last", "next", "past", "coming", "previous"]
        units = ["week", "weekend", "month", "year", "quarter", "decade"]
        m.add(
            "REL",
            [
                [
                    {"LOWER": {"IN": ["earlier", "later"]}, "OP": "?"},
                    {"LOWER": {"IN": rel}},
                    {"LOWER": {"IN": units}},
                ],
                [
                    {"LOWER": {"IN": ["in", "the"]}, "OP": "?"},
                    {"LOWER": "the", "OP": "?"},
                    {"LOWER": "future"},
                ],
                [
                    {"LOWER": {"IN": ["this", "yesterday", "tomorrow"]}},
                    {"LOWER": {"IN": ["morning", "afternoon", "evening"]}},
                ],
                [
                    {"TEXT": {"REGEX": "^[0-2]?[0-9]:[0-5][0-9]$"}},
                    {"LOWER": {"IN": ["utc", "gmt", "am", "pm", "a.m.", "p.m."]}, "OP": "?"},
                ],
                [{"TEXT": {"REGEX": "^[0-2][0-9][0-5][0-9]$"}}, {"LOWER": {"IN": ["utc", "gmt"]}}],
                [{"TEXT": {"REGEX": "^[01]?[0-9]/[0-3]?[0-9]/([0-9][0-9]|[12][0-9]{3})$"}}],
                [
                    {"LOWER": {"IN": ["this", "last", "next", "in", "early", "late"]}},
                    {"LOWER": {"IN": ["spring", "summer", "autumn", "winter"]}},
                    {"LOWER": {"NOT_IN": ["of"]}, "OP": "?"},
                ],
                [
                    {"LOWER": {"IN": ["in", "since", "by", "until", "from", "before", "after"]}},
                    {"TEXT": {"REGEX": "^(1[6-9]|20)[0-9][0-9]$"}, "ENT_TYPE": ""},
                ],
            ],
        )
        _matcher_cache[key] = m
    return _matcher_cache[key]


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (
        doc[start].lower_ in _TRIM_LEFT or doc[start].is_space or doc[start].is_punct
    ):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in _TRIM_RIGHT or doc[end - 1].is_space or doc[end - 1].is_punct
    ):
        end -= 1
    return start, end


_SPLIT_WORDS = {"and", "to", "or", "through", "until", "-", "–", "—", "&", ",", "(", ")", '"'}
_PROBE = dt.date(2000, 6, 15)
_EXTEND_LEFT = {
    "this",
    "last",
    "next",
    "past",
    "coming",
    "early",
    "late",
    "mid",
    "earlier",
    "later",
}


def _understood(doc: Doc, start: int, end: int) -> bool:
    return normalize(doc[start:end].text, _PROBE, "past").value is not None


def _split(doc: Doc, start: int, end: int, depth: int = 0) -> list[tuple[int, int]]:
    """Split "Wednesday and Thursday", "2009 to 2011", "November 11, three days later"."""
    if depth > 6 or end - start <= 1:
        return [(start, end)]
    # never across a sentence or line break
    for i in range(start, end - 1):
        if "\n" in doc[i].whitespace_ + doc[i].text or doc[i + 1].is_sent_start:
            parts = []
            for s, e in ((start, i + 1), (i + 1, end)):
                s, e = _trim(doc, s, e)
                if s < e:
                    parts.extend(_split(doc, s, e, depth + 1))
            return parts
    if _understood(doc, start, end) and not any(
        doc[i].lower_ in ("and", "to", "or", "through", "until") for i in range(start, end)
    ):
        return [(start, end)]
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in _SPLIT_WORDS:
            ls, le = _trim(doc, start, i)
            rs, re_ = _trim(doc, i + 1, end)
            if ls < le and rs < re_ and (_understood(doc, ls, le) or _understood(doc, rs, re_)):
                return [*_split(doc, ls, le, depth + 1), *_split(doc, rs, re_, depth + 1)]
    return [(start, end)]


def find_times(doc: Doc, anchor: dt.date | None) -> list[TimeExpression]:
    """Time expressions in a parsed document, each normalised against `anchor`."""
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    spans: list[tuple[int, int]] = []
    ents = [e for e in doc.ents if e.label_ in ("DATE", "TIME")]
    # merge adjacent DATE/TIME entities: "Monday" + "morning", "12:00 UTC" + "Monday"
    merged: list[list[int]] = []
    for e in ents:
        if merged and merged[-1][1] == e.start:
            merged[-1][1] = e.end
        else:
            merged.append([e.start, e.end])
    for s, e in merged:
        if s > 0 and doc[s - 1].lower_ in _EXTEND_LEFT and not doc[s - 1].ent_type_:
            s -= 1  # "this year's": the small model often tags only "year"
        s, e = _trim(doc, s, e)
        if s < e:
            spans.extend(_split(doc, s, e))
    taken = set()
    for s, e in spans:
        taken.update(range(s, e))
    try:
        matches = _matcher(doc.vocab)(doc)  # type: ignore[operator]
    except Exception:  # pragma: no cover - a matcher failure must not lose the entities
        matches = []
    extra = []
    for _, s, e in sorted(matches, key=lambda m: (m[1], -(m[2] - m[1]))):
        inside = [sp for sp in spans if s <= sp[0] and sp[1] <= e]
        if inside and all(
            i not in taken or any(a <= i < b for a, b in inside) for i in range(s, e)
        ):
            for sp in inside:  # the match covers entity spans entirely: it is the better extent
                spans.remove(sp)
                taken.difference_update(range(*sp))
        if any(i in taken for i in range(s, e)):
            continue
        s, e = _trim(doc, s, e)
        if s >= e:
            continue
        extra.append((s, e))
        taken.update(range(s, e))
    spans.extend(extra)
    out: list[TimeExpression] = []
    for s, e in sorted(set(spans)):
        span = doc[s:e]
        text = span.text
        if not text.strip():
            continue
        try:
            tense = sentence_tense(span)
        except Exception:  # pragma: no cover - unusual parses
            tense = None
        tv = normalize(text, anchor, tense)
        if tv.value is None and tv.note == "not understood":
            type_ = (
                "TIME"
                if any(en.label_ == "TIME" for en in doc.ents if en.start <= s < en.end)
                else "DATE"
            )
        else:
            type_ = tv.type
        if type_ not in ("DATE", "TIME", "DURATION", "SET"):
            type_ = "DATE"
        out.append(
            TimeExpression(
                text=text,
                start=span.start_char,
                end=span.end_char,
                value=tv.value,
                type=type_,  # type: ignore[arg-type]
                mod=tv.mod,
                anchored=tv.anchored,
                note=tv.note,
                confidence=max(0.0, min(1.0, tv.confidence)),
            )
        )
    return out

"""Indonesian dates as news articles write them, with their precision and any inferred year.

Articles write 'Senin (24/11)', 'Kamis (2/9/2021)', 'Senin (9-3-2026)' or 'Senin 27 Oktober 2025'.
A date keeps its precision (day, month or year) as an interval [earliest, latest]. A missing year is
inferred from the article's publication date and the weekday, never from today's clock (which is
what dateparser does), and is flagged as inferred. A weekday that contradicts its date is an error.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .problems import NormalizationError
from .text import clean_text

WEEKDAYS = {  # Python's weekday(): Monday is 0
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jumaat": 4,
    "sabtu": 5, "minggu": 6, "ahad": 6,
}
WEEKDAY_NAMES = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8,
    "agt": 8, "ags": 8, "agust": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12,
}
TIME_OF_DAY = r"(?:\s+(?:pagi|siang|sore|malam)(?:\s+hari)?)?"

# How far from the publication date an event without a year may lie: up to a year before it,
# or a few weeks after it (an announced inauguration).
LOOKBACK = timedelta(days=365)
LOOKAHEAD = timedelta(days=60)
# Years a news article about regional top posts can mention; anything else is a typo ('0224'), and
# would also reach past the dates the analyses can hold.
YEARS = range(1950, 2101)

_WEEKDAY = r"(?P<weekday>[A-Za-z']+)"
_AFTER_WEEKDAY = r"(?:\s*,\s*|\s+|(?=\())"
# One separator throughout ('2/9/2021', '9-3-2026'): '1-3/12' is a range of days, not 1 March 2012.
_NUMERIC = re.compile(
    rf"^(?:{_WEEKDAY}{_AFTER_WEEKDAY})?\(?\s*(?P<d>\d{{1,2}})\s*(?P<sep>[/.-])\s*(?P<m>\d{{1,2}})(?:\s*(?P=sep)\s*(?P<y>\d{{4}}|\d{{2}}))?\s*\)?{TIME_OF_DAY}$"
)
_NAMED = re.compile(
    rf"^(?:{_WEEKDAY}{_AFTER_WEEKDAY})?\(?\s*(?:(?P<d>\d{{1,2}})\s+)?(?P<month>[A-Za-z]+)\.?(?:\s+(?P<y>\d{{4}}))?\s*\)?{TIME_OF_DAY}$"
)
_ISO = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?$")
# Two days joined by a dash or 'sampai'/'hingga'/'s.d.', then a month: '24-27/11', '24 - 27 November 2025'.
_RANGE = re.compile(r"\d{1,2}\s*(?:[-–—]|s\.?\s?/?d\.?|sampai|hingga)\s*\d{1,2}\s*(?:[/.-]\s*\d{1,2}|[A-Za-z]+)", re.IGNORECASE)

EXPECTED = (
    "a date such as 'Senin (24/11)', 'Kamis (2/9/2021)', 'Senin (9-3-2026)', "
    "'27 Oktober 2025', 'Oktober 2025', '2025' or '2025-11-24'"
)


@dataclass(frozen=True)
class IndonesianDate:
    """A date known to some precision: the true day lies in [earliest, latest]."""

    earliest: date
    latest: date
    precision: str  # 'day' | 'month' | 'year'
    year_inferred: bool = False
    weekday_checked: bool = False

    @property
    def text(self) -> str:
        """ISO text cut to the precision: '2025-11-24', '2025-10' or '2025'."""
        return {"day": self.earliest.isoformat(), "month": self.earliest.isoformat()[:7], "year": str(self.earliest.year)}[
            self.precision
        ]


def _day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise NormalizationError(f"a real calendar date ({day}/{month}/{year} does not exist)") from None


def _exists_in_some_year(day: int, month: int) -> bool:
    return 1 <= day <= calendar.monthrange(2024, month)[1]  # 2024 is a leap year: 29/2 exists


def _weekday_code(word: str | None) -> int | None:
    if not word:
        return None
    key = word.casefold()
    if key not in WEEKDAYS:
        raise NormalizationError(f"an Indonesian weekday ({', '.join(WEEKDAY_NAMES)}) before the date, not {word!r}")
    return WEEKDAYS[key]


def _year(text: str) -> int:
    year = int(text)
    year = year + 2000 if len(text) == 2 else year
    if year not in YEARS:
        raise NormalizationError(f"a year from {YEARS.start} to {YEARS.stop - 1}, not {text}")
    return year


def _check_weekday(day: date, weekday: int | None) -> bool:
    if weekday is None:
        return False
    if day.weekday() != weekday:
        raise NormalizationError(
            f"the weekday to match the date: {day.isoformat()} is a {WEEKDAY_NAMES[day.weekday()]}, "
            f"not a {WEEKDAY_NAMES[weekday]}"
        )
    return True


def infer_year(day: int, month: int, weekday: int | None, reference: tuple[date, date]) -> date:
    """The date (day, month) of the year that fits the article: within a year before publication
    (or a few weeks after), on the stated weekday. Raises when no year or several years fit."""
    start, end = reference
    window = (start - LOOKBACK, end + LOOKAHEAD)
    candidates = []
    for year in range(max(window[0].year, YEARS.start), min(window[1].year, YEARS.stop - 1) + 1):  # never a year it would reject
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if window[0] <= candidate <= window[1] and (weekday is None or candidate.weekday() == weekday):
            candidates.append(candidate)
    span = f"{window[0].isoformat()} to {window[1].isoformat()}"
    if not candidates:
        if weekday is not None:
            raise NormalizationError(
                f"the weekday to match the date: {day}/{month} is not a {WEEKDAY_NAMES[weekday]} in any year "
                f"from {span} (a year before the article to {LOOKAHEAD.days} days after it)"
            )
        raise NormalizationError(f"a day and month that exist between {span}")
    past = [c for c in candidates if c <= end]
    if len(past) > 1 and weekday is not None:
        raise NormalizationError(f"a year: {day}/{month} on that weekday fits several years in {span}")
    return max(past) if past else min(candidates)


def parse_indonesian_date(raw: object, reference: tuple[date, date] | None = None) -> IndonesianDate:
    """Parse one date string; `reference` is the publication interval used to infer a missing year.

    Raises NormalizationError with what was expected when the text is no date, the date does not
    exist, or the weekday contradicts it.
    """
    text = clean_text(raw)
    if not text:
        raise NormalizationError(EXPECTED)
    if match := _ISO.match(text):
        year, month, day = _year(match["y"]), match["m"], match["d"]
        if day:
            d = _day(year, int(month), int(day))
            return IndonesianDate(d, d, "day")
        if month:
            if not 1 <= int(month) <= 12:
                raise NormalizationError(f"a month from 1 to 12, not {month}")
            last = calendar.monthrange(year, int(month))[1]
            return IndonesianDate(date(year, int(month), 1), date(year, int(month), last), "month")
        return IndonesianDate(date(year, 1, 1), date(year, 12, 31), "year")

    match = _NUMERIC.match(text)
    if match:
        day, month, year_text = int(match["d"]), int(match["m"]), match["y"]
    else:
        match = _NAMED.match(text)
        if not match or match["month"].casefold() not in MONTHS:
            if _RANGE.search(text):
                raise NormalizationError(
                    "a single date; a range of days cannot be read: code the day the fact held "
                    "(the first, if it held throughout) and give the range in coder_note"
                )
            raise NormalizationError(EXPECTED)
        day = int(match["d"]) if match["d"] else None
        month, year_text = MONTHS[match["month"].casefold()], match["y"]
    if not 1 <= month <= 12:
        raise NormalizationError(f"a month from 1 to 12 in {text!r}")
    weekday = _weekday_code(match["weekday"])

    if day is None:  # 'Oktober 2025'
        if year_text is None:
            raise NormalizationError(f"a year with a month alone ({text!r}); a day and month can do without one")
        if weekday is not None:
            raise NormalizationError("a weekday only together with a day")
        year = _year(year_text)
        last = calendar.monthrange(year, month)[1]
        return IndonesianDate(date(year, month, 1), date(year, month, last), "month")

    if year_text is not None:
        d = _day(_year(year_text), month, day)
        return IndonesianDate(d, d, "day", weekday_checked=_check_weekday(d, weekday))

    if reference is None:
        raise NormalizationError(f"a year, or a publication date from which to infer it, for {text!r}")
    if not _exists_in_some_year(day, month):
        raise NormalizationError(f"a real day and month ({day}/{month} does not exist in any year)")
    d = infer_year(day, month, weekday, reference)
    return IndonesianDate(d, d, "day", year_inferred=True, weekday_checked=weekday is not None)

from datetime import date

import pytest

from jptp.dates import parse_indonesian_date as parse
from jptp.problems import NormalizationError

YEAR_2025 = (date(2025, 1, 1), date(2025, 12, 31))


@pytest.mark.parametrize(
    "raw, reference, iso, inferred",
    [
        ("Senin (24/11)", YEAR_2025, "2025-11-24", True),  # 000 ¶1: no year
        ("Kamis (2/9/2021)", None, "2021-09-02", False),  # 002 ¶5
        ("Senin (9-3-2026)", None, "2026-03-09", False),  # 001 ¶3: dashes
        ("Senin 27 Oktober 2025", None, "2025-10-27", False),  # 003 ¶6: month name, no brackets
        ("Jumat (26/7/2024) sore", None, "2024-07-26", False),  # 004 ¶1 with time of day
        ("Jum'at, 26 Juli 2024", None, "2024-07-26", False),
        ("27 Okt 2025", None, "2025-10-27", False),
        ("2/9/21", None, "2021-09-02", False),
        ("Selasa\u00a0(24/11/2026)", None, "2026-11-24", False),  # non-breaking space from a spreadsheet
    ],
)
def test_real_and_variant_date_forms(raw, reference, iso, inferred):
    parsed = parse(raw, reference)
    assert parsed.text == iso
    assert parsed.precision == "day"
    assert parsed.year_inferred is inferred


def test_missing_year_comes_from_the_article_not_from_todays_clock():
    # Published 2021-09-02: 'Kamis (2/9)' is 2021, although today's clock says 2026.
    parsed = parse("Kamis (2/9)", (date(2021, 9, 2), date(2021, 9, 2)))
    assert parsed.earliest == date(2021, 9, 2) and parsed.year_inferred and parsed.weekday_checked


def test_weekday_picks_the_year_when_publication_is_only_known_to_the_year():
    # 24/11 is a Monday in 2025 but a Sunday in 2024: with 'Senin' only 2025 fits.
    assert parse("Senin (24/11)", (date(2025, 1, 1), date(2025, 12, 31))).earliest == date(2025, 11, 24)
    assert parse("Minggu (24/11)", (date(2025, 1, 1), date(2025, 12, 31))).earliest == date(2024, 11, 24)


def test_without_weekday_the_latest_date_before_publication_is_taken():
    assert parse("20/12", (date(2025, 1, 5), date(2025, 1, 5))).earliest == date(2024, 12, 20)


def test_announced_date_shortly_after_publication_is_accepted():
    assert parse("Senin (1/12)", (date(2025, 11, 24), date(2025, 11, 24))).earliest == date(2025, 12, 1)


@pytest.mark.parametrize(
    "raw, reference, message",
    [
        ("Selasa (24/11/2025)", None, "2025-11-24 is a Senin, not a Selasa"),
        ("Selasa (24/11)", (date(2025, 11, 24), date(2025, 11, 24)), "not a Selasa in any year"),
        ("31/2/2024", None, "does not exist"),
        ("Senin (31/2)", YEAR_2025, "does not exist"),
        ("24/13/2024", None, "month from 1 to 12"),
        ("Senin (24/11)", None, "a year, or a publication date"),
        ("Oktober", None, "a year with a month alone"),
        ("kemarin", None, "a date such as"),
        ("", None, "a date such as"),
        ("Sunday (24/11/2025)", None, "an Indonesian weekday"),
    ],
)
def test_bad_dates_say_what_was_expected(raw, reference, message):
    with pytest.raises(NormalizationError, match=message):
        parse(raw, reference)


@pytest.mark.parametrize(
    "raw, precision, earliest, latest",
    [
        ("Oktober 2025", "month", date(2025, 10, 1), date(2025, 10, 31)),
        ("Februari 2024", "month", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025", "year", date(2025, 1, 1), date(2025, 12, 31)),
        ("2025-11", "month", date(2025, 11, 1), date(2025, 11, 30)),
    ],
)
def test_precision_is_kept_as_an_interval(raw, precision, earliest, latest):
    parsed = parse(raw)
    assert (parsed.precision, parsed.earliest, parsed.latest) == (precision, earliest, latest)

"""Properties of the normalizers on arbitrary text, checked with hypothesis.

For every input: either a value or NormalizationError (the documented 'bad value' signal; any other
exception is a bug), the same answer twice, and normalizing a normalized value changes nothing.
Examples are derandomized (see conftest.py), so a run is deterministic.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from jptp import vocab
from jptp.dates import MONTHS, WEEKDAY_NAMES, WEEKDAYS, YEARS, parse_indonesian_date
from jptp.people import PersonName, person_id, split_titles
from jptp.problems import NormalizationError
from jptp.text import clean_text, fold

# Text a coder could type, and text nobody would: the normalizers must survive both.
DATE_WORDS = [*WEEKDAYS, *MONTHS, "pagi", "sore", "malam", "hari", "sampai", "s.d."]
date_like = st.lists(
    st.one_of(st.sampled_from(DATE_WORDS), st.integers(0, 3000).map(str), st.sampled_from(list("/-.(), '"))), max_size=8
).map("".join)
MONTH_NAMES = list(MONTHS)


@st.composite
def written_date(draw) -> str:
    """A date written in one of the forms articles use, right or wrong in its parts."""
    day, month = draw(st.integers(0, 32)), draw(st.integers(0, 13))
    year = draw(st.one_of(st.integers(1940, 2110).map(str), st.integers(0, 99).map(lambda y: f"{y:02d}"), st.just("")))
    weekday = draw(st.sampled_from(["", *WEEKDAY_NAMES, "Jum'at", "Ahad"]))
    separator = draw(st.sampled_from(["/", "-", "."]))
    style = draw(st.sampled_from(["numeric", "named", "month", "iso"]))
    if style == "numeric":
        text = f"({day}{separator}{month}{separator + year if year else ''})"
    elif style == "named":
        text = f"{day} {draw(st.sampled_from(MONTH_NAMES)).title()} {year}"
    elif style == "month":
        text = f"{draw(st.sampled_from(MONTH_NAMES)).title()} {year}"
    else:
        return "-".join(part for part in [year.zfill(4) if year else "2025", f"{month:02d}", f"{day:02d}"][: draw(st.integers(1, 3))])
    return f"{weekday} {text}".strip() + draw(st.sampled_from(["", " sore", " pagi hari"]))


any_text = st.one_of(st.text(max_size=40), date_like, written_date())
publication = st.dates(date(YEARS.start, 1, 1), date(YEARS.stop - 1, 12, 31)).map(lambda d: (d, d))


def outcome(normalize, *args):
    """The value, or the NormalizationError message: anything else raised fails the test."""
    try:
        return normalize(*args)
    except NormalizationError as error:
        return ("NormalizationError", str(error))


# ---- text -------------------------------------------------------------------------------------

# What spreadsheets and web pages leave in cells: odd spaces, invisible characters, combining accents.
ODD = ["a", "e", "o", "\u00a0", "\u200b", "\u2060", "\ufeff", "\u00ad", "\u0301", "\u0338", "\t", "\n", " ", "İ", "ﬁ", "Ǆ", "ß"]
untidy_text = st.one_of(
    st.text(alphabet=st.one_of(st.characters(), st.sampled_from(ODD)), max_size=30),
    st.lists(st.sampled_from(ODD), max_size=12).map("".join),
    # a letter, an invisible character, a combining accent: once the invisible one goes, the two compose
    st.tuples(st.text(max_size=4), st.sampled_from(["a", "e", "="]), st.sampled_from(["\u200b", "\u2060", "\ufeff", "\u00ad", "\u00a0"]),
              st.sampled_from(["\u0301", "\u0338"]), st.text(max_size=4)).map("".join),
)


@given(untidy_text)
def test_clean_text_and_fold_are_idempotent(text):
    assert clean_text(clean_text(text)) == clean_text(text)
    assert fold(fold(text)) == fold(text)
    assert fold(clean_text(text)) == fold(text)


# ---- dates ------------------------------------------------------------------------------------

@given(any_text, st.one_of(st.none(), publication))
def test_a_date_parses_or_says_what_was_expected_and_answers_the_same_twice(text, reference):
    first = outcome(parse_indonesian_date, text, reference)
    assert outcome(parse_indonesian_date, text, reference) == first
    if not isinstance(first, tuple):
        assert first.earliest <= first.latest and first.earliest.year in YEARS and first.latest.year in YEARS
        assert (first.precision == "day") == (first.earliest == first.latest)


@given(written_date(), st.one_of(st.none(), publication))
@example("(1/2)", (date(1950, 1, 1), date(1950, 1, 1)))  # once inferred as 1949, a year the parser itself rejects
def test_parsing_the_iso_text_of_a_parsed_date_gives_the_same_date(text, reference):
    parsed = outcome(parse_indonesian_date, text, reference)
    assume(not isinstance(parsed, tuple))
    again = parse_indonesian_date(parsed.text)
    assert (again.earliest, again.latest, again.precision) == (parsed.earliest, parsed.latest, parsed.precision)


@given(st.dates(date(YEARS.start, 1, 1), date(YEARS.stop - 1, 12, 31)), st.sampled_from(["/", "-", "."]))
def test_a_real_date_written_as_articles_do_reads_back_as_itself(day, separator):
    weekday = WEEKDAY_NAMES[day.weekday()]
    written = f"{weekday} ({day.day}{separator}{day.month}{separator}{day.year})"
    parsed = parse_indonesian_date(written)
    assert (parsed.earliest, parsed.weekday_checked) == (day, True)
    # without its year, in an article published that day, the year is inferred right
    inferred = parse_indonesian_date(f"{weekday} ({day.day}/{day.month})", (day, day))
    assert (inferred.earliest, inferred.year_inferred) == (day, True)


@given(st.dates(date(YEARS.start, 1, 1), date(YEARS.stop - 1, 12, 31)), st.integers(1, 6))
def test_a_wrong_weekday_is_always_caught(day, offset):
    wrong = WEEKDAY_NAMES[(day.weekday() + offset) % 7]
    with pytest.raises(NormalizationError, match="weekday"):
        parse_indonesian_date(f"{wrong} ({day.day}/{day.month}/{day.year})")


# ---- names ------------------------------------------------------------------------------------

name_like = st.lists(
    st.one_of(st.sampled_from(["Drs.", "H.", "Hj.", "Dr.", "S.Pd.", "M.Si", "M.M.", "Moh.", "Suwandi", "Kusbani", ",", "Ph.D"]),
              st.text(min_size=1, max_size=8)),
    max_size=6,
).map(" ".join)


@pytest.fixture(scope="module")
def titles(reference):
    return reference.title_keys("prefix"), reference.title_keys("suffix")


@given(name=st.one_of(st.text(max_size=40), name_like))
@example(name="Æ")  # once accepted with the person id '', which every such name would have shared
def test_a_name_splits_or_says_what_was_expected_and_a_split_name_splits_to_itself(titles, name):
    first = outcome(split_titles, name, *titles)
    assert outcome(split_titles, name, *titles) == first
    if not isinstance(first, tuple):
        assert split_titles(first.name, *titles) == PersonName(first.name)
        assert person_id(first.name) and person_id(first.name) == person_id(first.name.upper())


# ---- posts ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def resolver(reference):
    return reference.post_resolver()


@pytest.fixture(scope="module")
def canonical(reference):
    return dict(zip(reference.posts.post_id, zip(reference.posts.government_id, reference.posts.name)))


def test_every_canonical_post_name_resolves_to_its_post(resolver, canonical):
    for post_id, (government, name) in canonical.items():
        assert resolver.resolve(name, government).post_id == post_id


GOVERNMENTS = ["kota-metro", "kota-mojokerto", "provinsi-lampung"]
post_like = st.lists(
    st.sampled_from(["Plt", "Pj", "Kepala", "Dinas", "Badan", "Sekda", "BKPSDM", "Kota", "Metro", "Mojokerto", "Asisten", "I", "II",
                     "(", ")", "Pendidikan", "dan", "Kebudayaan", "Sekretariat", "Daerah", "Walikota", "Kadis", "Kadisdikbud"]),
    max_size=8,
).map(" ".join)


@given(text=st.one_of(st.text(max_size=40), post_like), government=st.sampled_from(GOVERNMENTS))
def test_a_post_resolves_or_says_what_was_expected_and_its_canonical_name_resolves_to_it(resolver, canonical, text, government):
    first = outcome(resolver.resolve, text, government)
    assert outcome(resolver.resolve, text, government) == first
    if not isinstance(first, tuple):
        assert first.post_id.startswith(government + "/") and first.status in (None, *vocab.ACTING_STATUSES)
        own_government, name = canonical[first.post_id]
        assert resolver.resolve(name, own_government).post_id == first.post_id


@pytest.fixture(scope="module")
def aliases(reference):
    return list(zip(reference.post_aliases.government_id, reference.post_aliases.alias, reference.post_aliases.post_id))


@given(data=st.data())
def test_how_an_alias_is_dressed_never_changes_its_post(resolver, aliases, data):
    government, alias, post_id = data.draw(st.sampled_from(aliases))
    status = data.draw(st.sampled_from(["", "Plt ", "Pelaksana Tugas ", "Pj ", "PLH "]))
    head = data.draw(st.sampled_from(["", "Kepala "])) if not status else ""
    tail = data.draw(st.sampled_from(["", " Kota Metro" if government == "kota-metro" else " Kota Mojokerto" if government == "kota-mojokerto" else " Provinsi Lampung"]))
    case = data.draw(st.sampled_from([str, str.upper, str.lower]))
    spaces = data.draw(st.sampled_from([" ", "  ", "\u00a0"]))
    written = case(f"{status}{head}{alias}{tail}").replace(" ", spaces)
    resolved = resolver.resolve(written, government)
    assert resolved.post_id == post_id
    assert resolved.status == ({"plt": "plt", "pelaksana tugas": "plt", "pj": "pj", "plh": "plh"}.get(status.strip().lower()))


# ---- statuses, methods, stages ------------------------------------------------------------------

@pytest.fixture(scope="module")
def terms(reference):
    return reference.term_lookup()


@given(field=st.sampled_from(list(vocab.CODES)), text=st.one_of(st.text(max_size=30), post_like))
def test_a_term_gives_a_code_of_its_field_or_says_what_was_expected(terms, field, text):
    first = outcome(terms.code, field, text)
    assert outcome(terms.code, field, text) == first
    if not isinstance(first, tuple):
        assert first in vocab.CODES[field]
        assert terms.code(field, fold(text)) == first  # the folded term is the same term


@given(data=st.data())
def test_a_listed_term_gives_its_code_however_it_is_typed(reference, terms, data):
    field, term, code = data.draw(st.sampled_from(list(zip(reference.terms.field, reference.terms.term, reference.terms.code))))
    case = data.draw(st.sampled_from([str, str.upper, str.title]))
    dressed = data.draw(st.sampled_from(["{}", " {} ", "{}.", "{}\u00a0", "{} ({})"])).format(case(term), term)
    assert terms.code(field, dressed) == code


# ---- counts and durations -----------------------------------------------------------------------

@given(st.one_of(st.text(max_size=30), st.lists(st.sampled_from(["sekitar", "lebih", "dari", "lima", "belas", "puluh", "dua", "12", "99999",
                                                                  "bulan", "tahun", "hari", "beberapa", "sudah"]), max_size=5).map(" ".join)))
def test_counts_and_durations_parse_or_say_what_was_expected(text):
    count = outcome(vocab.parse_count, text)
    if not isinstance(count, tuple) and count.value is not None:
        assert 0 <= count.value <= vocab.MAX_COUNT
    duration = outcome(vocab.parse_duration, text)
    if not isinstance(duration, tuple):
        assert 0 <= duration.days_min <= (duration.days_max if duration.days_max is not None else duration.days_min)
        assert duration.days_min <= vocab.MAX_DURATION_DAYS

import pytest

from jptp.problems import NormalizationError
from jptp.vocab import parse_count, parse_duration


@pytest.mark.parametrize(
    "field, raw, code",
    [
        ("method", "Seleksi Terbuka (Selter)", "open_selection"),
        ("method", "Seleksi Terbuka(selter)", "open_selection"),  # 003 ¶4: no space before the bracket
        ("method", "selter JPTP", "open_selection"),
        ("method", "lelang jabatan", "open_selection"),
        ("method", "open bidding", "open_selection"),
        ("method", "mutasi", "mutation"),
        ("method", "mutasi atau rotasi", "rotation"),
        ("status", "Pelaksana Tugas (Plt)", "plt"),
        ("status", "Plt", "plt"),
        ("status", "PLH", "plh"),
        ("status", "Penjabat (Pj)", "pj"),
        ("status", "definitif", "definitive"),
        ("stage", "assessment center", "competency_assessment"),
        ("stage", "penulisan makalah", "paper"),
    ],
)
def test_terms_map_to_the_controlled_vocabulary(reference, field, raw, code):
    assert reference.term_lookup().code(field, raw) == code


def test_unknown_term_names_the_reference_file(reference):
    with pytest.raises(NormalizationError, match="terms.csv"):
        reference.term_lookup().code("method", "arisan jabatan")


def test_bracket_readings_that_disagree_are_an_error(reference):
    with pytest.raises(NormalizationError, match="different codes"):
        reference.term_lookup().code("status", "Pelaksana Tugas (Pj)")


@pytest.mark.parametrize(
    "raw, value, approximate",
    [("lima", 5, False), ("sekitar tujuh", 7, True), ("12", 12, False), ("dua belas", 12, False), ("beberapa", None, True), ("tiga puluh lima", 35, False)],
)
def test_counts(raw, value, approximate):
    count = parse_count(raw)
    assert (count.value, count.approximate) == (value, approximate)


@pytest.mark.parametrize(
    "raw, low, high",
    [("delapan bulan", 224, 248), ("sudah delapan bulan", 224, 248), ("45 hari", 45, 45), ("lebih dari satu tahun", 365, None), ("2 minggu", 14, 14)],
)
def test_stated_durations_become_day_ranges(raw, low, high):
    d = parse_duration(raw)
    assert (d.days_min, d.days_max) == (low, high)


@pytest.mark.parametrize("raw", ["lama sekali", "beberapa bulan", "bulan"])
def test_bad_durations(raw):
    with pytest.raises(NormalizationError):
        parse_duration(raw)


def test_spelling_fixes_apply_to_terms_too(reference):
    # 003 ¶8 writes 'assesmen'; the spelling table maps it to 'asesmen'.
    assert reference.term_lookup().code("stage", "assesmen kompetensi") == "competency_assessment"

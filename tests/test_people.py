import pytest

from jptp.people import person_id, person_key, split_titles
from jptp.problems import NormalizationError

PREFIXES = {"dr", "drs", "dra", "ir", "h", "hj", "prof"}
SUFFIXES = {"spd", "mm", "sh", "msi", "mpd", "se", "st", "phd"}


@pytest.mark.parametrize(
    "raw, name, prefix, suffix",
    [
        ("Moh. Ali Kuncoro", "Moh. Ali Kuncoro", (), ()),  # 004 ¶1: abbreviation kept
        ("Kusbani", "Kusbani", (), ()),  # single-word names are common
        ("Drs. H. Suwandi, M.M.", "Suwandi", ("Drs.", "H."), ("M.M.",)),
        ("Ir. Agus Muhammad Septiara, S.Pd., M.Pd.", "Agus Muhammad Septiara", ("Ir.",), ("S.Pd.", "M.Pd.")),
        ("Dr. Ruby Hartoyo M.Si", "Ruby Hartoyo", ("Dr.",), ("M.Si",)),
        ("  Santi  Ratnaning\u00a0Tias ", "Santi Ratnaning Tias", (), ()),
    ],
)
def test_titles_and_degrees_are_split_off(raw, name, prefix, suffix):
    person = split_titles(raw, PREFIXES, SUFFIXES)
    assert (person.name, person.prefix_titles, person.suffix_titles) == (name, prefix, suffix)


def test_the_same_person_written_with_other_titles_gets_one_id():
    a = split_titles("Drs. Suwandi, M.M.", PREFIXES, SUFFIXES)
    b = split_titles("SUWANDI", PREFIXES, SUFFIXES)
    assert person_id(a.name) == person_id(b.name) == "suwandi"


def test_a_shared_abbreviation_does_not_merge_different_people():
    # 'Moh.' may be Mohammad or Muhammad: it is never expanded, so these stay three people.
    ids = {person_id(n) for n in ["Moh. Ali Kuncoro", "Muhammad Imron", "Moh. Imron"]}
    assert ids == {"moh-ali-kuncoro", "muhammad-imron", "moh-imron"}


def test_dots_and_case_do_not_split_a_person():
    assert person_key("Moh. Ali Kuncoro") == person_key("moh ali  kuncoro")


def test_non_degree_after_comma_is_an_error():
    with pytest.raises(NormalizationError, match="only degrees after a comma"):
        split_titles("Suwandi, Kepala BKPSDM", PREFIXES, SUFFIXES)


def test_empty_name_is_an_error():
    with pytest.raises(NormalizationError, match="a person's name"):
        split_titles("  ", PREFIXES, SUFFIXES)

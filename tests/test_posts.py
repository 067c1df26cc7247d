"""Post aliases, on the strings the five articles actually write, and on the hard cases."""

import pytest

from jptp.posts import PostResolver
from jptp.problems import NormalizationError


@pytest.fixture(scope="module")
def resolver(reference):
    return reference.post_resolver()


@pytest.mark.parametrize(
    "raw, government, post, status",
    [
        ("Kepala Dinas Pendidikan dan Kebudayaan (Kadisdikbud) Kota Metro", "kota-metro", "kota-metro/disdikbud", None),
        ("Kepala Dinas Pendidikan dan Kebudayaan (Disdikbud)", "kota-metro", "kota-metro/disdikbud", None),
        ("Kadisdikbud", "kota-metro", "kota-metro/disdikbud", None),
        ("Dinas Pendidikan dan Kebudayaan", "kota-mojokerto", "kota-mojokerto/disdikbud", None),
        ("Sekertaris Daerah (Sekda) Kota Metro", "kota-metro", "kota-metro/sekda", None),  # typo
        ("Kepala Dinas Perumahan dan Pemukiman (DPKP)", "kota-metro", "kota-metro/dpkp", None),  # Pemukiman
        ("Kepala Dinas Perumahan dan Permukiman", "kota-metro", "kota-metro/dpkp", None),
        ("Walikota Metro", "kota-metro", "kota-metro/wali-kota", None),  # one word
        ("Wali Kota Metro", "kota-metro", "kota-metro/wali-kota", None),
        ("Penjabat Sekretaris Daerah (Pj Sekda)", "kota-metro", "kota-metro/sekda", "pj"),
        ("Penjabat (Pj) Wali Kota Mojokerto", "kota-mojokerto", "kota-mojokerto/wali-kota", "pj"),
        ("Plt Kepala BKPSDM", "kota-metro", "kota-metro/bkpsdm", "plt"),
        ("Asisten II Perekonomian dan Pembangunan Sekretariat Daerah Kota Metro", "kota-metro", "kota-metro/asisten-perekonomian-pembangunan", None),
        ("Asisten Perekonomian dan Pembangunan", "kota-mojokerto", "kota-mojokerto/asisten-perekonomian-pembangunan", None),
        ("Asisten I Asisten Administrasi Umum Sekretariat Daerah Kota Metro", "kota-metro", "kota-metro/asisten-administrasi-umum", None),
        ("Kepala BKD Provinsi Lampung", "provinsi-lampung", "provinsi-lampung/bkd", None),
        ("KADISKOMINFO", "kota-mojokerto", "kota-mojokerto/diskominfo", None),
    ],
)
def test_article_strings_resolve_to_one_canonical_post(resolver, raw, government, post, status):
    resolved = resolver.resolve(raw, government)
    assert (resolved.post_id, resolved.status) == (post, status)


def test_same_acronym_is_a_different_post_in_each_city(resolver):
    # BKPSDM: '... dan Sumber Daya Manusia' in Metro (003 ¶3), '... dan Pengembangan Sumber Daya Manusia' in Mojokerto (004 ¶3).
    assert resolver.resolve("BKPSDM", "kota-metro").post_id == "kota-metro/bkpsdm"
    assert resolver.resolve("BKPSDM", "kota-mojokerto").post_id == "kota-mojokerto/bkpsdm"
    with pytest.raises(NormalizationError):
        resolver.resolve("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "kota-metro")


def test_asisten_numbering_is_per_government(resolver, reference):
    # Metro's Asisten I is Administrasi Umum; the bare 'Asisten I' of 2021 is an inferred mapping.
    bare = resolver.resolve("Asisten I Pemkot Metro", "kota-metro")
    assert bare.post_id == "kota-metro/asisten-administrasi-umum" and bare.alias_inferred
    numbers = reference.posts.set_index("post_id").asisten_number
    assert numbers["kota-metro/asisten-administrasi-umum"] == "I"
    assert numbers["kota-mojokerto/asisten-perekonomian-pembangunan"] == ""
    with pytest.raises(NormalizationError):
        resolver.resolve("Asisten I", "kota-mojokerto")


def test_unknown_alias_says_where_to_add_it(resolver):
    with pytest.raises(NormalizationError, match="post_aliases.csv"):
        resolver.resolve("Kepala Dinas Pariwisata", "kota-metro")


def test_readings_in_and_out_of_brackets_must_agree(resolver):
    with pytest.raises(NormalizationError, match="agree on one post"):
        resolver.resolve("Kepala Dinas Pendidikan dan Kebudayaan (BPBD)", "kota-metro")


def test_two_statuses_in_one_post_are_an_error(resolver):
    with pytest.raises(NormalizationError, match="one acting status"):
        resolver.resolve("Plt Sekretaris Daerah (Pj Sekda)", "kota-metro")


def test_alias_table_cannot_point_one_alias_at_two_posts():
    rows = [("g", "Sekda", "g/sekda", False), ("g", "SEKDA", "g/other", False)]
    with pytest.raises(NormalizationError, match="one post per alias"):
        PostResolver(rows, {"g": ["Kota G"]}, {})

"""Every coded string can be found in the article it cites: a check against miscoding and invention.

The article texts are not part of this repository; they are read from ../shared/seeds (or JPTP_SEEDS).
"""

from __future__ import annotations

import csv

import pytest

from jptp.paths import RAW

RECORDS = list(csv.DictReader((RAW / "records.csv").open(encoding="utf-8")))
SOURCES = {row["source_id"]: row for row in csv.DictReader((RAW / "sources.csv").open(encoding="utf-8"))}
IN_PARAGRAPH = ["person_raw", "post_raw"]
IN_ARTICLE = ["government_raw", "date_raw", "status_raw", "method_raw", "previous_post_raw", "stated_duration_raw", "count_raw", "stage_raw"]


@pytest.mark.parametrize("record", RECORDS, ids=[r["record_id"] for r in RECORDS])
def test_raw_strings_are_verbatim_in_the_article(record, seeds):
    paragraphs = seeds[SOURCES[record["source_id"]]["seed_file"]]
    number = int(record["paragraph"])
    assert 1 <= number <= len(paragraphs), f"paragraph {number} of {len(paragraphs)}"
    paragraph, article = paragraphs[number - 1], "\n".join(paragraphs)
    for field in IN_PARAGRAPH:
        assert record[field] in paragraph, f"{field} {record[field]!r} not in ¶{number}"
    for field in IN_ARTICLE:
        assert record[field] in article, f"{field} {record[field]!r} not in the article"
    cited = [record[f] for f in IN_PARAGRAPH + ["stage_raw", "count_raw", "method_raw"] if record[f]]
    assert any(value in paragraph for value in cited), f"¶{number} holds none of {cited}"


def test_nothing_is_coded_from_pasted_headlines_of_other_stories(seeds):
    # 002 ¶14-24 ('Video KUPAS TV', 'Berita Lainnya') and 003 ¶9, ¶14 ('BACA JUGA') are other stories.
    pasted = {"002": set(range(14, 25)) | {7}, "003": {9, 14, 18, 19}}
    coded = {(r["source_id"], int(r["paragraph"])) for r in RECORDS}
    assert not {(s, p) for s, ps in pasted.items() for p in ps} & coded


def test_every_source_names_a_stored_article(seeds):
    assert {row["seed_file"] for row in SOURCES.values()} <= set(seeds)

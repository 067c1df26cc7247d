"""The contract of every processed table: fields, types, descriptions, keys.

One definition serves twice: the writer orders and types the columns by it, and datapackage.json
is generated from it, so the description can never drift from the file.
"""

from __future__ import annotations

F = tuple  # (name, frictionless type, description)

DATE_FIELDS = [
    F(("date_earliest", "date", "Earliest day the fact can be dated to (the date is an interval at its precision).")),
    F(("date_latest", "date", "Latest day the fact can be dated to.")),
    F(("date_precision", "string", "day, month or year: how precisely the article dates the fact.")),
]
DATE_FLAGS = [
    F(("date_relation", "string", "on: the fact held on the date; before: it held up to the date (e.g. a Plt until a definitive fill).")),
    F(("date_year_inferred", "boolean", "True when the article gave no year and it was inferred from the publication date and weekday.")),
    F(("date_from_publication", "boolean", "True when the article dates nothing and the publication date stands in.")),
]

TABLES: dict[str, dict] = {
    "sources": {
        "description": "One row per article: metadata only, never the text.",
        "primary_key": ["source_id"],
        "fields": [
            ("source_id", "string", "Article id, the prefix of its record ids."),
            ("outlet", "string", "News outlet, where the stored text names it."),
            ("title", "string", "Headline, where the stored text has it."),
            ("url", "string", "Address of the article, where known."),
            ("published", "string", "Publication date as ISO text cut to its precision ('2025' when only the year is known)."),
            ("published_earliest", "date", "Earliest possible publication day."),
            ("published_latest", "date", "Latest possible publication day."),
            ("published_precision", "string", "day, month or year."),
            ("published_inferred", "boolean", "True when the date is not printed and was inferred by the coder (see published_note)."),
            ("published_note", "string", "How the publication date, outlet or title were established."),
            ("seed_file", "string", "Name of the stored article text the coder read (kept outside this repository)."),
            ("n_records", "integer", "Number of coded records from this article."),
        ],
    },
    "governments": {
        "description": "Regional governments that appear in the records.",
        "primary_key": ["government_id"],
        "fields": [
            ("government_id", "string", "Stable id, e.g. kota-metro."),
            ("name", "string", "Official name."),
            ("kind", "string", "kota, kabupaten or provinsi."),
            ("province", "string", "Province the government lies in."),
            ("n_records", "integer", "Number of coded records about this government."),
        ],
    },
    "posts": {
        "description": "Canonical posts, one per unit head per government, from data/reference/posts.csv.",
        "primary_key": ["post_id"],
        "foreign_keys": [("government_id", "governments", "government_id")],
        "fields": [
            ("post_id", "string", "Stable id: government_id/short-slug."),
            ("government_id", "string", "Government the post belongs to."),
            ("name", "string", "Full Indonesian name of the post."),
            ("short_name", "string", "Readable short label for charts (Kadisdikbud, Asisten II Ekbang)."),
            ("unit_type", "string", "dinas, badan, asisten, staf_ahli, sekretariat or kepala_daerah."),
            ("level", "string", "jptp for JPT Pratama (eselon II) posts; kepala_daerah for mayors and regents."),
            ("asisten_number", "string", "The government's own number for an Asisten post, where known (numbering differs between governments)."),
            ("note", "string", "Evidence for the naming or numbering."),
        ],
    },
    "people": {
        "description": "One row per person, titles and degrees split off the name.",
        "primary_key": ["person_id"],
        "fields": [
            ("person_id", "string", "Stable id from the name as written, abbreviations kept ('moh-ali-kuncoro')."),
            ("name", "string", "Name without titles, as first written."),
            ("titles", "string", "Academic titles, degrees and honorifics seen with the name."),
            ("n_records", "integer", "Number of records naming the person."),
            ("first_seen", "date", "Earliest day the person appears in the records."),
            ("last_seen", "date", "Latest day the person appears in the records."),
        ],
    },
    "records": {
        "description": "Every raw record with its normalized codes, ids and dates beside the article's strings.",
        "primary_key": ["record_id"],
        "foreign_keys": [
            ("source_id", "sources", "source_id"), ("government_id", "governments", "government_id"),
            ("post_id", "posts", "post_id"), ("previous_post_id", "posts", "post_id"), ("person_id", "people", "person_id"),
        ],
        "fields": [
            ("record_id", "string", "Id of the raw record (source id, then a number)."),
            ("source_id", "string", "Article the fact comes from."),
            ("paragraph", "integer", "Paragraph of the article: its non-empty lines counted from 1, headline included."),
            ("event", "string", "What the record says happened: inaugurated, appointed, seen_in_post, reported_vacant, vacancy_count, fill_announced, selection_stage."),
            ("government_raw", "string", "Government as the article writes it."),
            ("government_id", "string", "Government id."),
            ("date_raw", "string", "Date as the article writes it ('Senin (24/11)')."),
            *DATE_FIELDS,
            *DATE_FLAGS,
            ("date_weekday_checked", "boolean", "True when the article's weekday was checked against the date."),
            ("person_raw", "string", "Person as the article writes the name."),
            ("person_id", "string", "Person id."),
            ("post_raw", "string", "Post as the article writes it."),
            ("post_id", "string", "Canonical post."),
            ("status_raw", "string", "Acting marker as written apart from the post (Plt, Pj, definitif)."),
            ("status", "string", "definitive, plt, plh, pj or vacant."),
            ("status_inferred", "boolean", "True when no status is written and the event's default was used (a named holder: definitive; a vacancy: vacant)."),
            ("method_raw", "string", "Fill method as written (Selter, lelang jabatan, open bidding, mutasi)."),
            ("method", "string", "open_selection, rotation, promotion, mutation (rotation or promotion, unsaid), demotion or designation."),
            ("previous_post_raw", "string", "Previous post as written, where the article names one."),
            ("previous_post_id", "string", "Canonical previous post."),
            ("stated_duration_raw", "string", "Duration as the article states it ('delapan bulan')."),
            ("stated_duration_days_min", "integer", "Shortest number of days the stated duration can mean."),
            ("stated_duration_days_max", "integer", "Longest number of days it can mean; empty when open-ended."),
            ("count_raw", "string", "Number of posts as written ('sekitar tujuh')."),
            ("count", "integer", "That number."),
            ("count_approximate", "boolean", "True for 'sekitar', 'beberapa' and the like."),
            ("stage_raw", "string", "Selection stage as written."),
            ("stage", "string", "Selection stage code."),
            ("inferred_fields", "string", "Fields the coder inferred rather than read, separated by ';'."),
            ("coder_inferred", "boolean", "True when the coder inferred a field or the post came from an alias marked inferred."),
            ("coder_note", "string", "The coder's reasoning and context (never the article's text)."),
        ],
    },
    "observations": {
        "description": "Sightings of a post's status: who held which post, in which status, on which date, per source.",
        "primary_key": ["observation_id"],
        "foreign_keys": [
            ("record_id", "records", "record_id"), ("source_id", "sources", "source_id"),
            ("government_id", "governments", "government_id"), ("post_id", "posts", "post_id"), ("person_id", "people", "person_id"),
        ],
        "fields": [
            ("observation_id", "string", "record_id, with '/previous' for the previous post named in an appointment."),
            ("record_id", "string", "Record the sighting comes from."),
            ("source_id", "string", "Article."),
            ("government_id", "string", "Government."),
            ("post_id", "string", "Post."),
            ("person_id", "string", "Holder, empty when unnamed or vacant."),
            ("status", "string", "definitive, plt, plh, pj or vacant."),
            ("status_inferred", "boolean", "True when the status was not written (see records.status_inferred)."),
            ("event", "string", "Event of the record; previous_post for a holder's former post."),
            *DATE_FIELDS,
            *DATE_FLAGS,
            ("derived", "boolean", "True for a sighting derived from an appointment's previous post rather than coded directly."),
        ],
    },
    "appointments": {
        "description": "Each fill of a post: date, post, person, status, stated method and previous post.",
        "primary_key": ["appointment_id"],
        "foreign_keys": [
            ("record_id", "records", "record_id"), ("source_id", "sources", "source_id"), ("post_id", "posts", "post_id"),
            ("person_id", "people", "person_id"), ("previous_post_id", "posts", "post_id"), ("government_id", "governments", "government_id"),
        ],
        "fields": [
            ("appointment_id", "string", "Same as record_id."),
            ("record_id", "string", "Record."),
            ("source_id", "string", "Article."),
            ("government_id", "string", "Government."),
            ("post_id", "string", "Post filled."),
            ("person_id", "string", "Person appointed."),
            ("status", "string", "definitive, plt, plh or pj."),
            ("event", "string", "inaugurated or appointed."),
            *DATE_FIELDS,
            ("date_year_inferred", "boolean", "True when the year was inferred."),
            ("method_stated", "string", "Method code as the article states it; empty when not stated."),
            ("method_raw", "string", "Method as written."),
            ("previous_post_id", "string", "Previous post, where the article names one."),
            ("previous_post_raw", "string", "Previous post as written."),
        ],
    },
    "fill_announcements": {
        "description": "Plans to fill posts: open selections announced, competency tests for rotation, with the posts or their number.",
        "primary_key": ["announcement_id"],
        "foreign_keys": [("record_id", "records", "record_id"), ("post_id", "posts", "post_id"), ("source_id", "sources", "source_id")],
        "fields": [
            ("announcement_id", "string", "Same as record_id."),
            ("record_id", "string", "Record."),
            ("source_id", "string", "Article."),
            ("government_id", "string", "Government."),
            ("post_id", "string", "Post to be filled; empty when the article gives only a number or nothing."),
            ("count", "integer", "Number of posts, where the article gives one."),
            ("count_approximate", "boolean", "True for 'sekitar' and the like."),
            ("method_stated", "string", "open_selection, rotation, ..."),
            ("method_raw", "string", "Method as written."),
            ("stage", "string", "The stage the announcement names, where it names one (e.g. a competency test)."),
            ("posts_named_in_source", "integer", "For an announcement given as a count: how many posts the same article names for the same method in its own rows, so they are not counted twice."),
            *DATE_FIELDS,
            ("date_relation", "string", "on or before."),
            ("post_inferred", "boolean", "True when the coder linked the post to the announcement (see the record's coder_note)."),
        ],
    },
    "vacancy_counts": {
        "description": "Numbers of empty posts that articles give without naming the posts.",
        "primary_key": ["record_id"],
        "foreign_keys": [("record_id", "records", "record_id"), ("source_id", "sources", "source_id")],
        "fields": [
            ("record_id", "string", "Record."),
            ("source_id", "string", "Article."),
            ("government_id", "string", "Government."),
            ("count", "integer", "Number of empty posts."),
            ("count_approximate", "boolean", "True for 'sekitar' and the like."),
            ("status", "string", "plt when the posts are said to be under acting officials; empty otherwise."),
            ("named_in_source", "integer", "How many posts the same article names as still vacant or acting on that date (rows with date_relation 'on'), to avoid counting them twice."),
            *DATE_FIELDS,
        ],
    },
    "selection_stages": {
        "description": "Stages of a selection as an article lists them, in the article's order.",
        "primary_key": ["record_id"],
        "foreign_keys": [("record_id", "records", "record_id"), ("source_id", "sources", "source_id")],
        "fields": [
            ("record_id", "string", "Record."),
            ("source_id", "string", "Article."),
            ("government_id", "string", "Government."),
            ("method_stated", "string", "The selection the stages belong to."),
            ("stage_order", "integer", "Position of the stage in the article's list for that selection (1 = first)."),
            ("stage", "string", "Stage code."),
            ("stage_raw", "string", "Stage as written."),
            *DATE_FIELDS,
            ("date_relation", "string", "on, or before when the stages preceded the dated event."),
        ],
    },
    "record_ledger": {
        "description": "Where every raw record went: one row per record and processed table it feeds, or set_aside.",
        "primary_key": ["record_id", "table", "row_id"],
        "foreign_keys": [("record_id", "records", "record_id")],
        "fields": [
            ("record_id", "string", "Raw record."),
            ("table", "string", "Processed table holding it, or set_aside."),
            ("row_id", "string", "Key of its row in that table."),
        ],
    },
    "set_aside": {
        "description": "Raw records kept out of the analysis tables, and why.",
        "primary_key": ["record_id"],
        "foreign_keys": [("record_id", "records", "record_id")],
        "fields": [("record_id", "string", "Raw record."), ("reason", "string", "Why it was set aside.")],
    },
}


def field_names(table: str) -> list[str]:
    return [f[0] for f in TABLES[table]["fields"]]

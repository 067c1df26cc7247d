# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 1. What the data cover
#
# Regional governments in Indonesia often leave their top posts (*Jabatan Pimpinan Tinggi Pratama*:
# heads of *dinas* and *badan*, *asisten*, *staf ahli*, the *sekretaris daerah*) empty for months, run by an
# acting official. This project codes such events, fact by fact, from news articles.
#
# **Question for this notebook:** which governments, articles and dates do the data cover, and how
# densely? Everything later rests on this: a post seen once in five years can only give a wide range.
#
# **Data:** the processed tables in `data/processed/`, rebuilt by `make data` from the hand-coded
# `data/raw/`. Change the parameters below to look at one government or period.

# %% tags=["parameters"]
government = None  # a government id such as "kota-metro", or None for all
period_start = None  # "YYYY-MM-DD", or None for no lower limit
period_end = None  # "YYYY-MM-DD", or None for no upper limit

# %%
import pandas as pd
from IPython.display import Markdown, display

from jptp import plots
from jptp.notebooks import figure_folder
from jptp.processed import for_display, read_all, select

plots.use_theme()
tables = select(read_all(), government, (period_start, period_end))
figures = figure_folder(government, period_start, period_end)
records, observations = tables["records"], tables["observations"]

# %% [markdown]
# ## The articles
#
# One row per article. Publication dates are not printed in the stored texts, so each is inferred
# (see `published_note` in `data/processed/sources.csv`); one is known only to the year.

# %%
used_sources = tables["sources"][tables["sources"].source_id.isin(records.source_id)]
used_sources[["source_id", "outlet", "title", "published", "published_inferred", "n_records"]].pipe(for_display)

# %% [markdown]
# ## Governments and records
#
# How many coded records each government has, and what kind of facts they are.

# %%
summary = (
    records.merge(tables["governments"][["government_id", "name"]], on="government_id")
    .pivot_table(index="name", columns="event", values="record_id", aggfunc="count", fill_value=0)
    .assign(total=lambda d: d.sum(axis=1))
)
summary

# %%
display(Markdown(
    f"**{len(records)} records** from **{records.source_id.nunique()} articles** about "
    f"**{records.government_id.nunique()} governments**, dated "
    f"{records.date_earliest.min():%d %B %Y} to {records.date_latest.max():%d %B %Y}."
))

# %% [markdown]
# ## Every sighting of every post
#
# Each dot is one article seeing one post on one day, coloured by status: definitive holder, acting
# official (Plt, Plh, Pj) or vacant. Hollow dots are inferred: a holder's previous post, named when
# they moved. **What to see:** how few dots there are, and how far apart. Years pass between two
# sightings of the same post, so any duration measured from them is a range, not a point.

# %%
plots.show(
    plots.sighting_timeline(observations, tables["posts"], tables["governments"], plots.provenance(records, observations.record_id)),
    "01-sighting-timeline",
    figures,
)

# %%
per_post = observations.groupby("post_id").size()
display(Markdown(
    f"{len(per_post)} posts are seen; {int((per_post == 1).sum())} of them only once. "
    f"The median post is seen {per_post.median():.0f} time(s)."
))

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
# # 3. How many posts are filled by open selection?
#
# A top post can be filled by an open, competitive selection (*Seleksi Terbuka*, *Selter*, *lelang
# jabatan*, open bidding), or without one: by rotating a serving top official (*rotasi*, *mutasi*) or by
# promoting someone from below.
#
# **Question:** of the definitive fills we see, how many went through an open selection, per
# government and year? And when a government announces a selection, does a fill follow, and when?
#
# **How fills are classed** (`fills.csv`, with the evidence for each): *open_selection* when the article
# says so; *rotation* when the appointee's previous post is another top post of the same government;
# *promotion* when it is a post below; *unknown* otherwise (for example *mutasi* with no previous post named).

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
fills, counts, records = tables["fills"], tables["fill_method_counts"], tables["records"]

# %% [markdown]
# ## Every definitive fill, with its evidence

# %%
fills[["fill_id", "government_id", "post_id", "person_id", "date_earliest", "method", "evidence"]].pipe(for_display)

# %% [markdown]
# ## Fills by method, per government and year
#
# Each bar is one government in one year; the number on each segment is a count of posts, and *n* above
# the bar is the number of fills the share rests on.

# %%
plots.show(plots.fill_methods(counts, tables["governments"], plots.provenance(records, fills.fill_id)), "03-fill-methods", figures)

# %%
by_government = fills.groupby("government_id").method.agg(n="size", open_selection=lambda m: int((m == "open_selection").sum()), unknown=lambda m: int((m == "unknown").sum()))
government_name = tables["governments"].set_index("government_id").name
display(Markdown("**What to see:** " + "; ".join(
    f"{government_name[g]}: {r.open_selection} of {r.n} fills by open selection ({r.unknown} of unknown method)" for g, r in by_government.iterrows()
) + ". With so few fills, these shares describe the articles, not the governments."))

# %% [markdown]
# ## From announcement to fill
#
# Each announced post, from the day the selection was announced to the first definitive fill seen
# afterwards. The days are a range: an earlier fill that no article reported cannot be ruled out after
# the last sighting of the post still waiting. Announcements that give only a number of posts cannot be followed.

# %%
outcomes = tables["announcement_outcomes"]
plots.show(plots.announcement_paths(outcomes, tables["posts"], plots.provenance(records, outcomes.announcement_id)), "03-announcement-paths", figures)

# %%
outcomes[["announcement_id", "post_id", "method_announced", "count_announced", "outcome", "days_to_fill_min", "days_to_fill_max"]].pipe(for_display)

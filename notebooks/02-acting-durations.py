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
# # 2. How long do posts stay under an acting official?
#
# A post without a definitive holder is run by a *Pelaksana Tugas* (Plt), a *Pelaksana Harian* (Plh) or a
# *Penjabat* (Pj), or is simply reported empty. News articles see such a post on a few scattered days.
#
# **Question:** how long did each post wait for a definitive holder, and did any wait run past the
# legal limit (a Plt: three months, renewable once)?
#
# **How to read a spell:** it was *seen* from its first to its last sighting (`days_seen`, which assumes
# nothing changed unseen in between). It *certainly* lasted `days_at_least` days: a stated duration
# ('sudah delapan bulan dijabat Plt') where an article gives one, 0 otherwise, because a sighting proves a
# status only on its own day (the synthetic check in notebook 90 shows why). It *cannot* have run longer than
# from the last sighting of another status before it to the first sighting of another status after it (the
# **at most** days). Where nothing is seen on one side,
# that side is open (censored) and there is no upper bound. The table `status_spells.csv` holds all of it.

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
spells, records = tables["status_spells"], tables["records"]
acting = spells[spells.acting.fillna(False).astype(bool)]
spell_records = acting.observation_ids.str.split(";").explode()

# %%
display(Markdown(
    f"**{len(acting)} acting or vacant spells** in {acting.post_id.nunique()} posts, resting on "
    f"{plots.provenance(records, spell_records).removeprefix('Source: ')}."
))

# %% [markdown]
# ## Every acting spell as a range
#
# Solid: from the first to the last sighting. Faded: as far as the sightings of another status allow.
# An arrow: no sighting bounds that side. The numbers on the right are the at-least and at-most days.

# %%
plots.show(
    plots.acting_ranges(spells, tables["posts"], tables["governments"], plots.provenance(records, spell_records)),
    "02-acting-ranges",
    figures,
)

# %%
bounded = acting[acting.days_at_most.notna()]
post_name = tables["posts"].set_index("post_id").name
display(Markdown(
    f"**What to see:** {int(acting.seen_once.sum())} of {len(acting)} spells rest on a single sighting "
    f"(at least 0 days); only {len(bounded)} has an upper bound"
    + (f" ({', '.join(bounded.post_id.map(post_name) + ', ' + bounded.status + ': at most ' + bounded.days_at_most.map('{:,}'.format) + ' days')})." if len(bounded) else ".")
    + " The data say these posts waited, not for how long."
))

# %% [markdown]
# ## The spells as a table
#
# With the legal clock: `past_max_limit` is *certainly* when even the at-least days exceed the limit
# (with renewals), *certainly_not* when the at-most days stay within it, and *possibly* otherwise.

# %%
columns = ["spell_id", "status", "holder_person_id", "holder_other_posts", "n_sightings", "start_earliest", "start_latest",
           "end_earliest", "end_latest", "days_seen", "days_at_least", "days_at_most", "censored_start", "censored_end", "past_max_limit"]
acting[columns].pipe(for_display)

# %% [markdown]
# ## A post's whole wait
#
# Consecutive acting spells in one post (a renewed Plt, one Plt handing over to another, a vacancy then
# a Pj) are joined into one stretch, so a renewal cannot hide how long the post waited.

# %%
stretches = tables["acting_stretches"]
stretches[["stretch_id", "statuses", "n_spells", "days_seen", "days_at_least", "days_at_most", "censored_start", "censored_end", "past_max_limit"]].pipe(for_display)

# %%
verdicts = stretches.past_max_limit.value_counts()
display(Markdown(
    "**Against the legal limit:** "
    + ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in verdicts.items())
    + f" (of {len(stretches)} stretches). A vacancy with no acting official has no limit in the reference table."
))

# %% [markdown]
# ## Survival view
#
# With enough spells, an interval-censored survival estimate (Turnbull's NPMLE, from `lifelines`) shows
# the share of spells still running after *t* days, using every spell's at-least and at-most bounds. With
# too little information the chart says so instead of drawing a misleading curve.

# %%
plots.show(plots.survival_curve(spells, source=plots.provenance(records, spell_records)), "02-acting-survival", figures)

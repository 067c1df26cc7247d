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
# # 4. Which rotation chains form?
#
# When official A leaves post X to fill post Y, X falls vacant; when B leaves Z to fill X, the vacancy
# moves on to Z; and so on, until a post is left without a definitive holder, is filled from outside the
# government's top posts, or the data end. Harrison White called these *vacancy chains* (*Chains of
# Opportunity*, 1970): the vacancy travels in the opposite direction to the people.
#
# **Question:** which chains do the articles show, how long are they, and how do they end?
#
# **Rules** (see `moves.csv`, `chains.csv`, `chain_steps.csv`): only definitive appointments are moves; an
# acting appointment (Plt, Pj) keeps the official's own post, so it vacates nothing. A previous post comes
# from the article, or from an earlier sighting of the person (flagged). Two officials swapping posts form
# a closed chain.

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
chains, steps, records = tables["chains"], tables["chain_steps"], tables["records"]

# %%
display(Markdown(
    f"**{len(tables['moves'])} moves** form **{len(chains)} chains**, "
    f"{int((chains.length_moves > 1).sum())} of them longer than one move."
))

# %% [markdown]
# ## Every chain, drawn
#
# Boxes are posts, in the order the vacancy travelled (left to right); each arrow is a person moving
# into the post on its left, with the date. The last box says how the chain ended: a red dashed box is a
# post left without a definitive holder; a grey one means the last person's previous post is not named.

# %%
plots.show(plots.chain_diagrams(chains, steps, tables["posts"], tables["people"], plots.provenance(records, steps.move_id)), "04-chain-diagrams", figures)

# %%
post_name = tables["posts"].set_index("post_id").short_name
person_name = tables["people"].set_index("person_id").name
longest = chains.sort_values(["length_moves", "chain_id"], ascending=[False, True]).head(1)
for chain in longest.itertuples():
    path = steps[steps.chain_id == chain.chain_id].sort_values("step")
    display(Markdown(
        f"**What to see:** the longest chain, {chain.chain_id}, has {chain.length_moves} move(s) on "
        f"{chain.first_date:%d %B %Y}: "
        + "; ".join(path.person_id.map(person_name) + " fills " + path.vacant_post_id.map(post_name))
        + f". It ends *{plots.END_LABELS.get(chain.end_type, chain.end_type)}*"
        + (f": {post_name[chain.end_post_id]}." if pd.notna(chain.end_post_id) else ".")
    ))

# %% [markdown]
# ## Chain lengths
#
# How many moves the chains have, coloured by how they ended. Most chains in news data are cut short by
# what the article leaves out: a previous post not named ends a chain as surely as a vacancy does.

# %%
plots.show(plots.chain_lengths(chains, plots.provenance(records, steps.move_id)), "04-chain-lengths", figures)

# %%
chains[["chain_id", "government_id", "first_date", "length_moves", "origin", "end_type", "posts_in_order"]].pipe(for_display)

"""jptp: hand-coded records of Indonesian regional top-post appointments, cleaned into tidy tables.

The package reads the way the data flows: readers -> normalizers (dates, people, posts, vocab)
-> records -> tables -> datapackage -> build. Imports only ever point backwards along that flow.
"""

__version__ = "0.1.0"

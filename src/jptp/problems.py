"""Problems found in the raw data, reported all together with file, spreadsheet row, field and fix."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one cell: where it is, what it holds and what was expected instead.

    `row` is the row number a spreadsheet shows (the header is row 1), so a coder can go straight to it.
    `severity` is 'error' (the build stops) or 'note' (read safely, with an assumption stated).
    """

    file: str
    row: int
    field: str
    value: str
    expected: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}, row {self.row}" if self.row else self.file
        return f"{self.severity.upper()} {where}, field '{self.field}': found {self.value!r}; expected {self.expected}"


class NormalizationError(ValueError):
    """Raised by a normalizer with a message saying what a valid value looks like."""


@dataclass
class ProblemLog:
    """Collects problems across a whole run so that a coder sees all of them at once."""

    problems: list[Problem] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # files that could not be read as a table at all

    def mark_unreadable(self, file: str) -> None:
        """A file whose rows cannot be checked (missing, empty, a column missing): the build stops after reading."""
        self.unreadable.add(file)

    def add(self, file: str, row: int, field_name: str, value: object, expected: str, severity: str = "error") -> None:
        self.problems.append(Problem(file, int(row), field_name, "" if value is None else str(value), expected, severity))

    @property
    def errors(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity == "error")

    @property
    def notes(self) -> list[Problem]:
        return sorted(p for p in self.problems if p.severity == "note")


class InvalidRawData(Exception):
    """The raw data break the coding rules; nothing was written. Carries every problem found.

    `problems` are the errors; `notes` say what was assumed to read the files, and are printed after
    them because an assumption (a Windows encoding, a skipped row) can explain an error.
    """

    def __init__(self, problems: list[Problem], notes: list[Problem] = ()):
        self.problems = sorted(problems)
        self.notes = sorted(notes)
        lines = [f"{len(self.problems)} problem(s) in the raw data; nothing was written:"]
        lines += [f"  {p}" for p in self.problems]
        if self.notes:
            lines.append(f"{len(self.notes)} note(s) on how the files were read:")
            lines += [f"  {p}" for p in self.notes]
        super().__init__("\n".join(lines))

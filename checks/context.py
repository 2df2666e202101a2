"""What a rule sees: the datasets of this run (built on first use) and its own options."""
from __future__ import annotations

import pandas as pd

from checks.config import Config
from checks.datasets import DATASETS, SETUP_HOOKS
from checks.ingest.reader import Corpus, by_paragraph_id
from checks.model import Location


class Context:
    def __init__(self, corpus: Corpus, config: Config, rules: dict):
        self.corpus = corpus
        self.config = config
        self._rules = rules
        self._frames: dict[str, pd.DataFrame] = {
            "articles": corpus.articles,
            "paragraphs": corpus.paragraphs,
            "accounting": corpus.accounting,
        }
        self._paragraph_index: pd.DataFrame | None = None
        self._location_columns: tuple | None = None
        self.extra_datasets: dict[str, tuple[pd.DataFrame, type | None, object]] = {}
        # Datasets that the parts of a run built and validated where they were (checks/backends/processes.py),
        # whose frames are not held here: their schema failures (rows of the whole) and their row counts.
        self.validated: dict[str, list] = {}
        self._rows_elsewhere: dict[str, int] = {}

    def dataset(self, name: str) -> pd.DataFrame:
        """The named dataset, built once per run."""
        if name not in self._frames:
            if name in self.extra_datasets:
                self._frames[name] = self.extra_datasets[name][0]
            else:
                spec = DATASETS.get(name)
                if spec is None or spec.build is None:
                    raise KeyError(f"no dataset named {name!r}")
                self._frames[name] = spec.build(self)
        return self._frames[name]

    def built(self) -> dict[str, pd.DataFrame]:
        return dict(self._frames)

    def set_dataset(self, name: str, frame: pd.DataFrame) -> None:
        """Install a dataset built elsewhere (by workers over parts of the run), instead of building it here."""
        self._frames[name] = frame

    def set_validated(self, name: str, failures: list, rows: int) -> None:
        """Record a dataset validated in the parts that built it: SCH001 reports these failures instead of
        building and validating it here."""
        self.validated[name] = failures
        self._rows_elsewhere[name] = rows

    def row_counts(self) -> dict[str, int]:
        """Rows of every dataset the run built, here or in its parts."""
        return {**self._rows_elsewhere, **{name: len(frame) for name, frame in self._frames.items()}}

    def options(self, code: str) -> dict:
        """The rule's default options, overridden by configuration."""
        merged = dict(self._rules[code].options)
        merged.update(self.config.rules.get(code, {}))
        return merged

    def paragraph(self, paragraph_id: str) -> pd.Series:
        return self._paragraphs_by_id().loc[paragraph_id]

    def locate(self, paragraph_id: str) -> Location:
        """The location of a paragraph: its file, lines, article and id.

        Read from four columns at the paragraph's position: building its whole row as a Series
        (`.loc`) mixes dtypes and cost most of the time of rules that report many findings.
        """
        ids, files, starts, ends, articles = self._locations()
        at = ids.get_loc(paragraph_id)
        if not isinstance(at, int):  # an id on several rows (a schema finding): as the row lookup does
            row = self._paragraphs_by_id().loc[paragraph_id]
            return Location(str(row["file"]), int(row["line_start"]), int(row["line_end"]),
                            str(row["article_id"]), paragraph_id)
        return Location(str(files[at]), int(starts[at]), int(ends[at]), str(articles[at]), paragraph_id)

    def locate_index(self) -> None:
        """Build what `locate` reads now (before processes are forked that all need it)."""
        self._locations()

    def _locations(self) -> tuple:
        if self._location_columns is None:
            paragraphs = self.corpus.paragraphs
            self._location_columns = (pd.Index(paragraphs["paragraph_id"].to_numpy(dtype=object)),
                                      *(paragraphs[name].to_numpy() for name in ("file", "line_start", "line_end",
                                                                                 "article_id")))
        return self._location_columns

    def _paragraphs_by_id(self) -> pd.DataFrame:
        if self._paragraph_index is None:
            self._paragraph_index = by_paragraph_id(self.corpus.paragraphs)
        return self._paragraph_index


def open_context(corpus: Corpus, config: Config, rules: dict) -> Context:
    """A Context with every setup hook applied (curated tables loaded), as every engine needs it."""
    context = Context(corpus, config, rules)
    for hook in SETUP_HOOKS:
        hook(context)
    return context

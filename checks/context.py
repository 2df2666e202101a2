"""What a rule sees: the datasets of this run (built on first use) and its own options."""
from __future__ import annotations

import pandas as pd

from checks.config import Config
from checks.datasets import DATASETS, SETUP_HOOKS
from checks.ingest.reader import Corpus
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
        self._locations: tuple | None = None
        self.extra_datasets: dict[str, tuple[pd.DataFrame, type | None, object]] = {}

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

    def options(self, code: str) -> dict:
        """The rule's default options, overridden by configuration."""
        merged = dict(self._rules[code].options)
        merged.update(self.config.rules.get(code, {}))
        return merged

    def paragraph(self, paragraph_id: str) -> pd.Series:
        return self._paragraphs_by_id().loc[paragraph_id]

    def locate(self, paragraph_id: str) -> Location:
        """The location of a paragraph: its file, lines, article and id (rules call this per hit, so no pandas)."""
        if self._locations is None:
            p = self.corpus.paragraphs
            self._locations = (dict(zip(p["paragraph_id"], range(len(p)))), p["file"].tolist(),
                               p["line_start"].tolist(), p["line_end"].tolist(), p["article_id"].tolist())
        row_of, files, starts, ends, articles = self._locations
        i = row_of[paragraph_id]
        return Location(str(files[i]), int(starts[i]), int(ends[i]), str(articles[i]), paragraph_id)

    def _paragraphs_by_id(self) -> pd.DataFrame:
        if self._paragraph_index is None:
            self._paragraph_index = self.corpus.paragraphs.set_index("paragraph_id", drop=False)
        return self._paragraph_index


def open_context(corpus: Corpus, config: Config, rules: dict) -> Context:
    """A Context with every setup hook applied (curated tables loaded), as every engine needs it."""
    context = Context(corpus, config, rules)
    for hook in SETUP_HOOKS:
        hook(context)
    return context

"""The dataset registry: what each dataset is, its schema, and how its rows map to places.

`articles`, `paragraphs` and `accounting` come straight from ingest. Other
rooms register derived datasets (mentions, claims, ...) with `@derived`; a
builder receives the Context and returns a DataFrame. Modules under
`checks.extract` are imported automatically, so adding a dataset needs no
edit here.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

import pandas as pd

from checks.model import Location
from checks.schemas import AccountingModel, ArticlesModel, ParagraphsModel

if TYPE_CHECKING:
    from checks.context import Context


def locate_by_lines(frame: pd.DataFrame, index) -> Location:
    """Rows that carry file and line columns (and maybe ids) point at those lines."""
    row = frame.loc[index]
    line_start = int(row["line_start"]) if "line_start" in row and pd.notna(row["line_start"]) else 0
    line_end = int(row["line_end"]) if "line_end" in row and pd.notna(row["line_end"]) else line_start
    return Location(
        file=str(row.get("file", "")),
        line_start=line_start,
        line_end=line_end,
        article_id=str(row.get("article_id", "") or ""),
        paragraph_id=str(row.get("paragraph_id", "") or ""),
    )


@dataclass(frozen=True)
class DatasetSpec:
    name: str
    model: type | None
    build: Callable[["Context"], pd.DataFrame] | None
    locate: Callable[[pd.DataFrame, object], Location] = locate_by_lines
    doc: str = ""
    # What a builder must see at once (a scope of checks.rules.base.SCOPES): a "paragraph" or "article"
    # dataset is the concatenation of its rows built over pieces of whole articles, so engines build it
    # where they split the run; ingest's own datasets are built per file.
    scope: str = "corpus"


DATASETS: dict[str, DatasetSpec] = {
    "articles": DatasetSpec("articles", ArticlesModel, None, doc=ArticlesModel.__doc__ or "", scope="file"),
    "paragraphs": DatasetSpec("paragraphs", ParagraphsModel, None, doc=ParagraphsModel.__doc__ or "", scope="file"),
    "accounting": DatasetSpec("accounting", AccountingModel, None, doc=AccountingModel.__doc__ or "", scope="file"),
}


# Functions called with the Context before rules run, e.g. to load configured curated tables.
SETUP_HOOKS: list[Callable[["Context"], None]] = []


def setup_hook(func: Callable[["Context"], None]):
    """Register a function that prepares the Context of every run."""
    SETUP_HOOKS.append(func)
    return func


def derived(name: str, model: type | None, *, scope: str, locate: Callable | None = None):
    """Register a builder of a derived dataset; `scope` is what the builder must see at once."""

    def register(build: Callable[["Context"], pd.DataFrame]):
        if name in DATASETS:
            raise ValueError(f"dataset {name} registered twice")
        DATASETS[name] = DatasetSpec(name, model, build, locate or locate_by_lines, (build.__doc__ or "").strip(), scope)
        return build

    return register


SPLIT_SCOPES = ("paragraph", "article")


def split_dataset(name: str) -> bool:
    """A derived dataset whose rows over pieces of whole articles, joined, are its rows over all of them."""
    spec = DATASETS.get(name)
    return spec is not None and spec.build is not None and spec.scope in SPLIT_SCOPES


def split_datasets_read(rules) -> list[str]:
    """The paragraph- and article-scope derived datasets some of the rules read (a rule over every dataset
    reads all): engines that split a run by whole articles build them in the pieces."""
    read = {rule.dataset for rule in rules}
    return sorted(name for name in DATASETS if split_dataset(name) and ("*" in read or name in read))


def load_plugins() -> None:
    """Import every module of checks.extract and checks.rules so they register themselves."""
    for package_name in ("checks.extract", "checks.rules"):
        package = importlib.import_module(package_name)
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            if not info.name.startswith("_"):
                importlib.import_module(f"{package_name}.{info.name}")

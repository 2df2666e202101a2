"""`checks derive`: write every dataset of a run as Parquet and CSV."""
from __future__ import annotations

from pathlib import Path

from checks.config import Config
from checks.context import open_context
from checks.datasets import DATASETS, load_plugins
from checks.errors import UsageError
from checks.ingest.reader import read_corpus
from checks.rules.base import RULES


def write_datasets(inputs: list[str], config: Config, out: str) -> dict[str, int]:
    """Build all datasets and write them; return rows written per dataset."""
    load_plugins()
    context = open_context(read_corpus(inputs, columns=config.input), config, RULES)
    folder = Path(out)
    written: dict[str, int] = {}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in sorted(DATASETS):
            frame = context.dataset(name)
            frame.to_parquet(folder / f"{name}.parquet", index=False)
            frame.to_csv(folder / f"{name}.csv", index=False)
            written[name] = len(frame)
    except OSError as exc:
        raise UsageError(f"{out}: cannot write datasets ({exc.strerror or exc})") from None
    return written

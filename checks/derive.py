"""`checks derive`: write every dataset of a run as Parquet and CSV."""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from checks.config import Config
from checks.context import open_context
from checks.datasets import DATASETS, load_plugins
from checks.errors import UsageError
from checks.ingest.reader import read_corpus
from checks.rules.base import RULES

_SCALARS = {str: pa.string(), float: pa.float64(), int: pa.int64(), bool: pa.bool_()}


def arrow_type(hint) -> pa.DataType:
    """The Arrow type of a dataclass field's annotation: dataclasses become structs, tuples lists, X | None nullable."""
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        return pa.struct([pa.field(f.name, arrow_type(hints[f.name])) for f in dataclasses.fields(hint)])
    if hint in _SCALARS:
        return _SCALARS[hint]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        return arrow_type(inner)
    if origin is tuple and (len(args) == 2 and args[1] is Ellipsis or len(set(args)) == 1):
        return pa.list_(arrow_type(args[0]))
    raise TypeError(f"no Arrow type for {hint!r}")


def _object_classes(column: pd.Series) -> list[type]:
    """The dataclasses a column holds, in order of first appearance; [] for a column of plain values."""
    classes = list(dict.fromkeys(type(v) for v in column if v is not None))
    return classes if classes and all(dataclasses.is_dataclass(c) for c in classes) else []


def _tag(cls: type) -> str:
    return getattr(cls, "type", "") or cls.__name__


def parquet_table(frame: pd.DataFrame) -> pa.Table:
    """The frame as an Arrow table; a column of typed objects (the claims) becomes one struct column per class,
    `<column>_<type>`, typed from the class's fields and null on rows of another class."""
    plain = [c for c in frame.columns if not _object_classes(frame[c])]
    table = pa.Table.from_pandas(frame[plain], preserve_index=False)
    for column in frame.columns:
        for cls in sorted(_object_classes(frame[column]), key=_tag):
            values = [dataclasses.asdict(v) if type(v) is cls else None for v in frame[column]]
            table = table.append_column(f"{column}_{_tag(cls)}", pa.array(values, type=arrow_type(cls)))
    return table


def csv_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame for CSV, which has no nested types: typed objects as JSON text."""
    out = frame.copy()
    for column in frame.columns:
        if _object_classes(frame[column]):
            out[column] = [json.dumps(dataclasses.asdict(v), ensure_ascii=False) if v is not None else ""
                           for v in frame[column]]
    return out


def write_datasets(inputs: list[str], config: Config, out: str) -> dict[str, int]:
    """Build all datasets and write them; return rows written per dataset."""
    load_plugins()
    context = open_context(read_corpus(inputs), config, RULES)
    folder = Path(out)
    written: dict[str, int] = {}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in sorted(DATASETS):
            frame = context.dataset(name)
            pq.write_table(parquet_table(frame), folder / f"{name}.parquet")
            csv_frame(frame).to_csv(folder / f"{name}.csv", index=False)
            written[name] = len(frame)
    except OSError as exc:
        raise UsageError(f"{out}: cannot write datasets ({exc.strerror or exc})") from None
    return written

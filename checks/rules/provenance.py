"""Provenance rules: a curated row must be supported by the text it cites.

They run over every configured table that has the provenance columns (see
checks/curated.py). A row whose source file is not among this run's inputs
cannot be checked and gives no finding. Every finding points at the table
file and the CSV line of the row, and names the cited paragraph.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import PurePosixPath

import pandas as pd

from checks import curated
from checks.ingest.normalize import normalize
from checks.ingest.reader import by_paragraph_id
from checks.model import Hit, Location
from checks.rules.base import rule
from checks.vocab.quantities import APPROX_WIDTH, QUALIFIERS, half_step, interval

try:  # the numbers room; without it the value checks have nothing to compare with
    from checks.extract.numbers import find_mentions
except ImportError:  # pragma: no cover - only in a partial checkout
    find_mentions = None

MAX_EVIDENCE_NUMBERS = 12


@dataclass(frozen=True)
class Row:
    """One table row as the rules see it, with where it is."""

    table: str
    file: str
    line: int
    metric: str
    scope: str
    period: str
    value: float | None
    value_text: str
    unit: str
    qualifier: str
    source_file: str
    paragraph_id: str
    cited_line: int | None
    quote: str

    @property
    def where(self) -> str:
        return f"{self.file} line {self.line}"

    @property
    def label(self) -> str:
        return f"{self.metric} / {self.scope} / {self.period}"

    def location(self) -> Location:
        return Location(self.file, self.line, self.line, paragraph_id=self.paragraph_id)


def _number(text: str) -> float | None:
    try:
        value = float(text.strip().replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _int(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() else None


def table_rows(ctx) -> list[Row]:
    """Rows of every provenance table, in table then line order (made once per run)."""
    cached = getattr(ctx, "_provenance_rows", None)
    if cached is not None:
        return cached
    rows = []
    for name in getattr(ctx, "provenance_tables", []):
        frame, _model, locate = ctx.extra_datasets[name]
        for index, record in frame.iterrows():
            loc = locate(frame, index)
            get = lambda column: str(record[column]).strip()  # noqa: E731
            rows.append(Row(
                name, loc.file, int(index), get("metric"), get("scope"), get("period"), _number(get("value")),
                get("value"), get("unit"), get("qualifier"), get("source_file"), get("paragraph_id"),
                _int(get("line")), str(record["quote"]),
            ))
    ctx._provenance_rows = rows
    return rows


def same_file(a: str, b: str) -> bool:
    """Two spellings of one file: the shorter path is a trailing part of the longer one."""
    pa_, pb = PurePosixPath(a.replace("\\", "/")).parts, PurePosixPath(b.replace("\\", "/")).parts
    if not pa_ or not pb:
        return False
    short, long = (pa_, pb) if len(pa_) <= len(pb) else (pb, pa_)
    return tuple(long[len(long) - len(short):]) == tuple(short)


class Sources:
    """The paragraphs of this run, looked up by id and by file."""

    def __init__(self, paragraphs: pd.DataFrame):
        self.by_id = by_paragraph_id(paragraphs)
        self.files = sorted(set(paragraphs["file"]))
        self.paragraphs = paragraphs
        self._file_of: dict[str, str | None] = {}

    def file_of(self, source_file: str) -> str | None:
        """The input file a row's source_file names, or None when it was not read."""
        if source_file not in self._file_of:
            self._file_of[source_file] = next((f for f in self.files if same_file(f, source_file)), None)
        return self._file_of[source_file]

    def find_quote(self, file: str, quote: str) -> list[tuple[str, int]]:
        """(paragraph id, line) of every paragraph of `file` holding the quote, in line order."""
        needle = normalize(quote)
        found = []
        if not needle:
            return found
        for record in self.paragraphs[self.paragraphs["file"] == file].itertuples(index=False):
            lines = quote_lines(record.text, int(record.line_start), needle)
            if lines:
                found.append((record.paragraph_id, lines[0]))
        return found


def quote_lines(text: str, line_start: int, needle: str) -> list[int]:
    """The raw lines the normalised quote may start on inside a paragraph; empty if it is not there."""
    if not needle or needle not in normalize(text):
        return []
    lines = text.split("\n")
    starts = [line_start + i for i, one in enumerate(lines) if needle in normalize(one)]
    last = max(i for i in range(len(lines)) if needle in normalize("\n".join(lines[i:])))
    return sorted(set(starts) | {line_start + last})


def _sources(ctx) -> Sources:
    cached = getattr(ctx, "_provenance_sources", None)
    if cached is None:
        cached = Sources(ctx.dataset("paragraphs"))
        ctx._provenance_sources = cached
    return cached


def checkable(ctx) -> list[tuple[Row, str]]:
    """Rows whose source file was read in this run, with that file's name as read."""
    sources = _sources(ctx)
    out = []
    for row in table_rows(ctx):
        file = sources.file_of(row.source_file) if row.source_file else None
        if file is not None:
            out.append((row, file))
    return out


@rule("PRV001", category="provenance", severity="error", scope="corpus", dataset="curated", title="Quote not in the cited paragraph")
def quote_not_in_paragraph(ctx):
    """Check that a curated row's quote occurs in the paragraph it cites.

    ## What it does
    For every row of a curated table with provenance columns whose source file
    is among the inputs, looks up `paragraph_id` and checks that `quote`
    occurs in that paragraph's text (both normalised: NFKC, whitespace). When
    the quote is elsewhere in the file, the finding says where.

    ## Why is this bad
    A quote that is not in its cited paragraph cannot be checked by anyone:
    the row was edited, the source changed, or the citation points at the
    wrong place. The value may have no support at all.

    ## Example
    The row quotes `超过7000家`, while the paragraph it cites says `超过6000家`:

    ```page
    人工智能产业发展提速

    新华社北京1月28日电 记者获悉，我国人工智能企业数量超过6000家，核心产业规模预计突破1.2万亿元。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    AI企业数量,中国,2025,7000,家,over,{file},{paragraph:2},{line:2},人工智能企业数量超过7000家
    ```

    ## Use instead
    Copy the quote exactly from the paragraph the row cites:

    ```page
    人工智能产业发展提速

    新华社北京1月28日电 记者获悉，我国人工智能企业数量超过6000家，核心产业规模预计突破1.2万亿元。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    AI企业数量,中国,2025,6000,家,over,{file},{paragraph:2},{line:2},人工智能企业数量超过6000家
    ```
    """
    sources = _sources(ctx)
    for row, file in checkable(ctx):
        needle = normalize(row.quote)
        cited = sources.by_id.loc[row.paragraph_id] if row.paragraph_id in sources.by_id.index else None
        if cited is not None and same_file(str(cited["file"]), file) and needle and needle in str(cited["norm"]):
            continue
        elsewhere = sources.find_quote(file, row.quote)
        if cited is None:
            problem = f"cites paragraph {row.paragraph_id}, which is not in {file}"
        elif not same_file(str(cited["file"]), file):
            problem = f"cites paragraph {row.paragraph_id}, which is in {cited['file']}, not {row.source_file}"
        else:
            problem = f"its quote is not in paragraph {row.paragraph_id} (line {int(cited['line_start'])})"
        hint = (f"; the quote is in paragraph {elsewhere[0][0]} at line {elsewhere[0][1]}" if elsewhere
                else "; the quote occurs nowhere in the source file")
        locations = [row.location()]
        if cited is not None:
            locations.append(ctx.locate(row.paragraph_id))
        yield Hit(
            message=f"{row.where} ({row.label}): {problem}{hint}",
            locations=locations,
            evidence={"table": row.table, "csv_line": row.line, "paragraph_id": row.paragraph_id,
                      "quote": row.quote, "found_in": [{"paragraph_id": p, "line": n} for p, n in elsewhere]},
            key=f"{row.table}|{row.label}|quote",
        )


@rule("PRV002", category="provenance", severity="error", scope="corpus", dataset="curated", title="Quote not at the cited line")
def quote_not_at_line(ctx):
    """Check that a curated row's `line` is the raw line its quote is on.

    ## What it does
    When the quote is in the cited paragraph, finds the raw file line the
    quote starts on and compares it with the row's `line`.

    ## Why is this bad
    The line is how a reviewer (and a CI annotation) finds the source. A
    wrong line sends them to other text, and usually means the row was copied
    from an older version of the file or from a neighbouring row.

    ## Example
    `line = 5` for a quote that starts on line 3:

    ```page
    人工智能产业发展提速

    新华社北京1月28日电 记者获悉，我国人工智能企业数量超过6000家。

    专家表示，产业发展前景广阔。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    AI企业数量,中国,2025,6000,家,over,{file},{paragraph:2},5,人工智能企业数量超过6000家
    ```

    ## Use instead
    `line = 3`, the line the quote starts on:

    ```page
    人工智能产业发展提速

    新华社北京1月28日电 记者获悉，我国人工智能企业数量超过6000家。

    专家表示，产业发展前景广阔。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    AI企业数量,中国,2025,6000,家,over,{file},{paragraph:2},{line:2},人工智能企业数量超过6000家
    ```
    """
    sources = _sources(ctx)
    for row, file in checkable(ctx):
        if row.paragraph_id not in sources.by_id.index:
            continue
        cited = sources.by_id.loc[row.paragraph_id]
        needle = normalize(row.quote)
        if not needle or not same_file(str(cited["file"]), file):
            continue
        possible = quote_lines(str(cited["text"]), int(cited["line_start"]), needle)
        if not possible or row.cited_line in possible:
            continue
        actual = possible[0]
        yield Hit(
            message=f"{row.where} ({row.label}): line says {row.cited_line if row.cited_line is not None else '(none)'}, "
                    f"but the quote is on line {actual} of {file}",
            locations=[row.location(), ctx.locate(row.paragraph_id)],
            evidence={"table": row.table, "csv_line": row.line, "cited_line": row.cited_line, "quote_line": actual},
            key=f"{row.table}|{row.label}|line",
        )


def _unit_agrees(unit: str, mention, quote: str) -> bool:
    """The mention's unit is the row's; a unit the finder left apart ("1590 EFLOPS") counts when it follows."""
    if unit == "":  # a bare number in the row ("1000亿") carries no noun, so any counted noun agrees
        return True
    if curated.base_unit(mention.unit) == unit:
        return True
    return not mention.unit and quote[mention.end:mention.end + 8 + len(unit)].lstrip().startswith(unit)


def _matches(row: Row, mention) -> tuple[bool, bool, bool]:
    """(value agrees, unit agrees, qualifier agrees) of one number in the quote with the row."""
    parsed = curated.split_unit(row.unit)
    if parsed is None or row.value is None or mention.value is None:
        return False, False, False
    unit, factor = parsed
    value_ok = math.isclose(row.value * factor, float(mention.value), rel_tol=1e-9)
    unit_ok = _unit_agrees(unit, mention, row.quote)
    return value_ok, unit_ok, (mention.qualifier or "") == row.qualifier


def _number_report(mentions) -> list[dict]:
    return [{"surface": m.surface, "value": m.value, "unit": m.unit, "qualifier": m.qualifier}
            for m in mentions[:MAX_EVIDENCE_NUMBERS]]


def number_checks(ctx):
    """For each checkable row: which of value, unit, qualifier the quote fails to support (first failing only)."""
    if find_mentions is None:
        return
    for row, _file in checkable(ctx):
        if row.value is None or curated.split_unit(row.unit) is None or row.qualifier not in curated.QUALIFIERS:
            continue  # a schema finding already; nothing sound to compare
        mentions = [m for m in find_mentions(row.quote) if m.value is not None]
        results = [_matches(row, m) for m in mentions]
        if not any(v for v, _, _ in results):
            yield "PRV003", row, mentions
        elif not any(v and u for v, u, _ in results):
            yield "PRV004", row, mentions
        elif not any(v and u and q for v, u, q in results):
            yield "PRV005", row, mentions


def _number_hits(ctx, code: str, what: str):
    cache = getattr(ctx, "_provenance_numbers", None)
    if cache is None:
        cache = list(number_checks(ctx))
        ctx._provenance_numbers = cache
    for found, row, mentions in cache:
        if found != code:
            continue
        stated = ", ".join(f"{m.surface}" for m in mentions[:MAX_EVIDENCE_NUMBERS]) or "no number"
        row_says = {"value": f"value {row.value_text}", "unit": f"{row.value_text} {row.unit}",
                    "qualifier": f"qualifier {row.qualifier or '(none)'}"}[what]
        yield Hit(
            message=f"{row.where} ({row.label}): {row_says} is not supported by its quote, which states {stated}",
            locations=[row.location()],
            evidence={"table": row.table, "csv_line": row.line, "value": row.value, "unit": row.unit,
                      "qualifier": row.qualifier, "quote": row.quote, "numbers_in_quote": _number_report(mentions)},
            key=f"{row.table}|{row.label}|{what}",
        )


@rule("PRV003", category="provenance", severity="error", scope="corpus", dataset="curated", title="Value not stated in the quote")
def value_not_in_quote(ctx):
    """Check that a curated row's value is a number its quote states.

    ## What it does
    Finds the numbers in the row's quote (with their magnitude: 1.2万亿 is
    1.2e12) and checks that one of them equals `value` times the magnitude of
    `unit` (1.2 with `万亿元`, or 1200000000000 with `元`).

    ## Why is this bad
    A value that its own quote does not state was mistyped, copied from
    another row, or rescaled by hand; every chart and sum built on the table
    inherits the error.

    ## Example
    `value = 1.3, unit = 万亿元` with the quote `核心产业规模预计突破1.2万亿元`:

    ```page
    人工智能产业发展提速

    新华社北京1月28日电 记者获悉，我国人工智能核心产业规模预计突破1.2万亿元。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    AI核心产业规模,中国,2025,1.3,万亿元,over,{file},{paragraph:2},{line:2},核心产业规模预计突破1.2万亿元
    ```

    ## Use instead
    `value = 1.2, unit = 万亿元`:

    ```page
    人工智能产业发展提速

    新华社北京1月28日电 记者获悉，我国人工智能核心产业规模预计突破1.2万亿元。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    AI核心产业规模,中国,2025,1.2,万亿元,over,{file},{paragraph:2},{line:2},核心产业规模预计突破1.2万亿元
    ```
    """
    yield from _number_hits(ctx, "PRV003", "value")


@rule("PRV004", category="provenance", severity="error", scope="corpus", dataset="curated", title="Unit disagrees with the quote")
def unit_disagrees(ctx):
    """Check that a curated row's unit is the unit its quote gives the value in.

    ## What it does
    When the quote states the row's value, compares the row's unit (after
    normalising the magnitude: 亿千瓦时 is 千瓦时 times 1e8) with the unit of
    that number in the text (%, 个, 家, EFLOPS, 千瓦时, ...).

    ## Why is this bad
    The same figure in another unit is another fact: 80% is not 80个, and
    4000亿千瓦时 is not 4000万千瓦时. Sums and comparisons across rows go wrong
    silently.

    ## Example
    `value = 42, unit = 家` with the quote `我国已建成万卡智算集群42个`:

    ```page
    算力建设加快

    新华社北京1月28日电 记者获悉，我国已建成万卡智算集群42个。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    万卡智算集群数量,中国,2025,42,家,,{file},{paragraph:2},{line:2},我国已建成万卡智算集群42个
    ```

    ## Use instead
    `value = 42, unit = 个`:

    ```page
    算力建设加快

    新华社北京1月28日电 记者获悉，我国已建成万卡智算集群42个。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    万卡智算集群数量,中国,2025,42,个,,{file},{paragraph:2},{line:2},我国已建成万卡智算集群42个
    ```
    """
    yield from _number_hits(ctx, "PRV004", "unit")


@rule("PRV005", category="provenance", severity="error", scope="corpus", dataset="curated", title="Qualifier disagrees with the quote")
def qualifier_disagrees(ctx):
    """Check that a curated row's qualifier is the one its quote puts on the value.

    ## What it does
    When the quote states the row's value and unit, compares the row's
    `qualifier` (`over` for 超过/突破/多, `approx` for 约/左右, `under` for
    不到, `at_least`, `at_most`, or empty for an exact figure) with the
    qualifier the text puts on that number.

    ## Why is this bad
    "超过6000家" is a lower bound, "近30%" is a value just short of 30%: kept
    as exact figures, they turn into false precision, and bounds compared as
    equals give wrong growth and wrong rankings.

    ## Example
    `value = 6000, unit = 家` with no qualifier, for the quote `人工智能企业数量超过6000家`:

    ```page
    人工智能产业发展提速

    新华社北京1月28日电 记者获悉，我国人工智能企业数量超过6000家。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    AI企业数量,中国,2025,6000,家,,{file},{paragraph:2},{line:2},人工智能企业数量超过6000家
    ```

    ## Use instead
    `qualifier = over`:

    ```page
    人工智能产业发展提速

    新华社北京1月28日电 记者获悉，我国人工智能企业数量超过6000家。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    AI企业数量,中国,2025,6000,家,over,{file},{paragraph:2},{line:2},人工智能企业数量超过6000家
    ```
    """
    yield from _number_hits(ctx, "PRV005", "qualifier")


def row_interval(row: Row, approx: float) -> tuple[float, float] | None:
    """The values a row admits: the interval its figure and qualifier allow (as the number parser reads
    text), in base units; `approx` is how far 约/about reaches."""
    parsed = curated.split_unit(row.unit)
    if parsed is None or row.value is None or row.qualifier not in QUALIFIERS:
        return None
    low, high = interval(row.value, half_step(row.value_text), row.qualifier, approx_width=approx)
    return low * parsed[1], high * parsed[1]


def stated_ratios(row: Row, approx: float) -> list[tuple[float, float]]:
    """A growth row as ratios to/from: 30% -> 1.3; 增长N倍 is read both as N times and as N+1 times."""
    bounds = row_interval(row, approx)
    if bounds is None:
        return []
    lo, hi = bounds
    if row.unit == "%":
        return [(1 + lo / 100, 1 + hi / 100)]
    return [(lo, hi), (lo + 1, hi + 1)]


@rule("PRV006", category="provenance", severity="error", scope="corpus", dataset="curated",
      title="Growth row disagrees with the levels it links", options={"approx": APPROX_WIDTH})
def growth_between_periods(ctx):
    """Check a growth row against the rows of the same metric at its two periods.

    ## What it does
    A row whose `period` is a range `FROM/TO` with unit `%` or `倍` states the
    change of its metric between FROM and TO. When the table also holds the
    metric (same scope) at FROM and at TO, the rule computes the ratio of the
    two values, with each value's qualifier as a bound and exact values
    allowed their rounding, and checks that the stated growth is possible.
    Growth rows that hold are reported as verified.

    ## Why is this bad
    Three rows that cannot all be true mean at least one was copied wrongly;
    a dashboard will show a growth rate its own levels contradict.

    ## Example
    `日均Token消耗量` of 1000亿 at 2024-01 and more than 30万亿 at 2025-06, with the change between the two
    periods kept as `30 倍`: 30万亿 / 1000亿 is at least 300.

    ```page
    Token消耗量快速增长

    新华社北京1月28日电 记者获悉，我国日均Token消耗量从2024年初的1000亿，增长到2025年6月底的突破30万亿，一年半时间增长300多倍。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    日均Token消耗量,中国,2024-01,1000,亿,,{file},{paragraph:2},{line:2},从2024年初的1000亿
    日均Token消耗量,中国,2025-06,30,万亿,over,{file},{paragraph:2},{line:2},2025年6月底的突破30万亿
    日均Token消耗量,中国,2024-01/2025-06,30,倍,,{file},{paragraph:2},{line:2},一年半时间增长300多倍
    ```

    ## Use instead
    `300 倍, over`, as the source says (增长300多倍):

    ```page
    Token消耗量快速增长

    新华社北京1月28日电 记者获悉，我国日均Token消耗量从2024年初的1000亿，增长到2025年6月底的突破30万亿，一年半时间增长300多倍。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    日均Token消耗量,中国,2024-01,1000,亿,,{file},{paragraph:2},{line:2},从2024年初的1000亿
    日均Token消耗量,中国,2025-06,30,万亿,over,{file},{paragraph:2},{line:2},2025年6月底的突破30万亿
    日均Token消耗量,中国,2024-01/2025-06,300,倍,over,{file},{paragraph:2},{line:2},一年半时间增长300多倍
    ```
    """
    approx = float(ctx.options("PRV006")["approx"])
    rows = table_rows(ctx)
    levels = {(r.table, r.metric, r.scope, r.period): r for r in rows if r.unit not in curated.RATIO_UNITS}
    for row in rows:
        bounds = curated.period_bounds(row.period)
        if row.unit not in curated.RATIO_UNITS or bounds is None or bounds[0] == bounds[1]:
            continue
        start = levels.get((row.table, row.metric, row.scope, bounds[0]))
        end = levels.get((row.table, row.metric, row.scope, bounds[1]))
        if start is None or end is None or curated.base_unit(start.unit) != curated.base_unit(end.unit):
            continue
        a, b = row_interval(start, approx), row_interval(end, approx)
        stated = stated_ratios(row, approx)
        if a is None or b is None or not stated or a[0] <= 0:
            continue
        computed = (b[0] / a[1], b[1] / a[0])
        holds = any(lo <= computed[1] and computed[0] <= hi for lo, hi in stated)
        middle = (end.value * curated.split_unit(end.unit)[1]) / (start.value * curated.split_unit(start.unit)[1])
        evidence = {"table": row.table, "csv_line": row.line, "growth": f"{row.value_text}{row.unit} {row.qualifier}".strip(),
                    "from": {"period": start.period, "value": start.value, "unit": start.unit, "csv_line": start.line},
                    "to": {"period": end.period, "value": end.value, "unit": end.unit, "csv_line": end.line},
                    "computed_ratio": round(middle, 6),
                    "computed_growth_pct": round((middle - 1) * 100, 4)}
        locations = [row.location(), start.location(), end.location()]
        key = f"{row.table}|{row.label}|growth"
        if holds:
            yield Hit(f"{row.where} ({row.label}): growth {row.value_text}{row.unit} agrees with "
                      f"{start.value_text}{start.unit} -> {end.value_text}{end.unit} (ratio {middle:.4g})",
                      locations, evidence, key=key, verified=True)
        else:
            yield Hit(f"{row.where} ({row.label}): growth {row.value_text}{row.unit} ({row.qualifier or 'exact'}) "
                      f"cannot follow from {start.value_text}{start.unit} at {start.period} (line {start.line}) and "
                      f"{end.value_text}{end.unit} at {end.period} (line {end.line}): ratio {middle:.4g}",
                      locations, evidence, key=key)


@rule("PRV007", category="provenance", severity="error", scope="corpus", dataset="curated", title="Duplicate or conflicting rows")
def duplicate_rows(ctx):
    """Check that each metric, scope and period has one row in a curated table.

    ## What it does
    Groups the rows of each table by `metric`, `scope` and `period`. Rows
    that repeat one another exactly are duplicates (a warning); rows that
    give the key different values, units or qualifiers conflict (an error).

    ## Why is this bad
    A repeated row is counted twice by every sum; two different values for
    one fact leave users to pick one at random, and usually mean one was
    copied from the wrong place.

    ## Example
    Two rows `智能算力规模 / 中国 / 2026-01`, one with 1590 EFLOPS and one with 1509 EFLOPS:

    ```page
    算力规模稳步提升

    新华社北京1月28日电 记者获悉，我国智能算力规模达到1590EFLOPS。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    智能算力规模,中国,2026-01,1590,EFLOPS,,{file},{paragraph:2},{line:2},智能算力规模达到1590EFLOPS
    智能算力规模,中国,2026-01,1509,EFLOPS,,{file},{paragraph:2},{line:2},智能算力规模达到1590EFLOPS
    ```

    ## Use instead
    One row per key; when the sources disagree, keep the one the quote supports:

    ```page
    算力规模稳步提升

    新华社北京1月28日电 记者获悉，我国智能算力规模达到1590EFLOPS。
    ```

    ```table indicators
    metric,scope,period,value,unit,qualifier,source_file,paragraph_id,line,quote
    智能算力规模,中国,2026-01,1590,EFLOPS,,{file},{paragraph:2},{line:2},智能算力规模达到1590EFLOPS
    ```
    """
    groups: dict[tuple, list[Row]] = {}
    for row in table_rows(ctx):
        groups.setdefault((row.table, row.metric, row.scope, row.period), []).append(row)
    for (table, metric, scope, period), rows in groups.items():
        if len(rows) < 2:
            continue
        facts = {(r.value, curated.split_unit(r.unit), r.qualifier) for r in rows}
        lines = [r.line for r in rows]
        conflict = len(facts) > 1
        what = "conflicting rows" if conflict else "duplicate rows"
        yield Hit(
            message=f"{rows[0].file} lines {', '.join(map(str, lines))}: {what} for {metric} / {scope} / {period}"
                    + (": " + "; ".join(f"{r.value_text} {r.unit} {r.qualifier}".strip() for r in rows) if conflict else ""),
            locations=[r.location() for r in rows],
            evidence={"table": table, "csv_lines": lines,
                      "rows": [{"value": r.value_text, "unit": r.unit, "qualifier": r.qualifier, "quote": r.quote} for r in rows]},
            key=f"{table}|{metric}|{scope}|{period}|{what}",
            severity="error" if conflict else "warning",
        )

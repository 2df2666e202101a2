"""The `claims` dataset: numeric statements recognised from mentions, ready for arithmetic.

Each row is one claim of a type: `growth` (a start value, an end value and a stated
change), `period` (a stated duration against the times of two values), `share` (parts
of one whole), `fact` (an entity's dated event), `elapsed` (time since a year) and
`count` (a stated count and the items listed beside it). Recognition is conservative:
when the wording leaves the values' roles open, no claim is made. The numbers and
their intervals go into `detail` (JSON); the rules do the arithmetic.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from checks.datasets import derived
from checks.extract.numbers import Mention, find_mentions
from checks.ingest.normalize import fold_width
from checks.vocab import ids
from checks.vocab.sentences import sentence_spans

# A "sentence" with more numbers than this is a table or a run-on dump, not prose that states claims.
MAX_SENTENCE_MENTIONS = 40
CLAIM_TYPES = ["growth", "period", "share", "fact", "elapsed", "count"]
COLUMNS = ["claim_id", "type", "article_id", "paragraph_id", "paragraph_id2", "file", "line_start", "line_end",
           "sentence", "key", "detail"]


class ClaimsModel(pa.DataFrameModel):
    """One row per recognised numeric claim; `detail` holds its numbers and intervals as JSON."""

    claim_id: Series[str] = pa.Field(unique=True, str_matches=ids.CLAIM_ID)
    type: Series[str] = pa.Field(isin=CLAIM_TYPES)
    article_id: Series[str]
    paragraph_id: Series[str] = pa.Field(str_matches=ids.PARAGRAPH_ID)
    paragraph_id2: Series[str]
    file: Series[str]
    line_start: Series[int] = pa.Field(ge=1)
    line_end: Series[int] = pa.Field(ge=1)
    sentence: Series[str] = pa.Field(str_length={"min_value": 1})
    key: Series[str]
    detail: Series[str]

    class Config:
        strict = True


# --- sentences ---------------------------------------------------------------------------------

sentences = sentence_spans


def _within(starts: list[int], s: int, e: int) -> range:
    """Indexes of the mentions starting in [s, e): a binary search, so long paragraphs stay linear."""
    return range(bisect_left(starts, s), bisect_left(starts, e))


def _iv(m: Mention) -> dict:
    return {"surface": m.surface, "value": m.value, "low": m.low, "high": m.high, "unit": m.unit,
            "kind": m.kind, "qualifier": m.qualifier}


# --- growth ------------------------------------------------------------------------------------

_UP = r"增长|增加|上涨|上升|提高|提升|攀升|扩大|增|涨|升|rose|risen|rise|rises|up|increased|increase|grew|grown|jumped|climbed|gained|surged|soared|higher"
_DOWN = r"下降|减少|下跌|降低|回落|下滑|缩小|萎缩|减|降|跌|fell|fallen|falls|fall|down|decreased|decrease|declined|decline|dropped|slumped|plunged|slipped|lower"
_VERB_BEFORE = re.compile(
    rf"(?:(?P<verb>{_UP}|{_DOWN}|翻)(?P<mid>了|到|至|为|达|到了|近|约|超|逾| by| to|)"
    rf"|(?P<noun>增幅|涨幅|增速|降幅|跌幅)(?:为|达|达到|是|约|超过|近|)|(?P<enoun>growth|rise|increase|fall|drop|decline) of)\s?(?:同比|环比)?$", re.I)
_NOUN_DOWN = ("降幅", "跌幅", "fall", "drop", "decline")
_DOWN_RE = re.compile(rf"^(?:{_DOWN})$", re.I)
_START_MARK = re.compile(r"(?:从|由|较|(?<![占对无])比(?![亚例重率较])|相比|去年同期(?:为|是)?|上年同期(?:为|是)?|from|compared with|against)"
                         r"[^，,。；;%]{0,10}$", re.I)
_START_AFTER = re.compile(r"^[^，,。；;]{0,4}(?:a year earlier|a year ago|in the previous year|in the same period last year)", re.I)
_END_MARK = re.compile(r"(?:到|至|增至|升至|降至|达到|to)\s?[^，,。；;从由\d]{0,6}$", re.I)
_DELTA_BEFORE = re.compile(rf"(?:(?P<up>{_UP}|增收|净增|多)|(?P<down>{_DOWN}|减收|少))(?:了)?\s?$|新增[^，,。；;\d]{{0,6}}$", re.I)
_ANNUAL = re.compile(r"(?:年均|平均每年|每年平均|年平均|年复合|annual(?:ly)?|a year on average|compound annual)[^，,。；;\d]{0,6}$", re.I)
_JOIN = re.compile(r"^\s?(?:至|到|~|-|–|—|and|和)\s?$")
_MAGNITUDE = re.compile(r"[万亿]|million|billion|trillion|bn", re.I)
_VALUE_KINDS = ("count", "amount")


def change_of(text: str, m: Mention) -> dict | None:
    """A change stated by m (a rate after a verb such as 增长/rose), with its reading; None if m is no change."""
    if m.kind not in ("percent", "multiple", "percentage_points") or m.unit == "" or m.low != m.low:
        return None
    before = fold_width(text[max(0, m.start - 10):m.start])
    v = _VERB_BEFORE.search(before)
    if v is None:
        if m.surface.lower().endswith(("doubled", "tripled", "trebled", "quadrupled", "halved")):
            return {"reading": "to", "sign": 1}
        return None
    noun = v.group("noun") or v.group("enoun")
    if noun:
        if m.kind != "percent":
            return None
        return {"reading": "rate", "sign": -1 if noun.lower() in _NOUN_DOWN else 1}
    verb, mid = v.group("verb"), v.group("mid").strip().lower()
    sign = -1 if _DOWN_RE.match(verb) else 1
    if m.kind == "percent" and mid in ("到", "至", "为", "达", "到了", "to"):
        return None  # 提升到25.9%: a level, not a change
    if m.kind == "multiple":
        if verb == "翻" or m.unit == "番":
            return {"reading": "fan", "sign": 1} if m.unit == "番" else None
        if mid in ("到", "至", "为", "达", "到了", "to") or m.unit == "x" and re.search(r"times|fold", m.surface):
            return {"reading": "to", "sign": sign}
        if mid == "了" or mid == "by":
            return {"reading": "by", "sign": sign}
        return {"reading": "either", "sign": sign}
    return {"reading": "rate", "sign": sign}


def _time_of(text: str, ms: list[Mention], i: int, floor: int) -> Mention | None:
    """The nearest date or year stated before value i and after the previous value (its time).

    A date right after 比/较 (比2019年增长) is the comparison's time, not this value's.
    """
    for j in range(i - 1, -1, -1):
        if ms[j].start < floor:
            return None
        if ms[j].kind in ("date", "year") and ms[j].low == ms[j].low:
            if text[max(0, ms[j].start - 1):ms[j].start] in ("比", "较"):
                return None
            return ms[j]
    return None


def _role(text: str, m: Mention, sent_start: int) -> str:
    before = fold_width(text[max(sent_start, m.start - 14):m.start])
    after = fold_width(text[m.end:m.end + 40])
    if _END_MARK.search(before):  # the nearer marker wins: 从100亿元增长到150亿元
        return "end"
    if _START_MARK.search(before) or _START_AFTER.search(after):
        return "start"
    return ""


def _delta_sign(text: str, m: Mention, sent_start: int) -> int:
    """+1 / -1 for 增加34.3亿元 / 减少5亿元 (an amount of change, not a level); 0 for a level."""
    found = _DELTA_BEFORE.search(fold_width(text[max(sent_start, m.start - 10):m.start]))
    if found is None:
        return 0
    return -1 if found.group("down") else 1


def growth_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[dict]:
    out = []
    starts = [m.start for m in ms]
    for si, (s, e) in enumerate(spans):
        in_sent = list(_within(starts, s, e))
        if len(in_sent) > MAX_SENTENCE_MENTIONS:
            continue
        changes = [(i, change_of(text, ms[i])) for i in in_sent]
        changes = [(i, c) for i, c in changes if c is not None]
        if len(changes) != 1:
            continue  # several rates in one sentence: which values each belongs to is not clear
        ci, change = changes[0]
        c = ms[ci]
        cands = _candidates(text, ms, in_sent, c, s)
        floor, cross = s, False
        annual = bool(_ANNUAL.search(fold_width(text[max(s, c.start - 12):c.start])))
        duration = _duration_before(ms, ci, s)
        if not cands and si > 0 and duration is not None and not _any_value(ms, in_sent, c):
            # "…1000亿…30万亿。一年半时间增长300多倍": the values, with their times, precede
            ps, pe = spans[si - 1]
            prev = list(_within(starts, ps, pe))
            if any(change_of(text, ms[i]) for i in prev):
                continue
            cands, floor, cross = _candidates(text, ms, prev, c, ps), ps, True
        signs = {i: _delta_sign(text, ms[i], floor) for i in cands}
        levels = [i for i in cands if not signs[i]]
        deltas = [i for i in cands if signs[i]]
        if len(cands) == 2 and len(levels) == 1 and not cross and not annual and levels[0] < deltas[0] < ci \
                and signs[deltas[0]] == change["sign"] and c.start - ms[deltas[0]].end <= 12:
            out.append(_delta_claim(ms, levels[0], deltas[0], c, change, (s, e)))
            continue
        if len(cands) != 2 or len(levels) != 2:
            continue
        a, b = levels
        ta, tb = _time_of(text, ms, a, floor), _time_of(text, ms, b, ms[a].end)
        ra, rb = _role(text, ms[a], floor), _role(text, ms[b], floor)
        if ta is not None and tb is not None and ta.high <= tb.low:
            order, how = (a, b), "by their times"
        elif ta is not None and tb is not None and tb.high <= ta.low:
            order, how = (b, a), "by their times"
        elif cross:
            continue  # across sentences only values with their own times are trusted
        elif ra == "start" and rb == "end":
            order, how = (a, b), "by from/to wording"
        elif rb == "start" and ra in ("", "end"):
            order, how = (b, a), "by than/from wording, the end value stated first"
        else:
            continue
        if annual and (ta is None or tb is None):
            continue  # an annual average needs the number of years
        first, last = order
        t_first, t_last = (ta, tb) if first == a else (tb, ta)
        detail = {"start": _iv(ms[first]), "end": _iv(ms[last]), "change": _iv(c),
                  "reading": "annual" if annual else change["reading"],
                  "sign": change["sign"], "order": how, "delta": None,
                  "start_time": _iv(t_first) if t_first else None, "end_time": _iv(t_last) if t_last else None}
        out.append({"type": "growth", "span": (min(ms[first].start, c.start), max(ms[last].end, c.end)),
                    "sentence": (floor, e), "detail": detail, "key": f"{c.surface}|{ms[first].surface}|{ms[last].surface}"})
        if duration is not None and t_first is not None and t_last is not None:
            out.append({"type": "period", "span": (t_first.start, c.end), "sentence": (floor, e),
                        "detail": {"duration": _iv(duration), "start_time": _iv(t_first), "end_time": _iv(t_last)},
                        "key": f"{duration.surface}|{t_first.surface}|{t_last.surface}"})
    return out


def _any_value(ms: list[Mention], idx: list[int], change: Mention) -> bool:
    return any(ms[i] is not change and ms[i].kind in ("count", "amount", "percent") for i in idx)


def _delta_claim(ms: list[Mention], li: int, di: int, c: Mention, change: dict, sent: tuple[int, int]) -> dict:
    """B，比上年增加D，增长r: the start is B - D over both intervals."""
    level, delta = ms[li], ms[di]
    sign = change["sign"]
    if sign > 0:
        low, high = level.low - delta.high, level.high - delta.low
    else:
        low, high = level.low + delta.low, level.high + delta.high
    start = {"surface": f"{level.surface} {'-' if sign > 0 else '+'} {delta.surface}",
             "value": level.value - sign * delta.value, "low": low, "high": high, "unit": level.unit,
             "kind": level.kind, "qualifier": ""}
    detail = {"start": start, "end": _iv(level), "change": _iv(c), "reading": change["reading"], "sign": sign,
              "order": "end value and the change amount", "delta": _iv(delta), "start_time": None, "end_time": None}
    return {"type": "growth", "span": (level.start, max(delta.end, c.end)), "sentence": sent, "detail": detail,
            "key": f"{c.surface}|{level.surface}|{delta.surface}"}


def _candidates(text: str, ms: list[Mention], idx: list[int], change: Mention, floor: int) -> list[int]:
    """Values of one unit that a change can relate: exactly two, or none (the claim stays open)."""
    wanted = ("percent",) if change.kind == "percentage_points" else _VALUE_KINDS
    cands = [i for i in idx if ms[i] is not change and ms[i].kind in wanted and ms[i].value == ms[i].value
             and ms[i].low > 0 and (ms[i].unit or _MAGNITUDE.search(ms[i].surface))
             and not (change.kind == "percentage_points" and ms[i].qualifier)]
    cands = [i for i in cands if not (i > 0 and _conversion(text, ms[i - 1], ms[i]))]
    if len(cands) != 2 or len({ms[i].unit for i in cands}) != 1:
        return []
    a, b = cands
    if _JOIN.match(fold_width(text[ms[a].end:ms[b].start])):
        return []  # 5.2亿元至5.9亿元: one range, not two values
    return cands


def _conversion(text: str, prev: Mention, m: Mention) -> bool:
    """A$720 million ($563 million): the bracketed value restates the one before it."""
    return text[prev.end:m.start].strip() in ("(", "（")


def _duration_before(ms: list[Mention], ci: int, floor: int) -> Mention | None:
    """A duration stated just before the change ("一年半时间增长"), in the same sentence."""
    for j in range(ci - 1, -1, -1):
        if ms[j].start < floor or ms[ci].start - ms[j].end > 6:
            return None
        if ms[j].kind == "duration":
            return ms[j]
    return None


# --- shares ------------------------------------------------------------------------------------

_CLAUSE = re.compile(r"[，,；;、]")
_SHARE_AFTER = re.compile(r"^(?:[的]?)(?:来自|用于|应用于|聚集在|聚集于|集中在|集中于|分布在|分布于|流向|投向|投入|来源于|"
                          r"come from|came from|comes from|went to|go to|goes to|were spent on|was spent on)")
_REST = re.compile(r"其余|其他|剩余|剩下|the rest|remaining|remainder", re.I)


def share_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[dict]:
    out = []
    starts = [m.start for m in ms]
    for s, e in spans:
        if len(_within(starts, s, e)) > MAX_SENTENCE_MENTIONS:
            continue
        parts = [ms[i] for i in _within(starts, s, e) if ms[i].kind == "percent" and change_of(text, ms[i]) is None]
        shares = []
        for m in parts:
            after = fold_width(text[m.end:m.end + 12]).lstrip()
            if _SHARE_AFTER.match(after):
                clause_start = max([s] + [x.end() + s for x in _CLAUSE.finditer(text[s:m.start])])
                shares.append({**_iv(m), "rest": bool(_REST.search(text[clause_start:m.start]))})
        if len(shares) < 2:
            continue
        first = [m for m in parts if m.surface == shares[0]["surface"]][0]
        last = [m for m in parts if m.surface == shares[-1]["surface"]][-1]
        out.append({"type": "share", "span": (first.start, last.end), "sentence": (s, e),
                    "detail": {"parts": shares}, "key": "|".join(p["surface"] for p in shares)})
    return out


# --- facts, elapsed time, counts ----------------------------------------------------------------

_EVENT = re.compile(r"^(?:出生|诞生|成立|建成|开通|去世|逝世|创立|创办|落成|开业|上市|首播|开馆)")
_NAMES = re.compile(r"(?:“[^“”]{1,12}”[、和与及]?){1,8}")
_NAME = re.compile(r"“([^“”]{1,12})”")
_NAMES_BEFORE = re.compile(r"((?:“[^“”]{1,12}”[、和与及]?){1,8})[^“”，。；]{0,6}?于?$")
_NAMES_AFTER = re.compile(r"^的[^“”，。；]{0,8}?((?:“[^“”]{1,12}”[、和与及]?){1,8})")


def fact_claims(text: str, ms: list[Mention]) -> list[dict]:
    """Dated events of named things: “晓晓”“蕾蕾”于2016年6月出生 / 2021年6月出生的“晓晓”“蕾蕾”."""
    out = []
    for m in ms:
        if m.kind not in ("date", "year") or m.low != m.low:
            continue
        event = _EVENT.match(text[m.end:m.end + 4])
        if event is None:
            continue
        after = text[event.end() + m.end:event.end() + m.end + 40]
        names_m = _NAMES_AFTER.match(after)
        if names_m is None:
            names_m = _NAMES_BEFORE.search(text[max(0, m.start - 80):m.start])
        if names_m is None:
            continue
        for name in _NAME.findall(names_m.group(1)):
            out.append({"type": "fact", "span": (m.start, m.end + event.end()), "sentence": None,
                        "detail": {"entity": name, "event": event.group(0), "date": _iv(m)},
                        "key": f"{name}|{event.group(0)}|{m.surface}"})
    return out


_SINCE = re.compile(r"(?:自|从|since)\s?$", re.I)
_ELAPSED_BEFORE = re.compile(r"(?:走过了?|已有|已经|历经|经过|走过|迎来|for|past)\s?$", re.I)
_SINCE_TAIL = re.compile(r"以来|至今|since|ago", re.I)


def elapsed_claims(text: str, spans: list[tuple[int, int]], ms: list[Mention]) -> list[dict]:
    """自1956年…以来，…已走过70年: a year and the years stated as elapsed since it."""
    out = []
    starts = [m.start for m in ms]
    for s, e in spans:
        if len(_within(starts, s, e)) > MAX_SENTENCE_MENTIONS:
            continue
        sent = [ms[i] for i in _within(starts, s, e)]
        years = [m for m in sent if m.kind == "year" and _SINCE.search(fold_width(text[max(s, m.start - 6):m.start]))]
        spans_ = [m for m in sent if m.kind == "duration" and m.unit == "year"
                  and (_ELAPSED_BEFORE.search(fold_width(text[max(s, m.start - 6):m.start]))
                       or text[m.end:m.end + 2] == "周年")]
        if len(years) != 1 or len(spans_) != 1 or not _SINCE_TAIL.search(text[s:e]):
            continue
        y, d = years[0], spans_[0]
        if d.start < y.end:
            continue
        out.append({"type": "elapsed", "span": (y.start, d.end), "sentence": (s, e),
                    "detail": {"since": _iv(y), "elapsed": _iv(d)}, "key": f"{y.surface}|{d.surface}"})
    return out


_ENUM_AFTER = re.compile(r"^[，,]?(?:分别为|分别是|分别是：|包括|即|：|:)")


def count_claims(text: str, ms: list[Mention]) -> list[dict]:
    """A count followed by the items it counts: 2胎3崽，分别为…“香香”…“晓晓”“蕾蕾”."""
    out = []
    for i, m in enumerate(ms):
        if m.kind != "count" or m.unit == "" or m.qualifier or m.low != m.low or m.value > 100 \
                or _MAGNITUDE.search(m.surface):
            continue  # only small plain counts are enumerated item by item
        marker = _ENUM_AFTER.match(text[m.end:m.end + 6])
        if marker is None:
            continue
        stop = re.search(r"[。；;]", text[m.end:m.end + 400])
        body = text[m.end + marker.end(): m.end + (stop.start() if stop else 400)]
        names = _NAME.findall(body)
        if len(names) < 1:
            continue
        detail = {"count": _iv(m), "items": names}
        groups = None
        if i > 0 and ms[i - 1].end == m.start and ms[i - 1].kind == "count" and not ms[i - 1].qualifier:
            dated = [x for x in find_mentions(body) if x.kind in ("date", "year")]
            if dated and _EVENT.match(body[dated[0].end:dated[0].end + 4]):
                groups = {"count": _iv(ms[i - 1]), "groups": [x.surface for x in dated]}
        detail["groups"] = groups
        out.append({"type": "count", "span": (ms[i - 1].start if groups else m.start, m.end + marker.end() + len(body)),
                    "sentence": None, "detail": detail, "key": f"{m.surface}|{'、'.join(names)}"})
    return out


# --- the dataset -------------------------------------------------------------------------------

@dataclass
class _Para:
    paragraph_id: str
    article_id: str
    file: str
    line_start: int
    line_end: int
    text: str


def paragraph_claims(text: str, ms: list[Mention] | None = None) -> list[dict]:
    """All claims recognised inside one paragraph's text (its mentions may be given, already found)."""
    ms = find_mentions(text) if ms is None else ms
    if not ms:
        return []
    spans = sentences(text)
    return (growth_claims(text, spans, ms) + share_claims(text, spans, ms) + fact_claims(text, ms)
            + elapsed_claims(text, spans, ms) + count_claims(text, ms))


def claim_rows(paragraphs: pd.DataFrame, mentions: dict[str, list[Mention]] | None = None) -> list[dict]:
    rows = []
    for p in paragraphs.itertuples(index=False):
        if p.kind not in ("body", "caption", "title", "heading", "subheading"):
            continue
        given = None if mentions is None else mentions.get(p.paragraph_id, [])
        if given is not None and not given:
            continue
        for c in paragraph_claims(p.text, given):
            sent = c["sentence"] or c["span"]
            sentence = p.text[sent[0]:sent[1]].strip() or p.text
            rows.append({"claim_id": ids.claim_id(p.paragraph_id, c["type"], c["key"]), "type": c["type"], "article_id": p.article_id,
                         "paragraph_id": p.paragraph_id, "paragraph_id2": "", "file": p.file,
                         "line_start": int(p.line_start), "line_end": int(p.line_end), "sentence": sentence,
                         "key": c["key"], "detail": json.dumps(c["detail"], ensure_ascii=False, sort_keys=True)})
    unique = {}
    for row in rows:
        unique.setdefault(row["claim_id"], row)
    return list(unique.values())


def mentions_by_paragraph(frame: pd.DataFrame) -> dict[str, list[Mention]]:
    """The mentions dataset back as Mention lists per paragraph, so text is parsed once per run."""
    out: dict[str, list[Mention]] = {}
    columns = [frame[c].tolist() for c in ("paragraph_id", "start", "end", "surface", "value", "low", "high",
                                            "unit", "kind", "qualifier")]
    for pid, *fields in zip(*columns):
        out.setdefault(pid, []).append(Mention(*fields))
    return out


@derived("claims", ClaimsModel, scope="paragraph")
def build(ctx) -> pd.DataFrame:
    """Numeric claims recognised in paragraphs: growth, period, share, fact, elapsed, count."""
    frame = pd.DataFrame(claim_rows(ctx.dataset("paragraphs"), mentions_by_paragraph(ctx.dataset("mentions"))),
                         columns=COLUMNS)
    return frame.astype({"line_start": "int64", "line_end": "int64",
                         **{c: "object" for c in COLUMNS if c not in ("line_start", "line_end")}})


def claims_of(ctx, claim_type: str) -> list[tuple[pd.Series, dict]]:
    """The claims of one type, each with its decoded detail, in dataset order."""
    frame = ctx.dataset("claims")
    picked = frame[frame["type"] == claim_type]
    return [(row, json.loads(row["detail"])) for _, row in picked.iterrows()]


def plain(value):
    """Evidence without infinities or float noise: JSON readers elsewhere reject Infinity."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return float(f"{value:.6g}")
    return value


def show(lo: float, hi: float) -> str:
    """An interval for a message: [a, b], with b = ∞ when open above."""
    hi_text = "∞" if hi == float("inf") else f"{hi:.4g}"
    return f"[{lo:.4g}, {hi_text}]"

"""`checks bench claims`: the claim recogniser and its rules scored against claims labelled by reading
(tests/data/claims_labelled, format in its README) and against claims the defect generator plants.

Every labelled document is run through the real engine at once (GRW, SHR, TIM, CNT, CON), and each
recognised claim is placed back into its document by offsets. A label is *recognised* when a claim of its
type states the same numbers at the same places (for facts: the same entity, event and date), *verified*
when its rule found the claim to hold. Labels are split into a dev and a test half by a hash of their
document id: misses are read in the dev half only, and both halves are reported.
"""
from __future__ import annotations

import hashlib
import json
import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click

from checks.bench import bench
from checks.errors import UsageError

FAMILIES = ["GRW", "SHR", "TIM", "CNT", "CON"]
CHECK_OF_TYPE = {"growth": "GRW001", "share": "SHR001", "elapsed": "TIM001", "period": "TIM001", "count": "CNT001"}
LABELLED_TYPES = ("growth", "share", "fact", "elapsed", "count")
# Event words as facts state them, by the event names labels use.
EVENTS = {"born": ("出生", "诞生", "born"), "died": ("去世", "逝世", "died"),
          "founded": ("成立", "创立", "创办", "始建", "创建", "组建", "founded", "set up", "established"),
          "opened": ("开业", "开馆", "开通", "开园", "opened"), "listed": ("上市", "listed", "floated"),
          "took_office": ("就任", "上任", "took office", "appointed"), "left_office": ("离任", "卸任", "left office"),
          "completed": ("建成", "落成", "竣工", "completed"), "launched": ("首播", "发射", "推出", "launched")}
EVENT_NAME = {word: name for name, words in EVENTS.items() for word in words} | {name: name for name in EVENTS}


def half_of(doc: str) -> str:
    """The half a document's labels belong to: fixed by a hash of its id, so the split never moves."""
    return "dev" if hashlib.sha1(doc.encode("utf-8")).digest()[0] % 2 == 0 else "test"


@dataclass
class Doc:
    id: str
    lang: str
    body: str
    origin: str  # natural or written
    date: str = ""
    title: str = ""


@dataclass
class Found:
    """A recognised claim placed in its document: its type, offsets of its numbers, the rule's outcome."""

    doc: str
    type: str
    claim: object
    offset: int  # of its paragraph in the document
    outcome: str  # verified, error, warning, or "" when the rule drew no conclusion
    message: str = ""

    def at(self, q) -> tuple[int, int]:
        return self.offset + q.start, self.offset + q.end


@dataclass
class Score:
    labelled: int = 0
    holds: int = 0
    recognised: int = 0
    verified: int = 0
    errors_on_holds: int = 0
    warnings_on_holds: int = 0
    real_errors: int = 0
    caught: int = 0
    unlabelled: int = 0
    unlabelled_flagged: int = 0
    misses: list = field(default_factory=list)


# --- labels and documents ------------------------------------------------------------------------

def load_labels(folder: Path) -> tuple[list[dict], dict[str, frozenset]]:
    """Every label, and the documents read in full (coverage), each with the claim types it was read for (a
    coverage record's `types`, every labelled type when it names none)."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: no labelled claims here (give --labels)")
    labels, covered = [], {}
    for path in sorted(folder.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path}:{n}: not JSON ({exc.msg})") from None
            if path.name.startswith("coverage_"):
                covered[record["doc"]] = covered.get(record["doc"], frozenset()) | frozenset(
                    record.get("types", LABELLED_TYPES))
            else:
                labels.append(record)
    return labels, covered


def written_without_labels(folder: Path) -> list[dict]:
    """Coverage records of written paragraphs that carry their own text: paragraphs with no share group in them
    (look-alikes only), which no label could carry."""
    return [record for path in sorted(folder.glob("coverage_*.jsonl"))
            for record in map(json.loads, filter(str.strip, path.read_text(encoding="utf-8").splitlines()))
            if record.get("source") == "written" and "text" in record]


def documents(labels: list[dict], covered: dict[str, frozenset], corpus: Path, seed: Path,
              unlabelled: list[dict] = ()) -> dict[str, Doc]:
    """The text of every labelled or covered document: corpus articles, the bundled page, written paragraphs
    (`unlabelled`: written paragraphs covered but with nothing to label)."""
    own = {record["doc"] for record in unlabelled}
    wanted = {lb["doc"] for lb in labels if lb["source"] == "corpus"} | {d for d in covered if d != "seed"} - own
    records = {}
    if wanted:
        if not corpus.is_file():
            raise UsageError(f"{corpus}: the shared news corpus is needed for its labels (give --corpus)")
        for line in corpus.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            records[record["id"]] = record
    docs = {d: Doc(d, records[d].get("lang", ""), records[d]["body"], "natural", records[d].get("date", ""),
                   records[d].get("title", "")) for d in sorted(wanted) if d in records}
    if any(lb["source"] == "seed" for lb in labels) or "seed" in covered:
        docs["seed"] = Doc("seed", "zh", seed.read_text(encoding="utf-8-sig"), "natural", "2026-01-28")
    for lb in labels:
        if lb["source"] == "written" and lb["doc"] not in docs:
            base = records.get(lb.get("based_on", ""), {})
            docs[lb["doc"]] = Doc(lb["doc"], lb["lang"], lb["text"], "written", base.get("date", ""))
    for record in unlabelled:
        docs[record["doc"]] = Doc(record["doc"], record["lang"], record["text"], "written", "")
    return docs


def label_problems(labels: list[dict], docs: dict[str, Doc]) -> list[str]:
    """Labels whose values' surfaces are not the text at their offsets (reported, then left out)."""
    problems = []
    for lb in labels:
        doc = docs.get(lb["doc"])
        if doc is None:
            problems.append(f"{lb['id']}: document {lb['doc']} not found")
            continue
        for value in _values(lb):
            if doc.body[value["start"]:value["end"]] != value["surface"]:
                problems.append(f"{lb['id']}: {value['surface']!r} is not at {value['start']}..{value['end']}")
                break
    return problems


def _values(lb: dict) -> list[dict]:
    keys = {"growth": ("start_value", "end_value", "change", "delta"), "share": (), "fact": ("date",),
            "elapsed": ("since", "elapsed"), "count": ("count",)}[lb["type"]]
    values = [lb[k] for k in keys if lb.get(k)]
    return values + list(lb.get("parts", []))


# --- running the engine over the documents ---------------------------------------------------------

def run_documents(docs: dict[str, Doc], seed: Path) -> list[Found]:
    """Run the claim rules over all documents at once; each claim with its place and the rule's outcome."""
    from checks.config import Config
    from checks.engine import execute
    from checks.vocab import ids

    with tempfile.TemporaryDirectory() as tmp:
        inputs = []
        jsonl = [d for d in docs.values() if d.id != "seed"]
        if jsonl:
            path = Path(tmp) / "labelled.jsonl"
            path.write_text("".join(json.dumps({"id": d.id, "title": d.title, "body": d.body, "date": d.date},
                                               ensure_ascii=False) + "\n" for d in jsonl), encoding="utf-8")
            inputs.append(str(path))
        if "seed" in docs:
            inputs.append(str(seed))
        result = execute(inputs, Config(select=FAMILIES, data_docs=False))
    context = result.context
    outcome = {f.id: (f.severity, f.message) for f in result.findings}
    outcome |= {f.id: ("verified", f.message) for f in result.verified}
    fact_outcome = _fact_outcomes(result)
    offsets = _paragraph_offsets(context, docs, seed)
    found = []
    for row in context.dataset("claims").itertuples(index=False):
        place = offsets.get(row.paragraph_id)
        if place is None:
            continue  # a title: labels point into bodies
        doc, offset = place
        if row.type == "fact":
            severity, message = fact_outcome.get((row.paragraph_id, row.claim.entity, row.claim.event), ("", ""))
        else:
            severity, message = outcome.get(ids.finding_id(CHECK_OF_TYPE[row.type], [row.paragraph_id], row.key),
                                            ("", ""))
        found.append(Found(doc, row.type, row.claim, offset, severity, message))
    return found


def _fact_outcomes(result) -> dict:
    """(paragraph, entity, event) -> the CON001 outcome naming it."""
    out = {}
    for status, findings in (("verified", result.verified), (None, result.findings)):
        for f in findings:
            if f.check != "CON001":
                continue
            for loc in f.locations:
                out[(loc.paragraph_id, f.evidence.get("entity"), f.evidence.get("event"))] = (status or f.severity,
                                                                                             f.message)
    return out


def _paragraph_offsets(context, docs: dict[str, Doc], seed: Path) -> dict[str, tuple[str, int]]:
    """paragraph id -> (document, offset of the paragraph's text in the document's body)."""
    articles = context.dataset("articles")
    source = dict(zip(articles["article_id"], articles["source_id"]))
    seed_file = str(seed)
    cursors: dict[str, int] = defaultdict(int)
    out = {}
    paragraphs = context.dataset("paragraphs")
    for p in paragraphs.itertuples(index=False):
        if p.kind == "title" and p.file != seed_file:
            continue
        doc = "seed" if p.file == seed_file else source.get(p.article_id, "")
        if doc not in docs:
            continue
        at = docs[doc].body.find(p.text, cursors[doc])
        if at < 0:
            continue
        cursors[doc] = at + len(p.text)
        out[p.paragraph_id] = (doc, at)
    return out


# --- matching claims to labels ---------------------------------------------------------------------

def _overlap(a: tuple[int, int], value: dict | None) -> bool:
    return value is not None and a[0] < value["end"] and value["start"] < a[1]


def recognises(f: Found, lb: dict) -> bool:
    """Whether the claim states the label's numbers at the label's places (facts: entity, event, date)."""
    c = f.claim
    if lb["type"] == "growth":
        if not _overlap(f.at(c.change), lb["change"]):
            return False
        if lb.get("delta"):
            # a change amount with either value it changes (B and D, or A and D) states the claim whole
            if c.delta is None or not _overlap(f.at(c.delta), lb["delta"]):
                return False
            computed = c.end.surface.endswith((f" - {c.delta.surface}", f" + {c.delta.surface}"))
            stated = c.start if computed else c.end  # the value the text states, not the one computed from it
            return any(_overlap(f.at(stated), lb.get(k)) for k in ("end_value", "start_value"))
        return c.delta is None and _overlap(f.at(c.end), lb.get("end_value")) \
            and _overlap(f.at(c.start), lb.get("start_value"))
    if lb["type"] == "share":
        parts = [f.at(p.share) for p in c.parts]
        # a rest named without a figure (and the rest from C) is a part of the label, the claim's rest_unstated
        stated = [v for v in lb["parts"] if any(ch.isdigit() for ch in v["surface"]) or not c.rest_unstated
                  or v["value"] and not re.search(r"rest|remain|其余|其他|剩", v["surface"], re.I)]
        return len(parts) == len(stated) and all(any(_overlap(p, v) for p in parts) for v in stated)
    if lb["type"] == "elapsed":
        return _overlap(f.at(c.since), lb["since"]) and _overlap(f.at(c.elapsed), lb["elapsed"])
    if lb["type"] == "count":
        return _overlap(f.at(c.count), lb["count"]) and len(c.items) == len(lb["items"])
    if lb["type"] == "fact":
        return (_same_name(c.entity, lb["entity"]) and EVENT_NAME.get(c.event.lower()) == lb["event"]
                and _same_date(c.date, lb["date"]))
    return False


def _same_name(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return "".join(ch for ch in s.casefold() if ch.isalnum())
    return norm(a) == norm(b)


def _same_date(q, date: dict) -> bool:
    """The claim's date interval is the label's day, month or year."""
    year = float(date["value"])
    if date.get("day"):
        lo = year + (date["month"] - 1) / 12 + (date["day"] - 1) / 365
        span = 1 / 365
    elif date.get("month"):
        lo, span = year + (date["month"] - 1) / 12, 1 / 12
    else:
        lo, span = year, 1.0
    eps = 1e-6
    return lo - eps <= q.low and q.high <= lo + span + eps and q.high - q.low >= span * 0.3


def attached(f: Found, lb: dict) -> bool:
    """Whether the claim speaks of the labelled statement at all (one of its numbers is inside it)."""
    spans = [f.at(q) for q in _quantities(f.claim)]
    return any(s < lb["end"] and lb["start"] < e for s, e in spans)


def _quantities(c) -> list:
    from checks.extract.claims import CountClaim, ElapsedClaim, FactClaim, GrowthClaim, PeriodClaim, ShareClaim

    if isinstance(c, GrowthClaim):
        return [q for q in (c.start, c.end, c.change, c.delta) if q is not None]
    if isinstance(c, ShareClaim):
        return [p.share for p in c.parts]
    if isinstance(c, ElapsedClaim):
        return [c.since, c.elapsed]
    if isinstance(c, CountClaim):
        return [c.count]
    if isinstance(c, FactClaim):
        return [c.date]
    if isinstance(c, PeriodClaim):
        return [c.duration]
    return []


def score(labels: list[dict], covered: dict[str, frozenset], docs: dict[str, Doc], found: list[Found]) -> dict[tuple, Score]:
    """Scores by (half, type, language, origin)."""
    by_doc: dict[str, list[Found]] = defaultdict(list)
    for f in found:
        by_doc[f.doc].append(f)
    scores: dict[tuple, Score] = defaultdict(Score)
    used: set[int] = set()
    for lb in labels:
        origin = docs[lb["doc"]].origin
        s = scores[(half_of(lb["doc"]), lb["type"], lb["lang"], origin)]
        s.labelled += 1
        near = [f for f in by_doc[lb["doc"]] if f.type == lb["type"] and attached(f, lb)]
        used.update(id(f) for f in near)
        match = next((f for f in near if recognises(f, lb)), None)
        outcomes = {f.outcome for f in near}
        if lb["verdict"] == "holds":
            s.holds += 1
            s.errors_on_holds += "error" in outcomes
            s.warnings_on_holds += "warning" in outcomes and "error" not in outcomes
        else:
            s.real_errors += 1
            s.caught += bool(outcomes & {"error", "warning"})
        if match is not None:
            s.recognised += 1
            # a fact stated once has nothing to be checked against: recognised and not flagged is its best
            good = ("verified", "") if lb["type"] == "fact" else ("verified",)
            s.verified += lb["verdict"] == "holds" and match.outcome in good
        if match is None or (lb["verdict"] == "holds" and match.outcome != "verified") or \
                (lb["verdict"] != "holds" and not outcomes & {"error", "warning"}):
            s.misses.append((lb, near))
    for f in found:
        if id(f) in used or f.type not in covered.get(f.doc, ()):
            continue
        doc = docs[f.doc]
        s = scores[(half_of(f.doc), f.type, doc.lang, doc.origin)]
        s.unlabelled += 1
        s.unlabelled_flagged += f.outcome in ("error", "warning")
        s.misses.append((None, [f]))
    return scores


# --- printing ----------------------------------------------------------------------------------------

HEADER = ("half", "type", "lang", "origin", "labelled", "holds", "recognised", "verified", "holds:err", "holds:warn",
          "real errors", "caught", "unlabelled", "unlabelled:flagged")


def table(scores: dict[tuple, Score]) -> list[tuple]:
    rows = []
    for key in sorted(scores):
        s = scores[key]
        verified = f"{s.verified} ({100 * s.verified / s.holds:.0f}%)" if s.holds else "0"
        rows.append((*key, s.labelled, s.holds, s.recognised, verified, s.errors_on_holds, s.warnings_on_holds,
                     s.real_errors, s.caught, s.unlabelled, s.unlabelled_flagged))
    return rows


def _add(total: Score, s: Score) -> None:
    for name in ("labelled", "holds", "recognised", "verified", "errors_on_holds", "warnings_on_holds", "real_errors",
                 "caught", "unlabelled", "unlabelled_flagged"):
        setattr(total, name, getattr(total, name) + getattr(s, name))
    total.misses += s.misses


def echo_table(header: tuple, rows: list[tuple]) -> None:
    cells = [tuple(map(str, header))] + [tuple(map(str, r)) for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    for r in cells:
        click.echo("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())


def _context(doc: Doc, start: int, end: int, pad: int = 40) -> str:
    return doc.body[max(0, start - pad):end + pad].replace("\n", " ")


def echo_misses(scores: dict[tuple, Score], docs: dict[str, Doc], half: str) -> None:
    for key in sorted(scores):
        if key[0] != half:
            continue
        for lb, near in scores[key].misses:
            if lb is not None:
                doc = docs[lb["doc"]]
                got = "; ".join(f"{f.outcome or 'no conclusion'}: {f.message[:140]}" for f in near) or "no claim"
                click.echo(f"[{'/'.join(key[1:])}] {lb['id']} {lb['verdict']} «{lb['family']}»\n"
                           f"    {_context(doc, lb['start'], lb['end'])}\n    -> {got}")
            else:
                f = near[0]
                spans = [f.at(q) for q in _quantities(f.claim)]
                click.echo(f"[{'/'.join(key[1:])}] unlabelled claim in {f.doc}: {f.outcome or 'no conclusion'}: "
                           f"{f.message[:140]}\n    {_context(docs[f.doc], spans[0][0], spans[-1][1])}")


@bench.command("claims")
@click.option("--labels", "label_dir", default="tests/data/claims_labelled", show_default=True,
              type=click.Path(path_type=Path), help="Folder of labelled claims (*_labels.jsonl, coverage_*.jsonl).")
@click.option("--corpus", default="../shared/corpus/news.jsonl", show_default=True, type=click.Path(path_type=Path),
              help="The shared news corpus the labels point into.")
@click.option("--seed", default="datasets/raw/000_1989159548c930ee.txt", show_default=True,
              type=click.Path(path_type=Path), help="The bundled page.")
@click.option("--generated", default=6, show_default=True,
              help="Planted claims per generator template (half true, half false); 0 for none.")
@click.option("--misses", is_flag=True, help="Also list the dev half's misses and false claims, to read.")
def claims_bench(label_dir, corpus, seed, generated, misses):
    """Score claim recognition and the claim rules against labels written by reading and planted by the generator."""
    labels, covered = load_labels(label_dir)
    docs = documents(labels, covered, corpus, seed, written_without_labels(label_dir))
    if generated:
        from checks.bench.claim_generator import generate

        if not corpus.is_file():
            raise UsageError(f"{corpus}: the generator plants into the shared news corpus (give --corpus)")
        named = frozenset(lb["entity"] for lb in labels if lb["type"] == "fact")
        planted_docs, planted = generate(corpus, generated, taken=named)
        docs |= {d["id"]: Doc(d["id"], d["lang"], d["body"], "generated", d["date"]) for d in planted_docs}
        labels += planted
    problems = label_problems(labels, docs)
    bad = {p.split(":", 1)[0] for p in problems}
    labels = [lb for lb in labels if lb["id"] not in bad]
    found = run_documents(docs, seed)
    scores = score(labels, covered, docs, found)
    click.echo(f"{len(labels)} labels in {len({lb['doc'] for lb in labels})} documents "
               f"({len(covered)} read in full); {len(found)} claims recognised in them")
    for p in problems:
        click.echo(f"label left out: {p}")
    echo_table(HEADER, table({k: s for k, s in scores.items() if k[3] != "generated"}))
    if generated:
        click.echo("\ngenerated (true and false versions of every family, planted into real paragraphs):")
        merged: dict[tuple, Score] = defaultdict(Score)
        for k, s in scores.items():
            if k[3] == "generated":
                _add(merged[(k[1], k[2])], s)
        click.echo(f"{'type':8} {'lang':4} {'planted':>7} {'recall':>7} {'true verified':>14} {'false caught':>13} "
                   f"{'errors on true':>15} {'warnings on true':>17}")
        for (type_, lang), s in sorted(merged.items()):
            recall = (s.verified + s.caught) / s.labelled if s.labelled else 0.0
            click.echo(f"{type_:8} {lang:4} {s.labelled:>7} {recall:>7.2f} {f'{s.verified}/{s.holds}':>14} "
                       f"{f'{s.caught}/{s.real_errors}':>13} {s.errors_on_holds:>15} {s.warnings_on_holds:>17}")
    totals: dict[tuple, Score] = defaultdict(Score)
    for (half, type_, lang, origin), s in scores.items():
        if origin != "generated":
            _add(totals[(type_, lang)], s)
    click.echo("\nlabelled by reading, both halves, natural and written together:")
    echo_table(HEADER[1:3] + HEADER[4:], [row[0:2] + row[3:] for row in
                                          table({(t, l, ""): s for (t, l), s in totals.items()})])
    if misses:
        click.echo("\ndev-half misses:")
        echo_misses(scores, docs, "dev")

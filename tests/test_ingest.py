"""Ingest on real inputs: the bundled page, the shared corpus, and small pages written here."""
from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

from checks.ingest.decode import decode_bytes
from checks.ingest.normalize import fold_width, normalize
from checks.ingest.reader import collect_paths, read_corpus, read_one, rows_of


def test_bundled_page_every_line_accounted_for(seed_page, seed_lines):
    corpus = read_corpus([str(seed_page)])
    acc = corpus.accounting.iloc[0]
    lines = seed_lines[:-1] if seed_lines[-1] == "" else seed_lines
    assert acc["lines"] == len(lines)
    assert acc["blank"] == sum(1 for line in lines if not line.strip())
    assert acc["blank"] + acc["in_paragraphs"] == acc["lines"]
    assert acc["articles"] == len(corpus.articles) == 4
    for row in corpus.paragraphs.itertuples():
        assert row.text == "\n".join(lines[row.line_start - 1:row.line_end])


def test_bundled_page_articles_have_datelines_and_titles(seed_page):
    articles = read_corpus([str(seed_page)]).articles
    assert all(articles["dateline"].str.contains("新华社"))
    assert (articles["title"].str.len() > 0).sum() >= 3
    assert list(articles["position"]) == [0, 1, 2, 3]


def test_damaged_bytes_are_located_by_line_and_column():
    data = "第一行\n第二行有坏字节：".encode("utf-8") + b"\xff" + "之后。\n".encode("utf-8") * 30
    decoded = decode_bytes(data, "x.txt")
    assert [(s.line, s.column, s.raw) for s in decoded.bad_spots] == [(2, 9, "ff")]
    assert decoded.text.startswith("第一行\n第二行有坏字节：\ufffd之后。")


def test_bom_is_not_part_of_the_text():
    decoded = decode_bytes(codecs.BOM_UTF8 + "标题\n".encode("utf-8"), "x.txt")
    assert decoded.text == "标题\n" and decoded.encoding == "utf-8-sig"


def test_normalize_folds_width_and_spacing():
    assert fold_width("增长３０％　ＡＢ") == "增长30% AB"
    assert normalize("  同比　增长 ３０％，\t\n达到  1,200 万辆 ") == "同比增长 30%, 达到 1,200 万辆"


def test_jsonl_articles_and_paragraphs(tmp_path):
    records = [{"title": "标题一", "body": "第一段。\n\n第二段。", "date": "2025-01-28", "id": "n1"},
               {"title": "", "body": "只有正文。"}]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n", encoding="utf-8")
    corpus = read_corpus([str(path)])
    assert list(corpus.paragraphs["text"]) == ["标题一", "第一段。", "第二段。", "只有正文。"]
    assert list(corpus.paragraphs["kind"]) == ["title", "body", "body", "body"]
    assert list(corpus.articles["source_id"]) == ["n1", ""]
    acc = corpus.accounting.iloc[0]
    assert (acc["lines"], acc["blank"], acc["in_paragraphs"]) == (3, 1, 2)


def test_shared_corpus_every_record_read(news_corpus, news_records):
    corpus = read_corpus([str(news_corpus)])
    readable = [r for r in news_records if (r.get("title") or "").strip() or (r.get("body") or "").strip()]
    assert len(corpus.articles) == len(readable)
    expected = sum(bool((r.get("title") or "")) + sum(1 for p in (r.get("body") or "").split("\n\n") if p.strip())
                   for r in readable)
    assert len(corpus.paragraphs) == expected
    acc = corpus.accounting.iloc[0]
    assert acc["blank"] + acc["in_paragraphs"] == acc["lines"]


def test_same_text_same_ids_and_distinct_ids_for_copies(seed_page):
    data = seed_page.read_bytes()
    first = rows_of(read_one(seed_page, "a.txt", data, "f" * 64, 0)[2])
    again = rows_of(read_one(seed_page, "b.txt", data, "f" * 64, 0)[2])
    copy = rows_of(read_one(seed_page, "c.txt", data, "f" * 64, 1)[2])
    assert [p["paragraph_id"] for p in first] == [p["paragraph_id"] for p in again]
    assert not {p["paragraph_id"] for p in first} & {p["paragraph_id"] for p in copy}


def test_folders_are_read_in_a_stable_order_without_hidden_files(tmp_path):
    for name in ("b/2.txt", "a/9.txt", "a/10.jsonl", ".hidden.txt", "notes.md", "B.TXT"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("正文。\n", encoding="utf-8")
    os.symlink(tmp_path / "a" / "9.txt", tmp_path / "link.txt")
    found = [p.relative_to(tmp_path).as_posix() for p in collect_paths([str(tmp_path)])]
    # a file reached twice (here through a link) is read once, under the name met first
    assert found == ["B.TXT", "link.txt", "a/10.jsonl", "b/2.txt"]

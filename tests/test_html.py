"""Static HTML pages: `vnextract show` and `vnextract report` (GitHub issue 6).

The tagger changes under these tests, so they assert structure against
whatever the JSON holds (every entity marked, links resolve, counts agree),
and use hand-built articles where exact content matters (escaping, overlaps).
"""
from __future__ import annotations

import gzip
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pipeline.api import extract
from pipeline.cli import app
from pipeline.html import (TextNotFound, evidence_regions, find_text, highlight, read_text, render_article,
                           write_report)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_STEMS = ("000_27a17f53cc120f14", "002_35e965b3a4edabc5")
SENTENCE = "Ông Trần Văn Nam, Bí thư Đảng ủy phường Xuân Hòa, cho biết phường có 5 trường học."
VOID = {"meta", "link", "br", "img", "input", "hr", "wbr", "col", "area", "base", "source"}

HOSTILE = ('Tin <script>alert(1)</script> nóng: "quotes" & <b>đậm</b> của Ông Trần Văn Nam.\n'
           "Bí thư <img src=x onerror=alert(2)> nói.\n")


class Page(HTMLParser):
    """What the tests look at: marks, ids, links, the article text, and tag balance."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.ids: dict[str, str] = {}           # id -> text inside the element (labels removed)
        self.open_ids: list[tuple[str, int]] = []
        self.marks: list[dict] = []             # attrs of every <mark class="entity"> in the article text
        self.hrefs: list[str] = []
        self.fact_links: list[str] = []         # hrefs in the facts table's evidence cells
        self.text_parts: list[str] = []         # article text, labels removed
        self.tags: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self._in = {"article": 0, "label": 0, "facts": 0}
        self.cover: list[list[str]] = []        # per article character: ids of the marks around it
        self._marks_open: list[str] = []
        self._buf: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        self.tags.append((tag, a))
        if tag in VOID:
            return
        cls = a.get("class", "").split()
        flags = []
        if tag == "article" and "entities" in cls:
            flags.append("article")
        if tag == "span" and "label" in cls:
            flags.append("label")
        if tag == "table" and "facts" in cls:
            flags.append("facts")
        for f in flags:
            self._in[f] += 1
        if tag == "mark" and "entity" in cls and self._in["article"]:
            self.marks.append(a)
            flags.append("mark:" + a.get("data-entity-id", ""))
            self._marks_open.append(a.get("data-entity-id", ""))
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
            if self._in["facts"] and "ev-link" in cls:
                self.fact_links.append(a["href"])
        if "id" in a:
            self.open_ids.append((a["id"], len(self._buf)))
        self.stack.append((tag, {"flags": flags, "id": a.get("id")}))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        _, info = self.stack.pop()
        for f in info["flags"]:
            if f.startswith("mark:"):
                self._marks_open.pop()
            else:
                self._in[f] -= 1
        if info["id"] is not None:
            oid, at = self.open_ids.pop()
            self.ids[oid] = "".join(self._buf[at:])

    def handle_data(self, data):
        if not self._in["label"]:
            self._buf.append(data)
            if self._in["article"]:
                self.text_parts.append(data)
                self.cover.extend([list(self._marks_open)] * len(data))

    @property
    def text(self) -> str:
        return "".join(self.text_parts)


@pytest.fixture(scope="module")
def small():
    return extract(SENTENCE, source="<test>")


@pytest.fixture(scope="module")
def seeds():
    out = {}
    for stem in SEED_STEMS:
        src = SEEDS / f"{stem}.txt"
        text = read_text(src)
        out[stem] = (extract(text, source=f"seeds/{stem}.txt").model_dump(mode="json", exclude_none=True), text)
    return out


def hostile_article() -> tuple[dict, str]:
    text = HOSTILE
    s1 = text.index("<script>")
    s2 = text.index("Trần Văn Nam")
    s3 = text.index("<img")
    e3 = text.index(">", s3) + 1
    ev = text.index("\n") + 1
    return {
        "schema_version": "1.0", "doc_id": "0123456789abcdef", "source": "<b>bad</b>.txt",
        "title": '<script>alert("t")</script> "quotes" & <b>', "outlet": "<i>NLĐO</i>",
        "url": "javascript:alert(5)", "length": len(text),
        "entities": [
            {"id": "E1", "type": "ORGANIZATION", "text": "<script>", "canonical": '<script>"x" & y',
             "mentions": [{"start": s1, "end": s1 + 8, "text": "<script>"}]},
            {"id": "E2", "type": "PERSON", "text": "Trần Văn Nam", "canonical": "Trần Văn Nam",
             "mentions": [{"start": s2, "end": s2 + 12, "text": "Trần Văn Nam"}]},
            {"id": "E3", "type": "NUMBER", "text": text[s3:e3], "canonical": text[s3:e3], "kind": "count",
             "value": 2, "unit": '"><script>', "qualifier": "exact",
             "mentions": [{"start": s3, "end": e3, "text": text[s3:e3]}]},
        ],
        "facts": [
            {"type": "position", "person": "Trần Văn Nam", "title": "<b>Bí thư</b>", "organization": "<script>",
             "person_id": "E2", "organization_id": "E1", "evidence": {"start": 0, "end": ev - 1}},
            {"type": "quantity", "value": 2, "unit": "</td><script>", "qualifier": "exact",
             "subject": "<script>alert(6)</script>", "number_id": "E3", "evidence": {"start": ev, "end": len(text) - 1}},
        ],
    }, text


def assert_offline(markup: str) -> None:
    """No CDN, no script, no remote resource: checked on the raw markup and on the parsed tags."""
    low = markup.lower()
    assert "<script" not in low
    assert not re.search(r"<link[^>]+href\s*=\s*[\"']?\s*(https?:)?//", low)
    assert "@import" not in low
    assert not re.search(r"url\(\s*[\"']?\s*(https?:)?//", low)
    assert "http://" not in low and "https://" not in low
    for tag, attrs in Page(markup).tags:
        assert tag not in ("script", "iframe", "object", "embed", "img", "video", "audio", "source"), tag
        assert "src" not in attrs and "srcset" not in attrs, (tag, attrs)
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)          # no inline handlers
        if tag == "link":
            assert attrs.get("href", "").startswith("data:"), attrs
        if "style" in attrs:
            assert "url(" not in attrs["style"], attrs
        for k in ("href", "action", "formaction"):
            assert not attrs.get(k, "").strip().lower().startswith(("javascript:", "//")), attrs


def check_page(markup: str, art: dict, text: str | None) -> Page:
    page = Page(markup)
    assert page.errors == [], page.errors
    assert not page.stack, f"unclosed: {page.stack}"
    assert_offline(markup)
    marked = {m["data-entity-id"] for m in page.marks}
    for e in art["entities"]:
        if text is not None:
            assert e["id"] in marked, f"{e['id']} has no <mark>"
            for k in range(1, len(e["mentions"]) + 1):
                assert f"{e['id']}-{k}" in page.ids
        assert f"ent-{e['id']}" in page.ids                     # the entity list
    for m in page.marks:
        assert m.get("data-type") and "background" in m.get("style", "")
    if text is not None:
        assert page.text == text, "the marked-up text is not the article text"
    for href in page.hrefs:
        if href.startswith("#"):
            assert href[1:] in page.ids, f"dangling link {href}"
    return page


# --------------------------------------------------------------------------- show / render

def test_small_article_every_entity_marked(small):
    art = small.model_dump(mode="json", exclude_none=True)
    markup = render_article(small, SENTENCE)
    page = check_page(markup, art, SENTENCE)
    assert art["entities"], "the pipeline found nothing in the sample sentence"
    for e in art["entities"]:
        first = e["mentions"][0]
        assert page.ids[f"{e['id']}-1"] == SENTENCE[first["start"]:first["end"]]
    # the legend: every type present, with its count
    for t in {e["type"] for e in art["entities"]}:
        n = sum(1 for e in art["entities"] if e["type"] == t)
        assert re.search(rf'data-type="{t}" data-entities="{n}"', markup)
    assert "<title>" in markup and "Trần Văn Nam" in markup


def test_facts_rows_link_to_their_evidence(seeds):
    for stem, (art, text) in seeds.items():
        page = check_page(render_article(art, text), art, text)
        assert len(page.fact_links) == len(art["facts"])
        for f, href in zip(art["facts"], page.fact_links):
            assert re.fullmatch(r"#ev-\d+", href)
            ev = f["evidence"]
            # the linked element holds the whole evidence sentence
            assert " ".join(text[ev["start"]:ev["end"]].split()) in " ".join(page.ids[href[1:]].split())


def test_script_in_article_stays_text():
    art, text = hostile_article()
    markup = render_article(art, text)
    page = check_page(markup, art, text)
    low = markup.lower()
    assert "<script>" not in low and "<script" not in low
    assert "&lt;script&gt;" in markup
    assert "&quot;quotes&quot; &amp; &lt;b&gt;" in markup
    for raw in ("<b>đậm</b>", "<b>bad</b>", "<i>NLĐO</i>", "<b>Bí thư</b>", "</td><script>", "<img"):
        assert raw not in markup, raw
    assert "&lt;b&gt;đậm&lt;/b&gt;" in markup and "&lt;i&gt;NLĐO&lt;/i&gt;" in markup
    assert 'href="javascript' not in low
    assert page.text == text
    # attribute values are escaped too (the unit lands in a title attribute)
    assert 'unit: &quot;&gt;&lt;script&gt;' in markup


def test_no_text_page_lists_entities_and_says_so(seeds):
    art, _ = seeds[SEED_STEMS[1]]
    markup = render_article(art, None, text_note="not found here")
    page = check_page(markup, art, None)
    assert "Article text not available" in markup and "not found here" in markup
    assert page.marks == []
    assert len(re.findall(r'<tr id="fact-\d+"', markup)) == len(art["facts"])


def test_mismatched_text_is_not_highlighted(seeds):
    art, text = seeds[SEED_STEMS[0]]
    markup = render_article(art, "x" + text[1:] + "!")
    assert "Article text not available" in markup and "does not match" in markup


# --------------------------------------------------------------------------- overlaps

def _ent(eid, etype, text, spans, **kw):
    ms = [{"start": s, "end": e, "text": text[s:e]} for s, e in spans]
    return {"id": eid, "type": etype, "text": ms[0]["text"], "canonical": ms[0]["text"], "mentions": ms, **kw}


def test_nested_and_crossing_mentions_all_marked():
    text = "Trường THPT số 1 Hà Nội có 5 trường học mới."
    ents = [
        _ent("E1", "ORGANIZATION", text, [(0, 23)]),                 # Trường THPT số 1 Hà Nội
        _ent("E2", "NUMBER", text, [(15, 16)], kind="identifier"),   # 1, nested in E1
        _ent("E3", "LOCATION", text, [(17, 23)]),                    # Hà Nội, nested, ends with E1
        _ent("E4", "NUMBER", text, [(20, 29)], kind="count"),        # crosses E1's end
        _ent("E5", "DATE", text, [(0, 23)]),                         # same span as E1
    ]
    art = {"doc_id": "0" * 16, "source": "<t>", "length": len(text), "entities": ents,
           "facts": [{"type": "quantity", "value": 5, "unit": "trường", "qualifier": "exact",
                      "evidence": {"start": 24, "end": len(text)}}]}
    page = check_page(render_article(art, text), art, text)
    by_id: dict[str, list[dict]] = {}
    for m in page.marks:
        by_id.setdefault(m["data-entity-id"], []).append(m)
    assert len(by_id["E1"]) == 1 and len(by_id["E2"]) == 1 and len(by_id["E3"]) == 1
    # E4 crosses E1's end and the evidence start: split into clean pieces, the first with the id
    assert len(by_id["E4"]) >= 2 and by_id["E4"][0].get("id") == "E4-1"
    assert all(m.get("data-part") == "cont" for m in by_id["E4"][1:])
    markup = highlight(text, ents, evidence_regions(art["facts"], len(text))[0])
    assert markup.count('<span class="label">NUMBER</span>') == 2        # one label per mention
    assert page.ids["E4-1"] == text[20:23]                                 # the piece inside E1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_any_overlap_renders_well_formed(data):
    """Random mentions and evidence spans: balanced markup, the text intact, every mention character marked."""
    text = data.draw(st.text(alphabet="ab <>&\"'\nđ", min_size=1, max_size=40))
    n = len(text)
    span = st.tuples(st.integers(0, n - 1), st.integers(1, n)).map(sorted).filter(lambda p: p[0] < p[1])
    ents = []
    for i in range(data.draw(st.integers(0, 5))):
        spans = data.draw(st.lists(span, min_size=1, max_size=3))
        ents.append(_ent(f"E{i + 1}", data.draw(st.sampled_from(["PERSON", "NUMBER", "X<y>"])), text, spans))
    facts = [{"type": "quantity", "value": 1, "unit": None, "qualifier": "exact",
              "evidence": {"start": s, "end": e}} for s, e in data.draw(st.lists(span, max_size=3))]
    art = {"doc_id": "0" * 16, "source": "<t>", "length": n, "entities": ents, "facts": facts}
    page = check_page(render_article(art, text), art, text)
    for e in ents:
        for m in e["mentions"]:
            for c in range(m["start"], m["end"]):
                assert e["id"] in page.cover[c], (e["id"], c, text)


def test_overlapping_evidence_is_merged():
    facts = [{"evidence": {"start": 0, "end": 10}}, {"evidence": {"start": 5, "end": 20}},
             {"evidence": {"start": 30, "end": 40}}, {"evidence": {"start": 0, "end": 10}}]
    regions, of_fact = evidence_regions(facts)
    assert regions == [(0, 20, [1, 2, 4]), (30, 40, [3])]
    assert of_fact == {0: 0, 1: 0, 2: 1, 3: 0}


# --------------------------------------------------------------------------- finding the text

def test_find_text_tries_json_dir_and_explicit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    art = extract(SENTENCE, source="arts/a.txt").model_dump(mode="json", exclude_none=True)
    (tmp_path / "out").mkdir()
    jp = tmp_path / "out" / "a.json"
    jp.write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TextNotFound, match="not found"):
        find_text(art, jp)
    (tmp_path / "out" / "arts").mkdir()
    (tmp_path / "out" / "arts" / "a.txt").write_text(SENTENCE, encoding="utf-8")
    assert find_text(art, jp)[0] == SENTENCE                                  # relative to the JSON's dir
    other = tmp_path / "other.txt"
    other.write_text(SENTENCE + " thêm", encoding="utf-8")
    with pytest.raises(TextNotFound, match="does not match"):
        find_text(art, jp, explicit=other)
    # a .jsonl input: source is path:line
    jl = tmp_path / "in.jsonl"
    jl.write_text(json.dumps({"id": "x", "text": "khác"}) + "\n" + json.dumps({"id": "a", "text": SENTENCE}) + "\n",
                  encoding="utf-8")
    assert find_text(dict(art, source=f"{jl}:2"))[0] == SENTENCE
    gz = tmp_path / "in.jsonl.gz"
    gz.write_bytes(gzip.compress(jl.read_bytes()))
    assert find_text(dict(art, source="in.jsonl.gz:2"))[0] == SENTENCE               # relative to the cwd


# --------------------------------------------------------------------------- report

@pytest.fixture()
def outdir(tmp_path, seeds):
    out = tmp_path / "outputs"
    out.mkdir()
    for stem, (art, _) in seeds.items():
        (out / f"{stem}.json").write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
    lost = dict(seeds[SEED_STEMS[1]][0], source="gone/nowhere.txt")
    (out / "lost.json").write_text(json.dumps(lost, ensure_ascii=False), encoding="utf-8")
    (out / "scores.json").write_text(json.dumps({"persons": {"f1": 0.5}}), encoding="utf-8")
    (out / "errors.jsonl").write_text(
        json.dumps({"source": "seeds/empty.txt", "reason": "empty text"}) + "\n"
        + json.dumps({"source": "in.jsonl:3", "reason": "bad JSON line: <script>x</script>"}) + "\n", encoding="utf-8")
    return out


def _index_counts(markup: str, attr: str, count: str) -> dict[str, int]:
    pat = rf'<tr {attr}="([^"]+)">.*?data-count="{count}">(\d+)</td>'
    return {t: int(n) for t, n in re.findall(pat, markup)}


def test_report_counts_failures_and_pages(outdir, tmp_path, monkeypatch, seeds):
    monkeypatch.chdir(ROOT)
    index = tmp_path / "site" / "index.html"
    rep = write_report(outdir, index)
    markup = index.read_text(encoding="utf-8")
    page = Page(markup)
    assert page.errors == [] and not page.stack
    assert_offline(markup)
    arts = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(outdir.glob("*.json")) if p.stem != "scores"]
    want_e: dict[str, int] = {}
    want_m: dict[str, int] = {}
    want_f: dict[str, int] = {}
    for a in arts:
        for e in a["entities"]:
            want_e[e["type"]] = want_e.get(e["type"], 0) + 1
            want_m[e["type"]] = want_m.get(e["type"], 0) + len(e["mentions"])
        for f in a["facts"]:
            want_f[f["type"]] = want_f.get(f["type"], 0) + 1
    got_e = {k: v for k, v in _index_counts(markup, "data-entity-type", "entities").items() if v}
    got_m = {k: v for k, v in _index_counts(markup, "data-entity-type", "mentions").items() if v}
    got_f = {k: v for k, v in _index_counts(markup, "data-fact-type", "facts").items() if v}
    assert (got_e, got_m, got_f) == (want_e, want_m, want_f)
    # failures, with their reasons (escaped)
    assert "seeds/empty.txt" in markup and "empty text" in markup
    assert "bad JSON line: &lt;script&gt;x&lt;/script&gt;" in markup and len(rep.failed) == 2
    # one page per article output; the non-article JSON is skipped and said so
    assert sorted(a.stem for a in rep.articles) == sorted([*SEED_STEMS, "lost"])
    assert [n for n, _ in rep.skipped] == ["scores.json"] and "Skipped files" in markup
    for href in page.hrefs:
        path = href.split("#")[0]
        target = index.parent / path
        assert target.is_file(), f"index links to missing {href}"
        if "#" in href:
            assert f'id="{href.split("#")[1]}"' in target.read_text(encoding="utf-8"), href
    for en in rep.articles:
        sub = (index.parent / en.page).read_text(encoding="utf-8")
        text = None if en.stem == "lost" else seeds[en.stem][1]
        check_page(sub, en.article, text)
        assert ("Article text not available" in sub) == (en.stem == "lost")
        assert 'href="../index.html"' in sub
    # top persons, bylines and organizations: by number of articles, each with links to those articles
    for t, cls in (("PERSON", "top-person"), ("BYLINE", "top-byline"), ("ORGANIZATION", "top-organization")):
        names: dict[str, set[str]] = {}
        for stem, a in zip(sorted([*SEED_STEMS, "lost"]), [json.loads((outdir / f"{s}.json").read_text(encoding="utf-8"))
                                                          for s in sorted([*SEED_STEMS, "lost"])]):
            for e in a["entities"]:
                kind = "BYLINE" if e["type"] == "PERSON" and e.get("role") else e["type"]
                if kind == t:
                    names.setdefault(e["canonical"], set()).add(stem)
        listed = rep.top[t]
        assert len(listed) == min(15, len(names))
        for name, entries, _ in listed:
            assert {en.stem for en in entries} == names[name]
        counts = [len(entries) for _, entries, _ in listed]
        assert counts == sorted(counts, reverse=True)
        if names:
            assert f'class="{cls}"' in markup


def _credited(stem: str, reporter: str, people: Sequence[str]) -> tuple[dict, str]:
    """An article naming ``people`` in its story and ``reporter`` on its closing byline."""
    lines = [f"Ông {p} phát biểu tại hội nghị." for p in people]
    text = "\n".join([*lines, reporter])
    ents, at = [], 0
    for k, p in enumerate([*people, reporter], 1):
        s = text.index(p, at)
        at = s + len(p)
        ents.append(_ent(f"E{k}", "PERSON", text, [(s, at)], **({"role": "byline"} if p == reporter else {})))
    return {"doc_id": "0" * 16, "source": f"<{stem}>", "title": lines[0] if lines else stem, "length": len(text),
            "entities": ents, "facts": []}, text


def test_report_lists_bylines_apart_from_the_persons(tmp_path):
    """The paper's own reporters sign every article: they are not the story's most frequent persons."""
    out = tmp_path / "o"
    out.mkdir()
    stories = {"a": ["Lê Văn Tám", "Trần Văn Nam"], "b": ["Lê Văn Tám"], "c": ["Phạm Thu Hà"], "d": []}
    for stem, people in stories.items():
        art, _ = _credited(stem, "Thanh Hà", people)
        (out / f"{stem}.json").write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
    rep = write_report(out, tmp_path / "site" / "index.html")
    persons = [(name, sorted(en.stem for en in arts)) for name, arts, _ in rep.top["PERSON"]]
    assert persons[0] == ("Lê Văn Tám", ["a", "b"])
    assert "Thanh Hà" not in dict(persons) and len(persons) == 3
    assert [(name, sorted(en.stem for en in arts)) for name, arts, _ in rep.top["BYLINE"]] == [
        ("Thanh Hà", ["a", "b", "c", "d"])]
    markup = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    page = Page(markup)
    assert page.errors == [] and not page.stack
    heads = re.findall(r"<h2>([^<]+)</h2>", markup)
    assert heads.index("Most frequent persons") < heads.index("Bylines and photo credits")
    top = re.search(r'<table class="top-person">.*?</table>', markup).group(0)
    assert "Lê Văn Tám" in top and "Thanh Hà" not in top
    byl = re.search(r'<table class="top-byline">.*?</table>', markup).group(0)
    assert "Thanh Hà" in byl and "articles/d.html#E1-1" not in byl and "articles/d.html#ent-E1" in byl
    # the article page says who is a byline
    assert "role: byline" in (tmp_path / "site" / "articles" / "a.html").read_text(encoding="utf-8")


def test_report_without_errors_file(tmp_path, seeds, monkeypatch):
    monkeypatch.chdir(ROOT)
    out = tmp_path / "o"
    out.mkdir()
    art, _ = seeds[SEED_STEMS[0]]
    (out / "a.json").write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
    rep = write_report(out, out / "index.html")
    assert rep.failed == []
    markup = (out / "index.html").read_text(encoding="utf-8")
    assert "Failed articles (0)" in markup
    assert (out / "articles" / "a.html").is_file()


# --------------------------------------------------------------------------- CLI

def test_cli_show_txt_and_json(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["show", "a.txt", "--html", "page.html"])
    assert res.exit_code == 0, res.output
    markup = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert 'class="entity"' in markup and "<table" in markup
    # an output JSON whose source is found relative to the JSON's directory
    art = extract(SENTENCE, source="a.txt").model_dump(mode="json", exclude_none=True)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.json").write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "out" / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "a.txt").unlink()
    res = runner.invoke(app, ["show", "out/a.json", "--html", "j.html"])
    assert res.exit_code == 0, res.output
    check_page((tmp_path / "j.html").read_text(encoding="utf-8"), art, SENTENCE)
    # source gone: a clear error, and --text gives it explicitly
    (tmp_path / "out" / "a.txt").rename(tmp_path / "elsewhere.txt")
    res = runner.invoke(app, ["show", "out/a.json", "--html", "k.html"])
    assert res.exit_code == 2 and "not found" in res.output and "--text" in res.output
    assert not (tmp_path / "k.html").exists()
    res = runner.invoke(app, ["show", "out/a.json", "--html", "k.html", "--text", "elsewhere.txt"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["show", "missing.txt", "--html", "m.html"])
    assert res.exit_code == 2 and "no such file" in res.output


def test_cli_report(outdir, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    index = tmp_path / "rep" / "index.html"
    res = CliRunner().invoke(app, ["report", str(outdir), "--html", str(index)])
    assert res.exit_code == 0, res.output
    assert index.is_file() and "3 article pages" in res.output and "2 failed" in res.output
    assert {p.name for p in (index.parent / "articles").glob("*.html")} == {f"{s}.html" for s in [*SEED_STEMS, "lost"]}
    res = CliRunner().invoke(app, ["report", str(tmp_path / "nope")])
    assert res.exit_code == 2 and "no such directory" in res.output


def test_report_reads_the_jsonl_output_of_run(tmp_path):
    """`vnextract report FILE.jsonl` gives the same overview as the per-article directory."""
    from typer.testing import CliRunner

    from pipeline.cli import app

    art = tmp_path / "in"
    art.mkdir()
    (art / "a.txt").write_text("Ông Trần Văn Nam, Bí thư Đảng ủy phường Xuân Hòa, phát biểu.", encoding="utf-8")
    (art / "b.txt").write_text("Bà Lê Thị Hoa, Giám đốc Sở Y tế tỉnh Bình Định, cho biết.", encoding="utf-8")
    (art / "c.txt").write_text("   ", encoding="utf-8")  # fails: empty
    runner = CliRunner()
    out = tmp_path / "all.jsonl"
    res = runner.invoke(app, ["run", str(art), "--jsonl", str(out)])
    assert res.exit_code == 1  # one input failed
    site = tmp_path / "site" / "index.html"
    res = runner.invoke(app, ["report", str(out), "--html", str(site)])
    assert res.exit_code == 0, res.output
    page = site.read_text(encoding="utf-8")
    assert "Trần Văn Nam" in page and "Lê Thị Hoa" in page
    assert "empty" in page  # the failed input and its reason
    assert sorted(p.name for p in (site.parent / "articles").glob("*.html")) == ["a.html", "b.html"]

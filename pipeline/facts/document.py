"""``document``: a legal, state or party document or an international agreement
the article refers to by number (``Nghị quyết 71/2025``, ``2245/QĐ-BGDĐT``) or
by name (``Luật Dẫn độ``, ``Hiệp định EVFTA``), with its issuer (``của ...`` or
the number's code: ``QĐ-TTg`` is the Thủ tướng Chính phủ) and date
(CONTRACT section 5).  Words: ``data/document_words.tsv``."""
from __future__ import annotations

from typing import Any, Literal

from .. import resources as R
from ..compare import Item, alternatives, key, pick, unique
from ..contract import Span as SpanModel, Strict
from .linking import Linker, day_in, end, found, label, mentions_between, name_of, sentences, start
from .registry import Column, FactType, Metric, register


class DocumentFact(Strict):
    type: Literal["document"] = "document"
    kind: str
    number: str | None = None
    name: str | None = None
    issuer: str | None = None
    date: str | None = None
    evidence: SpanModel


def _words(name: str) -> dict[str, str]:
    return R.fact_table("document", name)


def _issuer_after(lk: Linker, at: int, sent_end: int) -> str | None:
    """'... của Bộ Chính trị', '... của Thủ tướng Chính phủ': the body (or person) named after 'của'."""
    text = lk.text
    rest = text[at:sent_end]
    k = rest.find("của ")
    if k < 0 or len(R.WORD_RE.findall(rest[:k])) > 6:
        return None
    ms = mentions_between(lk, at + k + 4, sent_end, ("ORGANIZATION", "TITLE", "PERSON", "LOCATION"))
    if not ms or text[at + k + 4:start(ms[0])].strip():
        return None
    first = ms[0]
    if label(first) == "TITLE" and len(ms) > 1 and label(ms[1]) == "ORGANIZATION" \
            and not text[end(first):start(ms[1])].strip():
        return f"{name_of(first)} {name_of(ms[1])}"
    return name_of(first) if label(first) != "LOCATION" else None


def _issuer_of_code(lk: Linker, number: str) -> str | None:
    """'339/QĐ-TTg' -> 'Thủ tướng Chính phủ'; 'UBND' -> the People's Committee of the story's province."""
    m = R.DOC_CODE_RE.search(number)
    if not m:
        return None
    code = m.group("code") or m.group("code2") or ""
    table = _words("code")
    parts = code.split("-")
    for cand in [code, *reversed(parts)]:
        body = table.get(cand)
        if body:
            # 'UBND': the story's People's Committee, the one its text names most
            return lk.org_from_hint(body[:-2]) if body.endswith(" *") else body
    return None


def _name_after(text: str, at: int, end: int, stops: dict[str, str] | None = None, most: int = 8) -> str | None:
    """The words of a document's own name after its kind word, up to punctuation or a stop word."""
    stops = _words("name_stop") if stops is None else stops
    words = []
    for w in text[at:end].split("\n")[0].split(" "):
        core = w.rstrip(",.;:)!?\"…")
        if not core or core.lower() in stops or not R.WORD_RE.fullmatch(core.replace("-", "")):
            break
        words.append(core)
        if core != w or len(words) >= most:
            break
    return " ".join(words) or None


def _listed(text: str, at: int, end: int) -> list[str]:
    """'các Hiệp định thương mại tự do (CPTPP, EVFTA, UKVFTA, RCEP...)': the names in the brackets."""
    m = R.PAREN_RE.search(text, at, min(end, at + 60))
    if not m or "(" in text[at:m.start()] or any(c in text[at:m.start()] for c in ".;:"):
        return []
    names = [n.strip(" .…") for n in m.group(0)[1:-1].split(",")]
    return [n for n in names if n and R.ALL_CAPS_RE.match(n)]


def _about(lk: Linker, after: int, e: int) -> tuple[str, str | None] | None:
    """'Nghị quyết (của Quốc hội) về tổ chức chính quyền đô thị tại TPHCM': (the words from 'về', issuer)."""
    text = lk.text
    k = text.find(" về ", after - 1, min(e, after + 40))
    if k < 0:
        return None
    issuer = _issuer_after(lk, after, k) if text.startswith("của ", after) else None
    if k != after - 1 and issuer is None:
        return None
    name = _name_after(text, k + 4, e, _words("about_stop"), most=12)
    return (f"về {name}", issuer) if name else None


def _numbered(lk: Linker, kind: str, num: Any, e: int) -> dict:
    """A document by number: its issuer, date, and a name in apposition ('Luật số 34, Luật sửa đổi ...')."""
    text = lk.text
    number, tail = num.group("number") or num.group("bare"), num.end()
    name = None
    if text.startswith(f", {kind} ", tail):
        name = _name_after(text, tail + len(kind) + 3, e, _words("about_stop"), most=14)
        name = f"{kind} {name}" if name else None
    issuer = _issuer_after(lk, tail, e) or _issuer_of_code(lk, number)
    return {"type": "document", "kind": kind, "number": number, "name": name, "issuer": issuer,
            "date": day_in(lk, tail, min(e, tail + 40))}


def _named(lk: Linker, kind: str, after: int, s: int, e: int) -> list[dict]:
    """Documents by name: 'Luật Dẫn độ', 'đề án "..."', 'Hiệp định ... (CPTPP, EVFTA)', 'Nghị quyết về ...'."""
    text = lk.text
    generic = text[max(s, after - len(kind) - 7):after - len(kind) - 1].strip().lower().split(" ")[-1:]
    if generic and generic[0] in _words("not_document"):
        listed = _listed(text, after, e)
        return [_doc(kind, None, f"{kind} {n}") for n in listed]
    about = _about(lk, after, e) if R.is_cap(kind) else None
    if about is not None:
        return [dict(_doc(kind, None, f"{kind} {about[0]}"), issuer=about[1])]
    if kind not in _words("named") and kind.capitalize() not in _words("named"):
        return []
    q = R.QUOTE_RE.match(text, after, e)
    if q:
        return [_doc(kind, None, q.group(1))]
    if not R.is_cap(kind):
        return []  # 'luật liên quan', 'báo cáo về ...': a lowercase kind is named by a number or a quotation
    name = _name_after(text, after, e)
    if not name or after - len(kind) - 1 <= s and not R.is_cap(name):
        return []  # 'Đề án định hướng ...' opening a sentence: the document named before
    return [_doc(kind, None, f"{kind} {name}")]


def _doc(kind: str, number: str | None, name: str | None) -> dict:
    return {"type": "document", "kind": kind, "number": number, "name": name, "issuer": None, "date": None}


def link(lk: Linker) -> list[dict]:
    text = lk.text
    facts: list[dict] = []
    seen: set = set()
    for s, e in sentences(lk):
        named_up_to = s  # a name in apposition is not another document ('Luật số 34, Luật sửa đổi ...')
        for m in found(lk, "document", "kind", s, e):
            kind = m.group(0)
            if m.start() < named_up_to:
                continue
            after = m.end() + 1
            num = R.DOC_NUMBER_RE.match(text, after, e) if text[m.end():after] == " " else None
            docs = [_numbered(lk, kind, num, e)] if num else _named(lk, kind, after, s, e)
            if num and docs[0]["name"]:
                named_up_to = num.end() + len(docs[0]["name"]) + 2
            for f in docs:
                k = (kind.lower(), f["number"].split("/")[0] if f["number"] else None,
                     key(f["name"]) if not f["number"] else None)
                if k not in seen:
                    seen.add(k)
                    facts.append(dict(f, evidence=(s, e)))
    return facts


# --------------------------------------------------------------------------- scoring

def _show(d: dict[str, Any]) -> dict[str, Any]:
    return pick(d, ("kind", "number", "name", "issuer"))


def _gold(gold: list[dict]) -> list[Item]:
    return unique(Item((alternatives(d.get("kind")), alternatives(d.get("number")), alternatives(d.get("name")),
                        alternatives(d.get("issuer"))), _show(d)) for d in gold)


def _pred(facts: list[dict]) -> list[Item]:
    return [Item((key(f.get("kind")), key(f.get("number")), key(f.get("name")), key(f.get("issuer"))), _show(f))
            for f in facts]


def matches(gold: tuple, pred: tuple) -> bool:
    """Kinds equal and numbers equal (when the gold number is null: names equal)."""
    if pred[0] not in gold[0]:
        return False
    if None in gold[1] and len(gold[1]) == 1:
        return pred[2] in gold[2]
    return pred[1] in gold[1]


def matches_strict(gold: tuple, pred: tuple) -> bool:
    return matches(gold, pred) and pred[3] in gold[3]


def _html(f: dict[str, Any], c: Any) -> str:
    parts = [f"<b>{c.esc(f.get('kind'))}</b>"]
    parts += [c.esc(f[k]) for k in ("number", "name") if f.get(k)]
    extra = [f"{k}: {c.esc(f[k])}" for k in ("issuer", "date") if f.get(k)]
    return " ".join(parts) + (f" <span class=\"muted\">{' · '.join(extra)}</span>" if extra else "")


DOCUMENT = register(FactType(
    name="document",
    model=DocumentFact,
    link=link,
    metrics=(Metric("documents", "documents", _gold, _pred, matches, optional=True),
             Metric("documents_strict", "documents", _gold, _pred, matches_strict, optional=True)),
    html=_html,
    columns=(Column("kind", "TEXT", lambda f: f.get("kind")),
             Column("number", "TEXT", lambda f: f.get("number")),
             Column("name", "TEXT", lambda f: f.get("name")),
             Column("issuer", "TEXT", lambda f: f.get("issuer")),
             Column("date", "TEXT", lambda f: f.get("date"))),
))

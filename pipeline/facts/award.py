"""``award``: an honour or title conferred or announced (CONTRACT section 5):
the honour as named (``Huân chương Lao động hạng Ba``, ``Bằng khen``, ``cờ
"Đơn vị xuất sắc ..."``), its recipient (a named body or person; null for an
unnamed collective), its giver (``của X``, or who ``trao``/``tặng`` it) and
year.  Words: ``data/award_words.tsv``."""
from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .. import resources as R
from ..compare import Item, alternatives, key, pick
from ..contract import Span as SpanModel, Strict
from .document import _issuer_after as named_after_of
from .linking import Linker, found, mentions_between, name_of, sentences, start
from .registry import Column, FactType, Metric, register
from .speakers import speaker_before


class AwardFact(Strict):
    type: Literal["award"] = "award"
    award: str = Field(min_length=1)
    recipient: str | None = None
    giver: str | None = None
    year: int | None = None
    evidence: SpanModel


def _words(name: str) -> dict[str, str]:
    return R.fact_table("award", name)


def _name(text: str, m: Any, e: int) -> tuple[str, int] | None:
    """The honour as named and where its name ends: the word, with a quotation or
    capitalized words after it ('Huân chương Lao động hạng Ba', 'danh hiệu "..."')."""
    word, at = m.group(0), m.end()
    q = R.QUOTE_RE.match(text, at + 1) if text[at:at + 1] == " " else None
    if q:
        return f"{word} {q.group(1)}", q.end()
    words: list[str] = []
    for w in text[at:e].split("\n")[0].split(" ")[1:8]:
        core = w.rstrip(",.;:")
        if not core or (not words and not R.is_cap(core)) or core.lower() in _words("name_stop") \
                or not R.WORD_RE.fullmatch(core):
            break  # a name opens with a capital ('Huân chương Lao động hạng Ba') and ends at a stop word
        words.append(core)
        if core != w:
            break
    if words:
        return f"{word} {' '.join(words)}", at + len(" ".join(words)) + 1
    if word in _words("named_by"):
        return None  # 'danh hiệu xuất sắc', 'các giải thưởng': no honour named
    return word, at


def _recipient_after(lk: Linker, at: int, e: int) -> str | None:
    """'... cho Trường X', '... cho ông A': a named recipient after 'cho'."""
    text = lk.text
    k = text.find(" cho ", at, e)
    if k < 0:
        return None
    ms = mentions_between(lk, k + 5, e, ("ORGANIZATION", "PERSON"))
    return name_of(ms[0]) if ms and not text[k + 5:start(ms[0])].strip() else None


def _year(text: str, at: int, e: int) -> int | None:
    m = R.YEAR_RE.search(text, at, min(e, at + 30))
    return int(m.group(1)) if m and "năm" in text[at:m.start()] and "-" not in text[m.end():m.end() + 2] else None


def _sentence_awards(lk: Linker, s: int, e: int) -> list[dict]:
    text = lk.text
    if not found(lk, "award", "confer", s, e):
        return []
    out = []
    for m in found(lk, "award", "award", s, e, case=True):
        before = R.WORD_RE.findall(text[max(s, m.start() - 12):m.start()].lower())
        if before and before[-1] in ("các", "những", "nhiều"):
            continue  # 'các danh hiệu thi đua': no honour named
        named = _name(text, m, e)
        if named is None:
            continue
        award, tail = named
        given = R.fact_words_re("award", "giver_verb").search(text, s, m.start())
        if given is not None and text[max(s, given.start() - 5):given.start()].lower().endswith("được "):
            given = None  # 'A được tặng ...': A receives it
        recipient = None
        if given is None:
            # '<recipient> nhận / được tặng <award>': the subject of the verb before the honour
            v = found(lk, "award", "confer", s, m.start())
            who = speaker_before(lk, s, v[-1].start()) if v else None
            recipient = who[0] if who else None
        else:
            recipient = _recipient_after(lk, tail, e)
        giver = named_after_of(lk, tail, e)
        if giver is None and given is not None:
            who = speaker_before(lk, s, given.start())
            giver = who[0] if who else None
        out.append({"type": "award", "award": award, "recipient": recipient, "giver": giver,
                    "year": _year(text, tail, e), "evidence": (s, e)})
    return out


def link(lk: Linker) -> list[dict]:
    facts: list[dict] = []
    for s, e in sentences(lk):
        seen: set = set()
        for f in _sentence_awards(lk, s, e):
            k = (f["recipient"], key(f["award"]))
            if k not in seen:
                seen.add(k)
                facts.append(f)
    return facts


# --------------------------------------------------------------------------- scoring

def _gold(gold: list[dict]) -> list[Item]:
    return [Item((alternatives(g.get("recipient")), alternatives(g.get("award"))),
                 pick(g, ("award", "recipient", "giver"))) for g in gold]


def _pred(facts: list[dict]) -> list[Item]:
    return [Item((key(f.get("recipient")), key(f.get("award"))), pick(f, ("award", "recipient", "giver")))
            for f in facts]


def matches(gold: tuple, pred: tuple) -> bool:
    """Recipients equal (null equals null) and one award name begins with the other."""
    return pred[0] in gold[0] and pred[1] is not None and any(
        g is not None and (g.startswith(pred[1]) or pred[1].startswith(g)) for g in gold[1])


def _html(f: dict[str, Any], c: Any) -> str:
    extra = [f"{k}: {c.esc(f[k])}" for k in ("giver", "year") if f.get(k)]
    return (f"<b>{c.esc(f.get('award'))}</b> → {c.esc(f.get('recipient') or '(unnamed)')}"
            + (f" <span class=\"muted\">{' · '.join(extra)}</span>" if extra else ""))


AWARD = register(FactType(
    name="award",
    model=AwardFact,
    link=link,
    metrics=(Metric("awards", "awards", _gold, _pred, matches, optional=True),),
    html=_html,
    columns=(Column("award", "TEXT", lambda f: f.get("award")),
             Column("recipient", "TEXT", lambda f: f.get("recipient")),
             Column("giver", "TEXT", lambda f: f.get("giver")),
             Column("year", "INTEGER", lambda f: f.get("year"))),
))

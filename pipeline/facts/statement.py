"""``statement``: who said what (CONTRACT section 5).

* reported speech: a speaker, then a reporting verb (``cho biết``, ``khẳng
  định``, ``đề nghị`` ...), then what was said (without ``rằng`` or a colon) to
  the end of the sentence; when that opens with a quotation (or the next line
  is one: ``ông A nói:`` / ``"..."``) the content is the quotation, ``quote`` true;
* a quotation followed by its attribution (``"...", ông Quyết nói.``);
* ``Theo X, ...`` with a named X (also ``theo khảo sát của X``).

Speakers are resolved by :mod:`.speakers`.  Words: ``data/statement_words.tsv``.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .. import resources as R
from ..compare import Item, alternatives, key, normalize_name
from ..contract import Mention, Span as SpanModel, Strict
from .linking import Linker, end, entity_id, found, mentions_between, resolved, sentences, start, strip_honorific
from .registry import Column, FactType, Metric, register
from .speakers import Speaker, last_person, speaker_before

MIN_WORDS = 3      # shorter content is no statement
MIN_QUOTE_WORDS = 5


class StatementFact(Strict):
    type: Literal["statement"] = "statement"
    speaker: str = Field(min_length=1)
    speaker_id: str | None = None
    cue: str
    quote: bool
    content: Mention
    evidence: SpanModel


def _words(name: str) -> dict[str, str]:
    return R.fact_table("statement", name)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """[a, b) without surrounding spaces, a leading 'rằng'/colon/comma and a closing full stop."""
    while True:
        while a < b and (text[a].isspace() or text[a] in ",:;-–"):
            a += 1
        low = text[a:b].lower()
        opener = next((w for w in _words("that") if low.startswith((w + " ", w + ","))), None)
        if opener is None:
            break
        a += len(opener)
    while b > a and (text[b - 1].isspace() or text[b - 1] in ".;,…"):
        b -= 1
    if b > a and text[b - 1] == '"' and text.count('"', a, b) % 2:  # the opening quote of what follows
        return _trim(text, a, b - 1)
    return a, b


def _content(lk: Linker, a: int, e: int) -> tuple[int, int, bool]:
    """What was said from ``a`` to the sentence end ``e``: (start, end, is a quotation)."""
    text = lk.text
    a, b = _trim(text, a, e)
    if a >= b:  # 'ông A nói:' closing the line: the quotation on the next line
        nxt = a
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        q = R.QUOTE_RE.match(text, nxt)
        return (q.start(1), q.end(1), True) if q else (a, a, False)
    q = R.QUOTE_RE.match(text, a)
    if q and (q.end() >= b - 1 or text[q.end():b].strip(" .,") == ""):
        return q.start(1), q.end(1), True
    if text[_before(text, a)] == ":":  # 'cho biết: Thực hiện ... .' : what was said runs to the line end
        nl = text.find("\n", a)
        a, b = _trim(text, a, max(b, len(text) if nl < 0 else nl))
    return _colon_quote(lk, a, b)


def _before(text: str, a: int) -> int:
    """The offset of the last non-space character before ``a`` (the colon after a cue, if any)."""
    k = a - 1
    while k > 0 and text[k].isspace():
        k -= 1
    return max(k, 0)


def _colon_quote(lk: Linker, a: int, b: int) -> tuple[int, int, bool]:
    """Content that ends with a quotation after a colon: the quotation when what comes before it
    only introduces it ('nói với các phóng viên rằng: "..."', 'khen ngợi Benzema: "..."'),
    the words before the colon when they are a clause of their own ('cô không phải ...: "..."')."""
    text = lk.text
    c = R.COLON_QUOTE_RE.search(text, a, b)
    q = R.QUOTE_RE.match(text, c.end() - 1) if c else None
    if q is None or text[q.end():b].strip(" .,\n") or not _enough(text, q.start(1), q.end(1), MIN_QUOTE_WORDS):
        return a, b, False
    pre = R.WORD_RE.findall(text[a:c.start()].lower())
    if pre and pre[0] in _words("subject") and not _cues(lk, a, c.start()):
        return (*_trim(text, a, c.start()), False)
    return q.start(1), q.end(1), True


def _fact(speaker: Speaker, cue: str, span: tuple[int, int, bool], ev: tuple[int, int]) -> dict[str, Any]:
    a, b, quote = span
    return {"type": "statement", "speaker": speaker[0], "speaker_id": speaker[1], "cue": cue, "quote": quote,
            "content": (a, b), "evidence": (min(ev[0], a), max(ev[1], b))}


def _enough(text: str, a: int, b: int, least: int = MIN_WORDS) -> bool:
    """Enough words, and not only where or when it was said ('phát biểu tại hội nghị')."""
    words = R.WORD_RE.findall(text[a:b].lower())
    if words and words[0] in _words("topic"):
        return False
    for n in (3, 2, 1):
        if len(words) < 8 and " ".join(words[:n]) in _words("not_content"):
            return False
    return len(words) >= least


def _reported(lk: Linker, s: int, e: int) -> dict | None:
    """The first reporting verb of the sentence with a named speaker before it."""
    text = lk.text
    for cm in _cues(lk, s, e):
        lower = max(s, text.rfind('"', s, cm.start()) + 1) if text.count('"', s, cm.start()) % 2 else s
        speaker = speaker_before(lk, lower, cm.start())
        if speaker is None:
            continue
        span = _content(lk, cm.end(), e)
        if _enough(text, span[0], span[1]):
            return _fact(speaker, cm.group(0), span, (s, e))
    return None


def _cues(lk: Linker, a: int, b: int) -> list:
    """The reporting verbs in [a, b) that are words of their own: not a syllable of a word ('xã giao', data 'not_cue'),
    of a name ('Đinh Viết Khanh'), or a capitalized word inside a clause ('ông Hứa Ngọc Nghĩa')."""
    text = lk.text
    words = [(w.start(), w.end()) for w in found(lk, "statement", "not_cue", max(0, a - 20), b + 20)]
    return [cm for cm in found(lk, "statement", "cue", a, b)
            if not any(x < cm.end() and cm.start() < y for x, y in words)
            and not (cm.group(0)[0].isupper() and text[max(0, cm.start() - 2):cm.start()].strip(" ").isalpha())
            and not any(start(m) < cm.start() < end(m) for m in mentions_between(lk, max(0, cm.start() - 60), cm.end() + 60))]


def _according(lk: Linker, s: int, e: int) -> dict | None:
    """'Theo ông Khanh, ...', 'Tuy nhiên, theo Reuters, ...', 'Cũng theo X, ...': the source, then what it says."""
    text = lk.text
    for m in found(lk, "statement", "according", s, e):
        opening = _rest_words(text[s:m.start()].split(",")[-1])
        if opening:
            continue  # 'theo' inside a clause: 'làm theo quy định'
        comma = text.find(",", m.end(), e)
        if comma < 0 or comma - m.end() > 80:
            continue
        source = text[m.end():comma].strip()
        if not source or source.lower().split(" ")[0] in _words("according_not"):
            continue
        speaker = speaker_before(lk, m.end(), comma)
        if speaker is None and source.lower() in _words("pronoun"):
            speaker = last_person(lk, s)
        a, b = _trim(text, comma + 1, e)
        if speaker is not None and _enough(text, a, b):
            return _fact(speaker, m.group(0).lower(), _colon_quote(lk, a, b), (s, e))
    return None


def _rest_words(clause: str) -> list[str]:
    """The words of a clause opening other than connectives ('Tuy nhiên', 'Cũng')."""
    return [w for w in R.WORD_RE.findall(clause.lower()) if w not in _words("connective")]


def _attributed_quotes(lk: Linker, taken: list[tuple[int, int]]) -> list[dict]:
    """'"...", ông Quyết nói.' and '"..." - ông A cho biết': a quotation with its speaker after it."""
    text = lk.text
    out = []
    for q in R.QUOTE_RE.finditer(text):
        if any(a <= q.start(1) < b for a, b in taken) or not _enough(text, q.start(1), q.end(1), MIN_QUOTE_WORDS):
            continue
        line_end = text.find("\n", q.end())
        line_end = len(text) if line_end < 0 else line_end
        stop = min(line_end, q.end() + 90)
        dot = text.find(". ", q.end(), stop)
        stop = dot if dot >= 0 else stop
        if not text[q.end():q.end() + 3].lstrip().startswith((",", "-", "–")):
            continue
        for cm in _cues(lk, q.end(), stop):
            speaker = speaker_before(lk, q.end() + 1, cm.start())
            if speaker is not None:
                out.append(_fact(speaker, cm.group(0), (q.start(1), q.end(1), True), (q.start(), stop)))
                break
    return out


def _goes_on(lk: Linker, prev: dict, s: int, e: int, same: bool) -> list[dict]:
    """A verb with no subject of its own goes on with the speaker of ``prev``, as an item
    of its own (it has its own cue): after a ';' in the same sentence ('...; lưu ý ...'),
    or opening the next sentence after a connective ('Đồng thời, giao ...')."""
    text = lk.text
    out: list[dict] = []
    for cm in _cues(lk, s, e):
        if same:
            semi = text.rfind(";", prev["content"][0], cm.start())
            if cm.start() <= prev["content"][0] or semi < 0 or _rest_words(text[semi + 1:cm.start()]):
                continue
        else:
            head = text[s:cm.start()]
            words = R.WORD_RE.findall(head.lower())
            if not words or _rest_words(head) or any(c in head for c in ".:;"):
                break  # only the first verb, after connectives only
        span = _content(lk, cm.end(), e)
        if not _enough(text, span[0], span[1]):
            continue
        last = out[-1] if out else prev
        if last["content"][0] < cm.start() < last["content"][1]:  # the earlier item ends at the ';'
            last["content"] = (last["content"][0], text.rfind(";", 0, cm.start()))
        out.append(_fact((prev["speaker"], prev["speaker_id"]), cm.group(0), span, (s, e)))
        if not same:
            break
    return out


def _opening(lk: Linker, s: int, e: int) -> dict | None:
    """'Phát biểu trước báo giới, HLV Koeman từ chối nói về X: "..."': a sentence that opens with a
    reporting verb, then its subject after the comma, and a quotation after a colon."""
    text = lk.text
    cues = _cues(lk, s, min(e, s + 40))
    if not cues or _rest_words(text[s:cues[0].start()]):
        return None
    comma = text.find(",", cues[0].end(), min(e, cues[0].end() + 80))
    c = R.COLON_QUOTE_RE.search(text, comma + 1, e) if comma > 0 else None
    q = R.QUOTE_RE.match(text, c.end() - 1) if c else None
    subject = mentions_between(lk, comma + 1, c.start(), ("PERSON", "ORGANIZATION")) if q else []
    if not subject or not _enough(text, q.start(1), q.end(1), MIN_QUOTE_WORDS):
        return None
    p = subject[0]
    if strip_honorific(R.WS_RE.sub(" ", text[comma + 1:start(p)]).strip().lower()) or not resolved(p):
        return None
    return _fact((resolved(p), entity_id(p)), cues[0].group(0), (q.start(1), q.end(1), True), (s, e))


def link(lk: Linker) -> list[dict]:
    facts: list[dict] = []
    prev = None  # the statement of the sentence before
    for s, e in sentences(lk):
        if any(f["content"][0] <= s < f["content"][1] for f in facts):
            continue  # inside a quotation already taken
        f = _according(lk, s, e) or _reported(lk, s, e) or _opening(lk, s, e)
        if f is not None:
            more = [] if f["quote"] else _goes_on(lk, f, s, e, same=True)
        else:
            more = _goes_on(lk, prev, s, e, same=False) if prev is not None else []
        facts += ([f] if f is not None else []) + more
        prev = (more or [f])[-1]
    facts += _attributed_quotes(lk, [f["content"] for f in facts])
    facts.sort(key=lambda f: f["content"][0])
    return facts


# --------------------------------------------------------------------------- scoring

def _bag(text: Any) -> frozenset[str]:
    return frozenset(normalize_name(str(text or "")).split())


def _content_text(c: Any) -> str:
    return c.get("text", "") if isinstance(c, dict) else str(c or "")


def _gold(gold: list[dict]) -> list[Item]:
    out = []
    for g in gold:
        contents = g.get("content") if isinstance(g.get("content"), list) else [g.get("content")]
        out.append(Item((alternatives(g.get("speaker")), tuple(_bag(c) for c in contents)),
                        {"speaker": g.get("speaker"), "content": contents[0]}))
    return out


def _pred(facts: list[dict]) -> list[Item]:
    return [Item((key(f.get("speaker")), _bag(_content_text(f.get("content")))),
                 {"speaker": f.get("speaker"), "content": _content_text(f.get("content"))}) for f in facts]


def overlap(a: frozenset[str], b: frozenset[str]) -> bool:
    """The words of the two contents overlap by at least half of each side's words."""
    common = len(a & b)
    return bool(a and b) and common * 2 >= len(a) and common * 2 >= len(b)


def matches(gold: tuple, pred: tuple) -> bool:
    return pred[0] in gold[0] and any(overlap(g, pred[1]) for g in gold[1])


def _html(f: dict[str, Any], c: Any) -> str:
    content = _content_text(f.get("content"))
    shown = content if len(content) <= 240 else content[:239] + "…"
    return (f"<b>{c.ref(f.get('speaker'), f.get('speaker_id'))}</b> <i>{c.esc(f.get('cue'))}</i>"
            + (' <span class="muted">(quote)</span>' if f.get("quote") else "") + f": {c.esc(shown)}")


STATEMENT = register(FactType(
    name="statement",
    model=StatementFact,
    link=link,
    metrics=(Metric("statements", "statements", _gold, _pred, matches, optional=True),),
    html=_html,
    columns=(Column("speaker", "TEXT", lambda f: f.get("speaker")),
             Column("cue", "TEXT", lambda f: f.get("cue")),
             Column("quote", "BOOLEAN", lambda f: f.get("quote")),
             Column("content", "TEXT", lambda f: _content_text(f.get("content")))),
    refs=(("speaker_id", None),),
    texts=("content",),
))

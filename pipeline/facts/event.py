"""``event``: an organized occasion reported as held, under way or scheduled
(CONTRACT section 5): the event noun, its date (ISO; the year from the input's
``date`` when the text gives none), organizers, place and theme.  The same
event mentioned again is one item; an ordinal (``lần thứ 2``) or another date
makes another.  Words: ``data/event_words.tsv``."""
from __future__ import annotations

from typing import Any, Literal

from .. import resources as R
from ..compare import Item, alternatives, key, pick
from ..contract import Span as SpanModel, Strict
from .linking import Linker, date_near, found, mentions_between, name_of, sentences, start
from .registry import Column, FactType, Metric, register

LEADING = ("cuộc ", "buổi ")  # 'cuộc họp' is 'họp' for matching


class EventFact(Strict):
    type: Literal["event"] = "event"
    kind: str
    name: str | None = None
    date: str | None = None
    organizers: list[str] = []
    location: str | None = None
    theme: str | None = None
    evidence: SpanModel


def _words(name: str) -> dict[str, str]:
    return R.fact_table("event", name)


def _background(text: str, s: int, a: int) -> bool:
    """'các hội nghị', 'dịp lễ 30/4', 'ngày lễ': occasions in general, holidays, not one event."""
    before = R.WORD_RE.findall(text[max(s, a - 40):a].lower())
    return bool(before) and before[-1] in _words("background")


def _held(text: str, s: int, a: int, b: int, e: int) -> bool:
    """Does the sentence say the event at [a, b) is held (a verb, 'tại') rather than cite it?"""
    window = text[max(s, a - 60):min(e, b + 40)]
    return bool(R.fact_words_re("event", "held").search(window))


def _name(text: str, b: int, e: int) -> str | None:
    """The words that name the event after its noun, up to 'với chủ đề', 'tại', 'do' or the clause end."""
    rest = text[b:e].split("\n")[0]
    cut = len(rest)
    for stop in (" với ", " tại ", " do ", " vào ", " nhằm ", " để ", ". ", "; ", " diễn ra", " được ", " đã ", " sẽ "):
        k = rest.find(stop)
        if 0 <= k < cut:
            cut = k
    words = rest[:cut].strip(" .,;:")
    return words if 1 <= len(words.split(" ")) <= 25 and not words.startswith(",") else None


def _organizers(lk: Linker, s: int, a: int) -> list[str]:
    """The bodies that hold it: the subject of 'tổ chức', 'chủ trì' before the noun."""
    text = lk.text
    verb = max(text.rfind(" tổ chức ", s, a), text.rfind(" chủ trì ", s, a))
    if verb < 0:
        return []
    out = []
    for m in mentions_between(lk, s, verb + 1, ("ORGANIZATION",)):
        name = name_of(m)
        if name and name not in out:
            out.append(name)
    return out


def _location(lk: Linker, b: int, e: int) -> str | None:
    text = lk.text
    k = text.find(" tại ", b, e)
    if k < 0:
        return None
    ms = mentions_between(lk, k + 5, e, ("LOCATION", "ORGANIZATION"))
    return name_of(ms[0]) if ms and not text[k + 5:start(ms[0])].strip() else None


def _theme(text: str, b: int, e: int) -> str | None:
    m = R.fact_words_re("event", "theme").search(text, b, e)
    q = R.QUOTE_RE.match(text, m.end() + 1) if m else None
    return q.group(1) if q and q.start() <= m.end() + 2 else None


def _ordinal(text: str, b: int, e: int) -> str:
    """'lần thứ 2', 'lần 3', 'khóa XV': what tells one session from another."""
    words = text[b:min(e, b + 40)].lower().split(" ")
    for i, w in enumerate(words[:6]):
        if w == "lần" and i + 1 < len(words):
            return words[i + 2] if words[i + 1] == "thứ" and i + 2 < len(words) else words[i + 1]
    return ""


def _same(index: dict[tuple, dict], k: tuple, date: str | None) -> dict | None:
    """The event already found that this mention repeats: same noun and ordinal (a mention
    without an ordinal repeats any of its noun) and no other date."""
    for (base, ordinal), f in index.items():
        if base == k[0] and (ordinal == k[1] or k[1] is None) and (date is None or f["date"] in (None, date)):
            return f
    return None


def _summary_end(text: str) -> int:
    """Where the headline ends, and the lead after it when it opens with the outlet's credit ('(NLĐO)- ...')."""
    at, lines = 0, 0
    while lines < 2 and at < len(text):
        nl = text.find("\n", at)
        nl = len(text) if nl < 0 else nl
        if lines == 1 and not R.OUTLET_RE.match(text[at:nl]):
            break
        lines += bool(text[at:nl].strip())
        at = nl + 1
    return at


def _sentence_events(lk: Linker, s: int, e: int, index: dict[tuple, dict]) -> list[dict]:
    text = lk.text
    out = []
    for m in found(lk, "event", "noun", s, e):
        if _background(text, s, m.start()):
            continue
        date = date_near(lk, s, e, m.end())
        if not (_held(text, s, m.start(), m.end(), e) or date):
            continue
        kind = m.group(0).lower()
        base = kind[len(next((p for p in LEADING if kind.startswith(p)), "")):]
        k = (base, _ordinal(text, m.end(), e).rstrip(" ,.") or None)
        known = _same(index, k, date)
        if known is not None:
            known["date"] = known["date"] or date
            continue
        name = _name(text, m.end(), e)
        f = {"type": "event", "kind": kind, "name": f"{m.group(0)} {name}" if name else None, "date": date,
             "organizers": _organizers(lk, s, m.start()), "location": _location(lk, m.end(), e),
             "theme": _theme(text, m.end(), e), "evidence": (s, e)}
        index.setdefault(k, f)
        out.append(f)
    return out


def link(lk: Linker) -> list[dict]:
    """Events of the body; the headline's and the lead's only when the body reports none
    (they sum up the body's event)."""
    summary = _summary_end(lk.text)
    index: dict[tuple, dict] = {}
    body = [f for s, e in sentences(lk) if s >= summary for f in _sentence_events(lk, s, e, index)]
    if body:
        return body
    return [f for s, e in sentences(lk) if s < summary for f in _sentence_events(lk, s, e, index)]


# --------------------------------------------------------------------------- scoring

def _kind_key(kind: Any) -> str | None:
    k = key(kind)
    for p in LEADING:
        lead = key(p) + " "
        if k and k.startswith(lead):
            return k[len(lead):]
    return k


def _date_key(date: Any) -> tuple[str | None, str] | None:
    """('2021', '04-26') or (None, '02-04') for '--02-04'."""
    if not date:
        return None
    d = str(date)
    return (None, d[2:7]) if d.startswith("--") else (d[:4], d[5:10])


def _gold(gold: list[dict]) -> list[Item]:
    out = []
    for g in gold:
        kinds = g.get("kind") if isinstance(g.get("kind"), list) else [g.get("kind")]
        dates = g.get("date") if isinstance(g.get("date"), list) else [g.get("date")]
        out.append(Item((frozenset(_kind_key(k) for k in kinds), tuple(_date_key(d) for d in dates)),
                        pick(g, ("kind", "name", "date"))))
    return out


def _pred(facts: list[dict]) -> list[Item]:
    return [Item((_kind_key(f.get("kind")), _date_key(f.get("date"))), pick(f, ("kind", "name", "date")))
            for f in facts]


def _kinds_match(gold: str | None, pred: str | None) -> bool:
    if not gold or not pred:
        return gold == pred
    return gold.startswith(pred) or pred.startswith(gold)


def _dates_match(gold: tuple | None, pred: tuple | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold[0] is None or pred[0] is None:
        return gold[1] == pred[1]
    return gold == pred


def matches(gold: tuple, pred: tuple) -> bool:
    """Kinds equal (one begins with the other, a leading 'cuộc'/'buổi' ignored) and dates equal
    (when one side lacks the year, month and day equal)."""
    return any(_kinds_match(g, pred[0]) for g in gold[0]) and any(_dates_match(d, pred[1]) for d in gold[1])


def _html(f: dict[str, Any], c: Any) -> str:
    extra = [f"{k}: {c.esc(f[k])}" for k in ("date", "location", "theme") if f.get(k)]
    if f.get("organizers"):
        extra.append("by " + c.esc(", ".join(f["organizers"])))
    return (f"<b>{c.esc(f.get('kind'))}</b> {c.esc(f.get('name') or '')}"
            + (f" <span class=\"muted\">{' · '.join(extra)}</span>" if extra else ""))


EVENT = register(FactType(
    name="event",
    model=EventFact,
    link=link,
    metrics=(Metric("events", "events", _gold, _pred, matches, optional=True),),
    html=_html,
    columns=(Column("kind", "TEXT", lambda f: f.get("kind")),
             Column("name", "TEXT", lambda f: f.get("name")),
             Column("date", "TEXT", lambda f: f.get("date")),
             Column("organizers", "JSON", lambda f: f.get("organizers")),
             Column("location", "TEXT", lambda f: f.get("location")),
             Column("theme", "TEXT", lambda f: f.get("theme"))),
))

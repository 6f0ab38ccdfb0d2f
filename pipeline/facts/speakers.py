"""Who is speaking: the subject right before a reporting verb, resolved to a
named person (a name, a short reference ``ông Nam``, a pronoun ``ông``/``bà``/
``đồng chí`` for the person named last, a role ``đồng chí Chủ tịch UBND
phường`` for the holder of that position) or a named body (``Bộ Y tế cho biết``,
``đại diện CLB X``).  Used by the statement linker; words from
``data/statement_words.tsv``."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from .. import resources as R
from .linking import Linker, end, entity_id, label, mentions_between, resolved, start

Speaker = tuple[str, str | None]  # canonical name, entity id


def _words(name: str) -> dict[str, str]:
    return R.fact_table("statement", name)


@lru_cache(maxsize=None)
def _longest_first(kind: str) -> tuple[str, ...]:
    """The 'between' words or the title words, longest first (computed once)."""
    words = _words("between") if kind == "between" else R.titles()
    return tuple(sorted(words, key=len, reverse=True))


def _rest(text: str) -> str:
    """A gap without punctuation and the words that may stand between a subject and its verb."""
    g = " ".join(w for w in R.WORD_RE.findall(text.lower()) if not w.isdigit())
    between = _longest_first("between")
    changed = True
    while g and changed:
        changed = False
        for w in between:
            if g == w or g.startswith(w + " ") or g.endswith(" " + w):
                g = g[len(w):].strip() if g.startswith(w) else g[: len(g) - len(w)].strip()
                changed = True
    return g


def _gap_ok(lk: Linker, a: int, b: int) -> bool:
    """Between a subject and its verb: only appositions (titles, bodies, places), punctuation and adverbs."""
    text = lk.doc._.text
    parts, at = [], a
    for m in mentions_between(lk, a, b, ("TITLE", "ORGANIZATION", "LOCATION")):
        parts.append(text[at:start(m)])
        at = max(at, end(m))
    parts.append(text[at:b])
    return not _rest(" ".join(parts)) and "." not in text[a:b]


def last_person(lk: Linker, before: int, within: int = 1500) -> Speaker | None:
    """The person named last before ``before`` (what 'ông', 'bà', 'đồng chí' refer to)."""
    earlier = [p for p in lk.persons if end(p) <= before and before - end(p) <= within]
    if not earlier:
        return None
    p = max(earlier, key=end)
    return resolved(p), entity_id(p)


def _holder(lk: Linker, title: str, org: str | None) -> Speaker | None:
    """The person who holds ``title`` (of ``org``) among the positions linked."""
    fold = R.fold_key(title)
    positions = [f for f in lk.results.get("position", []) if org is None or f["organization"] == org]
    for exact in (True, False):  # 'Phó Bí thư Thành ủy' is the 'Phó Bí thư Thường trực' of it
        found = {(f["person"], f.get("person_id")) for f in positions
                 if R.fold_key(f["title"]) == fold or not exact and R.fold_key(f["title"]).startswith(fold + " ")}
        if len(found) == 1:
            return found.pop()
    return None


def _title_before(text: str, at: int) -> str | None:
    """The title word ending right before ``at`` ('... Phó Bí thư ' before 'Thành ủy')."""
    before = R.WS_RE.sub(" ", text[max(0, at - 40):at]).rstrip().lower()
    for t in _longest_first("titles"):
        if before.endswith(" " + t) or before == t:
            rest = before[: len(before) - len(t)].rstrip()
            for mod in ("phó", "quyền"):  # 'Phó Bí thư', 'Quyền Hiệu trưởng'
                if (rest.endswith(" " + mod) or rest == mod) and not t.startswith(mod + " "):
                    return f"{mod} {t}"
            return t
    return None


def _body(lk: Linker, m: Span, lower: int) -> Speaker | None:
    """A body as the subject: itself, or the holder of the title before it ('Chủ tịch UBND phường')."""
    text = lk.doc._.text
    title = _title_before(text, start(m))
    if title is not None:
        holder = _holder(lk, title, resolved(m))
        if holder is not None:
            return holder
    before = " ".join(R.WORD_RE.findall(text[max(lower, start(m) - 25):start(m)].lower()))
    if before.endswith("của") or any(before.endswith(w) for w in _words("unnamed")):
        return None  # 'một thành viên của X': an unnamed speaker
    return resolved(m), entity_id(m)


def speaker_before(lk: Linker, lower: int, cue: int) -> Speaker | None:
    """The speaker whose verb begins at ``cue``, named in [lower, cue)."""
    text = lk.doc._.text
    ms = [m for m in mentions_between(lk, lower, cue, ("PERSON", "ORGANIZATION", "TITLE")) if resolved(m)]
    for m in reversed(ms):
        if not _gap_ok(lk, end(m), cue):
            break
        if label(m) == "PERSON":
            return resolved(m), entity_id(m)
        if label(m) == "ORGANIZATION":
            # 'Nguyễn Văn A, Giám đốc Sở Y tế, cho biết': the person before the apposition
            person = [p for p in ms if label(p) == "PERSON" and end(p) <= start(m) and _gap_ok(lk, end(p), cue)]
            return (resolved(person[-1]), entity_id(person[-1])) if person else _body(lk, m, lower)
        if label(m) == "TITLE":
            holder = _holder(lk, resolved(m) or m.canonical, None)
            if holder is not None:
                return holder
    return _pronoun(lk, lower, cue)


def _pronoun(lk: Linker, lower: int, cue: int) -> Speaker | None:
    """'Ông cho biết', 'Đồng chí cũng nhấn mạnh': the person named last."""
    text = lk.doc._.text
    words = R.WORD_RE.findall(text[max(lower, cue - 30):cue].lower())
    between = _words("between")
    while words and (words[-1] in between or len(words) > 1 and " ".join(words[-2:]) in between):
        words = words[:-2] if len(words) > 1 and " ".join(words[-2:]) in between else words[:-1]
    for n in (2, 1):
        if len(words) >= n and " ".join(words[-n:]) in _words("pronoun"):
            pre = text[lower:cue].lower()
            head = pre[: pre.rfind(words[-n])]
            if _rest(head.split(",")[-1]) and not head.rstrip().endswith((",", ":")):
                return None  # '... của ông cho biết': not the subject
            return last_person(lk, cue - len(" ".join(words[-n:])))
    return None

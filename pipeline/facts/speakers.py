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
from .linking import Linker, end, entity_id, label, mentions_between, resolved, start, strip_honorific

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
    text = lk.text
    parts, at = [], a
    for m in mentions_between(lk, a, b, ("TITLE", "ORGANIZATION", "LOCATION")):
        parts.append(text[at:start(m)])
        at = max(at, end(m))
    parts.append(text[at:b])
    rest = _rest(" ".join(parts)).split()
    return all(w in _words("of") for w in rest) and "." not in text[a:b]  # 'HLV A của Barcelona nói'



def _partner(text: str, p: Span) -> bool:
    """'Chia sẻ với MC A, nữ ca sĩ cho biết': a person after 'với'/'cùng' is who was spoken to."""
    before = R.WORD_RE.findall(text[max(0, start(p) - 16):start(p)].lower())
    return any(w in _words("partner") for w in before[-2:])


def last_person(lk: Linker, before: int, within: int = 1500) -> Speaker | None:
    """The person named last before ``before`` (what 'ông', 'bà', 'đồng chí' refer to),
    not one spoken to ('trao đổi với ông A, bà cho biết')."""
    text = lk.text
    earlier = [p for p in lk.persons if end(p) <= before and before - end(p) <= within and not _partner(text, p)]
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
    text = lk.text
    title = _title_before(text, start(m))
    if title is not None:
        holder = _holder(lk, title, resolved(m))
        if holder is not None:
            return holder
    before = " ".join(R.WORD_RE.findall(text[max(lower, start(m) - 25):start(m)].lower()))
    spokesperson = any(before.endswith(w) or before.endswith(w + " của") for w in _words("spokesperson"))
    if not spokesperson and (before.endswith("của") or any(before.endswith(w) for w in _words("unnamed"))):
        return None  # 'một thành viên của X': an unnamed speaker; 'một đại diện của X' speaks for X
    return resolved(m), entity_id(m)


def speaker_before(lk: Linker, lower: int, cue: int) -> Speaker | None:
    """The speaker whose verb begins at ``cue``, named in [lower, cue)."""
    text = lk.text
    ms = [m for m in mentions_between(lk, lower, cue, ("PERSON", "ORGANIZATION", "TITLE")) if resolved(m)]
    for m in reversed(ms):
        if not _gap_ok(lk, end(m), cue):
            break
        if label(m) == "PERSON":
            return resolved(m), entity_id(m)
        if label(m) == "ORGANIZATION":
            # 'Nguyễn Văn A, Giám đốc Sở Y tế, cho biết': the person before the apposition
            person = [p for p in ms if label(p) == "PERSON" and end(p) <= start(m) and _gap_ok(lk, end(p), cue)]
            if person:
                return resolved(person[-1]), entity_id(person[-1])
            return _apposed(lk, lower, cue) or _body(lk, m, lower)
        if label(m) == "TITLE":
            holder = _holder(lk, resolved(m) or m.canonical, None)
            if holder is not None:
                return holder
    return _apposed(lk, lower, cue) or _pronoun(lk, lower, cue) or _described(lk, lower, cue) \
        or _name_part(lk, lower, cue) or _source(lk, lower, cue)


def _clause(text: str, lower: int, cue: int) -> int:
    """Where the clause that ends at ``cue`` begins (after the last comma, colon or line break)."""
    return max(lower, *(text.rfind(c, lower, cue) + 1 for c in ",:;\n"))


def _apposed(lk: Linker, lower: int, cue: int) -> Speaker | None:
    """'Chị A - Cán bộ khoa X, Bệnh viện Y cho biết', 'Ông A, giám đốc điều hành của lực lượng X
    tại Y, cho biết', 'A, sống ở Oregon, Mỹ cho biết': a person opening the clause, an
    apposition after a comma or a dash, then the verb, with no other person between."""
    text = lk.text
    persons = [p for p in mentions_between(lk, lower, cue, ("PERSON",)) if resolved(p)]
    for i, p in enumerate(persons):
        if i < len(persons) - 1 or cue - end(p) > 160 or "." in text[end(p):cue].replace("TP.", "  "):
            continue
        if not R.APPOSITION_RE.match(text, end(p)):
            continue
        opening = text[_clause(text, lower, start(p)):start(p)]
        if _rest(strip_honorific(R.WS_RE.sub(" ", opening).strip().lower())):
            continue  # 'Sau khi gặp ông A, ...': not the subject
        return resolved(p), entity_id(p)
    return None


def _described(lk: Linker, lower: int, cue: int) -> Speaker | None:
    """'Nữ ca sĩ tiết lộ', 'HLV người Đức chia sẻ', 'Nữ diễn viên 43 tuổi cũng khẳng định':
    a description opening the clause stands for the person named last."""
    text = lk.text
    at = _clause(text, lower, cue)
    words = R.WORD_RE.findall(text[at:cue].lower())
    if not words or len(words) > 10 or mentions_between(lk, at, cue, ("PERSON", "ORGANIZATION")):
        return None
    for n in (3, 2, 1):
        head = " ".join(words[:n])
        if _words("descriptor").get(head) is not None or R.honorifics().get(head) in ("address", "honor"):
            return last_person(lk, at)
    return None


def _name_part(lk: Linker, lower: int, cue: int) -> Speaker | None:
    """'Nate chia sẻ', 'Konyndyk nói': one word of the name of a single person named before."""
    text = lk.text
    words = R.WS_RE.sub(" ", text[_clause(text, lower, cue):cue]).strip().split(" ")
    while len(words) > 1 and words[-1].lower() in _words("between"):
        words.pop()
    if len(words) != 1 or not words[0][:1].isupper():
        return None
    found = {(resolved(p), entity_id(p)) for p in lk.persons if end(p) <= cue
             and words[0] in resolved(p).split(" ")[::max(1, len(resolved(p).split(" ")) - 1)]}
    return found.pop() if len(found) == 1 else None


def _source(lk: Linker, lower: int, cue: int) -> Speaker | None:
    """'Nikkei cho biết', 'Hãng xăng dầu BP cho biết', 'AP ngày 26/4 đưa tin': an outlet or a firm
    the recognizers do not know: capitalized words without Vietnamese letters opening the clause,
    after a word for an outlet or a firm when there is one."""
    text = lk.text
    at = _clause(text, lower, cue)
    m = R.SOURCE_NAME_RE.match(R.WS_RE.sub(" ", text[at:cue]).strip())
    if m is None or m.group("head") and m.group("head").lower().strip() not in _words("source_head"):
        return None
    first = m.group("name").split(" ")[0].lower()
    if R.word_in(first, text) or _rest(m.group("rest")) or any(first in ws for ws in (
            R.name_stopwords(), R.honorifics(), _words("connective"), _words("between"), _words("pronoun"))):
        return None
    return m.group("name"), None


def _pronoun(lk: Linker, lower: int, cue: int) -> Speaker | None:
    """'Ông cho biết', 'Đồng chí cũng nhấn mạnh': the person named last."""
    text = lk.text
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

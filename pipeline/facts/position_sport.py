"""Sport: a coach (HLV) of a named club or national team, and a club's president,
owner or captain printed with no body (the ``position`` linker's sport mechanisms).

``HLV`` is printed before a name like an honorific, so the coach is read from the
words before a PERSON mention.  The team is the one the text ties to the coach:
named right after (``HLV A của Real Madrid``), the only team of the coach's
sentence that is not an opponent (``HLV A hài lòng dù Real Madrid gặp bất lợi``,
not ``thua trước Real Madrid``), or the team named just before a cue that makes the
team the coach's (``thầy trò HLV A``, ``đội bóng của HLV A``).
"""
from __future__ import annotations

from collections import Counter

from .. import resources as R
from ..records import Annotation as Span  # a mention record
from .linking import Linker, end, entity_id, label, resolved, sentence, sentences, start

COACH_WORDS = tuple(sorted(R.word_set("coach_words"), key=len, reverse=True))  # 'HLV', 'huấn luyện viên'
TEAM_CUES = R.word_set("coach_team_cues")       # 'thầy trò HLV A', 'đội bóng của HLV A'
OPPONENT = R.word_set("opponent_words")         # 'thua trước Real Madrid', 'gặp Chelsea'
TEAM_HEADS = tuple(R.fold_key(h) for h in R.word_set("team_heads"))  # 'Câu lạc bộ', 'Đội tuyển'
NOT_TEAM = frozenset(R.fold_key(w) for w in R.word_set("not_team_words"))  # 'League', 'Liên đoàn'
CLUB_TITLES = frozenset(R.fold_key(t) for t in R.word_set("club_titles"))  # 'Chủ tịch' of a club


def is_team(m: Span) -> bool:
    """A club or national team: a team head ('CLB X', 'đội tuyển Y') or a foreign
    club named alone ('Chelsea'), not a league, a federation or an acronym ('UEFA')."""
    if label(m) != "ORGANIZATION" or not resolved(m):
        return False
    name = resolved(m) or ""
    low = R.fold_key(name)
    if low.startswith(TEAM_HEADS):
        return True
    words = name.split(" ")
    return getattr(m.info, "cls", None) == "international" and not R.ALL_CAPS_RE.match(words[0]) \
        and not any(R.fold_key(w) in NOT_TEAM for w in words)


def _before(lk: Linker, m: Span, n: int = 40) -> str:
    return R.WS_RE.sub(" ", lk.text[max(0, start(m) - n):start(m)]).lower().rstrip()


def _coach_word(lk: Linker, p: Span) -> str | None:
    """'HLV' / 'Huấn luyện viên' printed right before the name, as printed."""
    raw = R.WS_RE.sub(" ", lk.text[max(0, start(p) - 40):start(p)]).rstrip()
    for w in COACH_WORDS:
        if raw.lower().endswith(w) and (len(raw) == len(w) or not raw[-len(w) - 1].isalnum()):
            return raw[-len(w):]
    return None


def _teams_in(lk: Linker, a: int, b: int) -> list[Span]:
    return [m for m in lk.mentions if a <= start(m) and end(m) <= b and is_team(m)]


def _not_opponent(lk: Linker, m: Span) -> bool:
    words = _before(lk, m, 30).split(" ")
    return not any(" ".join(words[-n:]) in OPPONENT for n in (1, 2, 3))


def _sole_team(lk: Linker, teams: list[Span]) -> Span | None:
    named = {resolved(t) for t in teams}
    if len(named) != 1:
        return None
    t = teams[0]
    return t if all(_not_opponent(lk, x) for x in teams) else None


def _team_for(lk: Linker, p: Span) -> Span | None:
    """The team the text ties to the coach mention p."""
    s0, s1 = sentence(p)
    before = _before(lk, p, 60)
    cue = any(f" {c} " in f" {before} " and before.endswith(tuple(" " + w for w in COACH_WORDS))
              for c in TEAM_CUES)
    if cue:  # 'thầy trò HLV A': the last team named before, in this sentence or the one before
        sents = sentences(lk)
        k = next((n for n, (a, _) in enumerate(sents) if a == s0), None)
        a = sents[k - 1][0] if k else s0
        a = min(a, lk.text.rfind("\n", 0, start(p)) + 1)  # or anywhere in its paragraph
        teams = _teams_in(lk, a, start(p))
        if teams:
            return teams[-1]
    return _sole_team(lk, _teams_in(lk, s0, s1))


def coach_facts(lk: Linker, fact) -> list[dict]:  # type: ignore[no-untyped-def]
    """One position per coach whose team the text names (``fact`` builds it)."""
    votes: dict[str, Counter] = {}
    first: dict[str, tuple[Span, str, dict[str, Span]]] = {}
    for p in lk.persons:
        word = _coach_word(lk, p)
        if word is None:
            continue
        who = resolved(p)
        team = _team_for(lk, p)
        entry = first.setdefault(who, (p, word, {}))
        if team is not None:
            votes.setdefault(who, Counter())[resolved(team)] += 1
            entry[2].setdefault(resolved(team), team)
    out = []
    for who, counter in votes.items():
        p, word, teams = first[who]
        name = counter.most_common(1)[0][0]
        title = "HLV" if word.upper() == "HLV" else "Huấn luyện viên"
        f = fact(p, title, name, entity_id(teams[name]))
        if f:
            out.append(f)
    return out


def club_body(lk: Linker, f: dict) -> tuple[str, str | None] | None:
    """A club title with no body ('Chủ tịch Florentino Perez') in a sport story:
    the only team of its sentence, else of the sentence before."""
    if f["organization"] or R.fold_key(f["title"]) not in CLUB_TITLES:
        return None
    a, b = f["evidence"]
    team = _sole_team(lk, _teams_in(lk, a, b))
    if team is None and not _teams_in(lk, a, b):
        sents = sentences(lk)
        k = next((n for n, (x, _) in enumerate(sents) if x == a), None)
        if k:
            team = _sole_team(lk, _teams_in(lk, sents[k - 1][0], sents[k - 1][1]))
    if team is None:
        return None
    return resolved(team), entity_id(team)

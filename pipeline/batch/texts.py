"""What makes a decoded (or undecodable) input unfit to be an article.

Every check here is cheap and runs in the driver before any pipeline work, so
a bad input costs neither a worker's time nor its memory.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

from ..letters import VI_LETTERS

DEFAULT_MAX_CHARS = 1_000_000
HTML_REASON = "HTML page, not plain text"
_TAG = re.compile(rb"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]{0,300})?/?>")
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_NEAR_TOP = re.compile(rb"<(?:html|body|head)[\s>]", re.I)
_UNSAFE = re.compile(r"[^\w.\-]+", re.UNICODE)

NAME_MAX_BYTES = 200          # a file name is at most 255 bytes; room for "~N", ".json", ".tmpPID"
CONTROL_SHARE = 0.05          # more control characters than this (in the first 64k) is binary content
PROSE_MIN_CHARS = 2_000       # the shape checks below apply from this length on
PROSE_MIN_ALNUM = 0.30        # at least this share of the non-space characters are letters or digits
MAX_MARK_RUN = 8              # more combining marks in a row than this is no writing system's
#: control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) other than whitespace
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_FAST_SPACES = " \n\t\r"
_FAST_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
#: runs of characters outside the fast classes: ASCII letters, digits, punctuation and
#: spaces, and the Vietnamese letters (all of them alphanumeric, none a mark)
_OTHER_CHARS = re.compile("[^" + re.escape("".join(sorted(
    set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") | set(VI_LETTERS)
    | set(VI_LETTERS.upper()) | set(_FAST_SPACES) | set(_FAST_PUNCT)))) + "]+")


def safe_name(name: str) -> str:
    """A file stem made from an id: path separators and odd characters become '_'; at most
    :data:`NAME_MAX_BYTES` bytes of UTF-8 (cut at a character boundary)."""
    name = _UNSAFE.sub("_", name).strip("._") or "article"
    data = name.encode("utf-8")
    if len(data) > NAME_MAX_BYTES:
        name = data[:NAME_MAX_BYTES].decode("utf-8", "ignore").rstrip("._") or "article"
    return name


def file_name(stem: str) -> str:
    """A file's own stem as output name, unless it is too long (or not encodable) for one."""
    try:
        if len(stem.encode("utf-8")) <= NAME_MAX_BYTES and stem.strip("._"):
            return stem
    except UnicodeEncodeError:
        pass
    return safe_name(stem)


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason).  BOMs pick the codec; otherwise strict UTF-8."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        codec = "utf-32"
    elif data.startswith(codecs.BOM_UTF8):
        codec = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    else:
        codec = "utf-8"
        if b"\x00" in data:
            return None, "binary content (NUL bytes)"
        head = data[:8192]
        ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
        if head and ctrl / len(head) > CONTROL_SHARE:
            return None, "binary content (control bytes)"
    try:
        return data.decode(codec), None
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 4].hex(" ")
        return None, (f"undecodable: not valid {codec.upper().replace('-SIG', '')} "
                      f"(bytes {bad} at offset {exc.start}); only UTF-8, or UTF-16/UTF-32 with a BOM, is read")


def looks_like_html(text: str) -> bool:
    data = text[:200_000].encode("utf-8", "replace")
    if _HTML_START.match(data) or _HTML_NEAR_TOP.search(data[:4096]):
        return True
    tags = _TAG.findall(data)
    return len(tags) >= 10 and len(tags) * 1000 / max(1, len(data)) >= 5


def _control_reason(text: str) -> str | None:
    head = text[:65536]
    ctrl = len(_CONTROL.findall(head))
    if ctrl / len(head) > CONTROL_SHARE:
        return f"binary content (control characters: {ctrl:,} of the first {len(head):,})"
    return None


def _shape_counts(chars: str, counts: list[int]) -> None:
    """Add ``chars`` to the counts [alnum, marks, letters, longest run
    of marks, nonspace], character by character."""
    alnum, marks, letters, longest, nonspace = counts
    run = 0
    for ch in chars:
        if ch.isspace():
            run = 0
            continue
        nonspace += 1
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
            marks += 1
            run += 1
            longest = max(longest, run)
            continue
        run = 0
        if ch.isalnum():
            alnum += 1
            letters += ch.isalpha()
    counts[:] = [alnum, marks, letters, longest, nonspace]


def _shape_reason(text: str) -> str | None:
    """Text no article has and that makes the tokenizer's memory explode (hundreds of
    thousands of commas, a letter under thousands of combining marks).

    The characters of press text (ASCII, the Vietnamese letters, common spaces) have
    known classes and are counted in C (``str.count``); only the runs of other
    characters are read one by one, each run on its own (a known character ends a
    run of marks)."""
    if len(text) < PROSE_MIN_CHARS:
        return None
    counts = [0, 0, 0, 0, 0]   # alnum, marks, letters, longest run of marks, nonspace
    other = 0
    for m in _OTHER_CHARS.finditer(text):
        _shape_counts(m.group(), counts)
        other += m.end() - m.start()
    spaces = sum(text.count(c) for c in _FAST_SPACES)
    punct = sum(text.count(c) for c in _FAST_PUNCT)
    digits = sum(text.count(c) for c in "0123456789")
    known_alnum = len(text) - other - spaces - punct   # ASCII letters and digits, Vietnamese letters
    alnum, marks, letters, longest, nonspace = counts
    alnum += known_alnum
    letters += known_alnum - digits
    nonspace += known_alnum + punct
    if longest > MAX_MARK_RUN:
        return f"not prose: {longest:,} combining marks in a row"
    if marks > max(letters, 1):
        return f"not prose: {marks:,} combining marks on {letters:,} letters"
    if nonspace and alnum / nonspace < PROSE_MIN_ALNUM:
        return (f"not prose: only {alnum / nonspace:.0%} of its {nonspace:,} visible characters are letters or "
                f"digits (at least {PROSE_MIN_ALNUM:.0%} expected)")
    return None


def check_text(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> str | None:
    """Why a decoded text cannot be an article, or None."""
    if len(text) > max_chars:
        return f"too large: {len(text):,} characters > --max-chars {max_chars:,}"
    if not text.strip():
        return "empty text (blank or whitespace only)"
    if "\x00" in text:
        return "binary content (NUL characters)"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a JSON "\\ud800" escape: no text can hold it
        return f"undecodable: lone surrogate at character {exc.start}"
    if looks_like_html(text):
        return HTML_REASON
    return _control_reason(text) or _shape_reason(text)


def too_big(size: int, max_chars: int) -> str:
    return f"too large: {size:,} bytes, more than --max-chars {max_chars:,} characters can take"

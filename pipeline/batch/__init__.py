"""Batch runs: stream inputs, extract them (in-process, on a process pool or on
Dask), write one JSON per article or one JSONL, record every failure.

Inputs (:func:`iter_inputs`) are read lazily, one article at a time:

- a ``.txt`` file (any other name is also read as plain text), ``.txt.gz``;
- a directory: its ``*.txt``, ``*.jsonl`` and ``*.jsonl.gz`` files, sorted by
  name, not recursive (other files are ignored);
- a glob (``'corpus/**/*.jsonl.gz'``), expanded here when the shell did not,
  sorted;
- a ``.jsonl`` / ``.jsonl.gz`` file of objects with ``id`` and ``text``
  (optional ``url``, ``date``, ``title``);
- ``-``: standard input; JSONL when its first non-blank byte is ``{``,
  otherwise one plain-text article named ``stdin``.

Only names are held in memory for a directory or a glob (to sort them); the
contents are streamed.  What is bad input (each becomes an error record with
the source and a reason, never a stop):

- undecodable bytes: a file is decoded as UTF-8 (or UTF-8 / UTF-16 / UTF-32
  when it starts with that BOM); anything else is ``undecodable``, there is no
  silent latin-1 guess;
- binary content: NUL bytes, or many control bytes;
- an HTML page (``<!DOCTYPE``, ``<html``, or a high density of tags):
  ``HTML page, not plain text`` -- tags are not stripped, since the offsets
  must point into the text as it was read;
- empty or whitespace-only text;
- too large: more than ``max_chars`` characters (default 1,000,000).  The size
  is checked before reading (file size, JSONL line length), so a huge input
  costs neither time nor memory;
- a JSONL line that is not JSON, is not an object, has no ``text`` or a
  ``text`` that is not a string;
- a path that does not exist, a glob that matches nothing, a directory or
  a JSONL without an article;
- a FIFO, a device or a socket (``/dev/zero``, a named pipe): refused unopened;
- a directory entry or a glob match that cannot be stat'ed (a symlink loop, a
  permission) and a directory that cannot be listed;
- text that is not prose: more than 5% control characters, or (from 2,000
  characters on) fewer than 30% letters and digits, or runs of combining
  marks (the tokenizer's memory grows with such input);
- a JSONL line nested too deeply (a JSON integer too long for Python is kept
  as its string);
- an exception inside the pipeline (the article's reason is the exception), or
  an article that passes the worker's time or memory limit (:mod:`.worker`).

Modules: :mod:`.texts` (checks of one text), :mod:`.paths` (PATHS to files),
:mod:`.inputs` (readers), :mod:`.worker` (the per-article work and its
limits), :mod:`.pool` (executors), :mod:`.sinks` (writing), :mod:`.run` (the
loop and its summary).  ``docs/batch.md`` describes the CLI.
"""
from .inputs import Item, iter_inputs, open_regular, parse_line
from .paths import count_inputs, expand
from .pool import InProcess, LocalPool
from .run import Interrupted, Summary, run_batch, run_simple
from .sinks import Busy
from .texts import DEFAULT_MAX_CHARS, HTML_REASON, check_text, looks_like_html, safe_name
from .worker import ArticleLimit, Limits, Ready, process_one, warm

__all__ = [
    "Item", "iter_inputs", "open_regular", "parse_line", "count_inputs", "expand", "InProcess", "LocalPool",
    "Interrupted", "Summary", "run_batch", "run_simple", "Busy", "DEFAULT_MAX_CHARS", "HTML_REASON",
    "check_text", "looks_like_html", "safe_name", "ArticleLimit", "Limits", "Ready", "process_one", "warm",
]

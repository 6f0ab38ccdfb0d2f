"""The compiled loops of ``_decode.c`` (built when the package is installed), or
None where the extension was not built: the callers then take the Python and
numpy way, which gives the same results (``tests/test_crf.py``), slower."""
from __future__ import annotations

from typing import Any, Callable

decode: Callable[..., Any] | None
emissions: Callable[..., Any] | None
windows: Callable[..., Any] | None
try:
    from ._decode import decode, emissions, windows
except ImportError:   # pragma: no cover - the extension is optional
    decode = emissions = windows = None

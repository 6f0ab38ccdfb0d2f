"""The precomposed Vietnamese letters (lower case; ``.upper()`` gives the capitals),
in a module of its own: normalization, the pre-tokenizer and the batch driver's
input checks all read them, and the driver imports nothing heavier."""
from __future__ import annotations

VI_LETTERS = ("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợ"
              "uùúủũụưừứửữựyỳýỷỹỵđ")

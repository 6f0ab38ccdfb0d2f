"""Entity recognizers, one module a kind, run as an ordered list
(:data:`pipeline.entities.tagger.RECOGNIZERS`) over each sentence's syllables:

- :mod:`.lexicon`: the lexicon tries and grammar words;
- :mod:`.syllables`: syllables and the sentence view every recognizer reads;
- :mod:`.places`: LOCATION;
- :mod:`.organizations`: ORGANIZATION (continuation rules);
- :mod:`.titles`: TITLE and what it names;
- :mod:`.persons`: PERSON, bylines and credits;
- :mod:`.tagger`: the ordered list.
"""
from .tagger import RECOGNIZERS, tag_sentence  # noqa: F401

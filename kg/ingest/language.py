"""Language identification from function words: each language's ``stopwords.txt`` votes.

News articles are long enough that counting the commonest words of each language is reliable, needs no model
download, and learns a new language from its data folder alone.

>>> identify("Der Minister sagte, dass die Regierung nicht zurücktreten werde.")
'de'
>>> identify("The minister said that the government would not step down.")
'en'
>>> identify("12345")
'und'
"""

from __future__ import annotations

import re

from kg.lang import available_languages, language

__all__ = ["UNDETERMINED", "identify"]

UNDETERMINED = "und"
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_WORDS = 400
_MIN_HITS = 2


def identify(text: str) -> str:
    """The code of the language whose function words occur most often in ``text``, or ``'und'``."""
    words = [w.lower() for w in _WORD.findall(text[:20_000])][:_SAMPLE_WORDS]
    best, best_hits = UNDETERMINED, 0
    for code in available_languages():
        stop = language(code).words("stopwords")
        hits = sum(1 for w in words if w in stop)
        if hits > best_hits:
            best, best_hits = code, hits
    return best if best_hits >= _MIN_HITS else UNDETERMINED

"""Text to index terms, exactly as lunr.py's default English pipeline does, but cached.

lunr.py splits text into tokens, then runs each token through trimmer, stop word filter and
Porter stemmer. Each step depends only on the token's text, so one dict from token to term
gives byte-identical terms at a fraction of the cost (most of the words on a site repeat).
"""

import re

from lunr.stemmer import porter_stemmer
from lunr.stop_word_filter import WORDS as STOP_WORDS
from lunr.trimmer import full_re as TRIM_RE

# lunr.py's tokenizer separators (lunr/tokenizer.py): runs of these split tokens.
SEPARATORS = re.compile("[ \t\n\r\f\v\xa0-]+")


def tokens(text) -> list[str]:
    """Lower-cased tokens, as lunr.py's Tokenizer makes them from a string."""
    if not text:
        return []
    return [token for token in SEPARATORS.split(str(text).lower()) if token]


def index_term(token: str):
    """The index term for one token, or None for a stop word (trimmer, stop words, stemmer)."""
    match = TRIM_RE.match(token)
    trimmed = match.group(1) if match else token
    if trimmed in STOP_WORDS:
        return None
    return porter_stemmer.stem(trimmed)


class TermCache(dict):
    """token -> index term (None for stop words), computed once per distinct token."""

    def __missing__(self, token):
        term = self[token] = index_term(token)
        return term


def terms_of(text, cache: TermCache) -> list:
    """Index terms of a text in order, with None where lunr.py drops a stop word."""
    return [cache[token] for token in tokens(text)]

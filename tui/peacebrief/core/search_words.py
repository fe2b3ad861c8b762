"""The distinct words of the search index's entries, and the entries each word stands in.

A typed term is found anywhere inside a word, and never across a space, so the entries
holding a term are those holding one of the words the term is inside. Finding those words
in the brief's vocabulary, then taking their entries, is less work than testing every entry
when few words hold the term. On the 10k brief (39,377 entries, 8.8 MB folded, 32,392
distinct words), medians of CPU time per call on a quiet machine: the second letter of a
word 12.1 ms against 23.5 ms testing every entry, the third 4.9 against 14.9, the fourth
1.9 against 7.6 (`python benchmarks/search_terms.py BRIEF`). A first letter is inside most
words: testing the entries is cheaper then, and `entries` says so.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

# Taking the words' entries costs about a third of testing as many entries for the term
# (the figures above), so it wins while they number under about twice the entries to test.
_WORTH = 2


class WordIndex:
    """Built once from the entries' folded texts; `entries` answers a term."""

    def __init__(self, texts: Sequence[str]) -> None:
        postings: dict[str, list[int]] = {}
        for number, text in enumerate(texts):
            for word in set(text.split()):
                entries = postings.get(word)
                if entries is None:
                    postings[word] = [number]
                else:
                    entries.append(number)
        self.words: tuple[str, ...] = tuple(postings)
        self._postings: tuple[list[int], ...] = tuple(postings.values())
        # One string of every word, a line each: a term is looked for in it at C speed.
        self._joined = "\n".join(self.words)
        self._starts = list(accumulate((len(word) + 1 for word in self.words), initial=0))

    def words_holding(self, term: str) -> list[int]:
        """The numbers of the words that `term` is inside."""
        found: list[int] = []
        joined, starts = self._joined, self._starts
        at = joined.find(term)
        while at >= 0:
            word = bisect_right(starts, at) - 1
            found.append(word)
            at = joined.find(term, starts[word + 1])
        return found

    def entries(self, term: str, within: Sequence[int]) -> list[int] | None:
        """The entries of `within` (entry numbers in order) that hold `term`, in order; None
        when testing each of `within` for the term is the cheaper way to know."""
        if len(term) < 2:
            return None
        words = self.words_holding(term)
        postings = self._postings
        if sum(len(postings[word]) for word in words) > _WORTH * len(within):
            return None
        holding: set[int] = set()
        for word in words:
            holding.update(postings[word])
        if isinstance(within, range):  # every entry: no need to walk them all
            return sorted(filter(within.__contains__, holding))
        return list(filter(holding.__contains__, within))

"""A memo in front of spaCy's tokenizer: each distinct chunk is tokenized once.

spaCy's tokenizer splits text at whitespace into chunks and caches how each
chunk splits, but (spaCy 3.8) stops caching for the rest of a Doc once any
special case has matched, and the whitespace tokens "\\n" and " " are special
cases: after a text's first line break every chunk goes through the prefix,
suffix and infix expressions again. On 1M words that was 4-6 s, the largest
single cost of a run. This memo keeps, per chunk, the words spaCy made of it
(and any NORM a special case set, as "n't" -> "not"), tokenizes the chunks it
has not seen in one call of spaCy's own tokenizer, and builds the Doc from
words. The result is spaCy's tokenization exactly (tested against it, text by
text); only the work is done once per distinct chunk instead of once per use.
"""

from __future__ import annotations

import re
from typing import Any

from .components import TEXT_KEY

_RUNS = re.compile(r"(\s+)")  # \s is str.isspace, as spaCy's tokenizer splits

MAX_CHUNKS = 200_000  # bounded: a long-running server or a huge input cannot grow it without end


def drop_bracket_emoticons(tokenizer: Any) -> None:
    """Remove the special cases that make an emoticon of a bracket and a colon or
    semicolon ("):", "(:", ";)"): in letters and forms they are a bracket's end
    before a colon, as in "Limited Scope Representation (LSR): a guide", and one
    token "):" hid the bracket from the acronym and definition rules."""
    rules = getattr(tokenizer, "rules", None)
    if not rules:
        return
    kept = {chunk: pieces for chunk, pieces in rules.items() if not _BRACKET_EMOTICON.fullmatch(chunk)}
    if len(kept) < len(rules):
        tokenizer.rules = kept


def split_glued_marks(tokenizer: Any) -> None:
    """Split marks spaCy keeps inside a word: a bracket between letters, as in
    "preference(s)" and "child(ren)" ("preference(s" hid the word from the lexicon),
    a colon glued to a quotation mark, as in 'Example:"Conducted a visit"' (one
    token hid the first quoted word), and a bullet's hyphen glued to a word
    ("-Narrative summary"). For a blank English pipeline's tokenizer (a trained one
    keeps its own)."""
    from spacy.lang.en import English
    from spacy.util import compile_infix_regex, compile_prefix_regex

    patterns = [
        *English.Defaults.infixes,
        r"(?<=[A-Za-z])[(](?=[A-Za-z]{1,4}$)",
        r"(?<=[A-Za-z])[:;](?=[\"\u201c])",
        r"(?<=[:;])[\"\u201c](?=[A-Za-z])",
    ]
    tokenizer.infix_finditer = compile_infix_regex(patterns).finditer
    tokenizer.prefix_search = compile_prefix_regex([*(English.Defaults.prefixes or ()), r"-(?=[A-Za-z])"]).search


_BRACKET_EMOTICON = re.compile(r"[^\w\s]*[()\[\]][^\w\s]*")  # marks only, a bracket among them


class MemoTokenizer:
    """Call it as spaCy's tokenizer; anything else (``rules``, ``explain``) is spaCy's."""

    def __init__(self, inner: Any, max_chunks: int = MAX_CHUNKS) -> None:
        self.inner = inner
        self.vocab = inner.vocab
        self.max_chunks = max_chunks
        self._words: dict[str, tuple[str, ...]] = {}
        self._norms: dict[str, tuple[tuple[int, int], ...]] = {}  # chunk -> (token index, NORM) a special case set
        # Only a special case's words can carry their own NORM ("n't" -> "not"): the rest
        # need no Lexeme lookup.
        self._special_chunks = frozenset(getattr(inner, "rules", None) or {})
        self._special_orths = frozenset(
            piece.get(65, piece.get("ORTH", "")) for pieces in (getattr(inner, "rules", None) or {}).values() for piece in pieces
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __call__(self, text: str):
        from spacy.tokens import Doc

        parts = _RUNS.split(text)  # chunk, whitespace, chunk, ..., chunk ('' at either end)
        words_of = self._words
        new = [p for p in dict.fromkeys(parts[0::2]) if p and p not in words_of]
        if new:  # a word of letters alone that is no special case ("gonna") is one token as it stands
            specials = self._special_chunks
            room = self.max_chunks - len(words_of)
            plain = [p for p in new if p.isalpha() and p not in specials][:max(room, 0)]
            if plain:
                words_of.update((p, (p,)) for p in plain)
                new = [p for p in new if p not in words_of]
        spill: dict[str, tuple[str, ...]] = {}
        if new:
            spill = self._learn(new)
        words: list[str] = []
        spaces: list[bool] = []
        norms: list[tuple[int, int]] = []
        norms_of = self._norms
        n = len(parts)
        for k in range(0, n, 2):  # a chunk, then the whitespace after it
            chunk = parts[k]
            if chunk:
                got = words_of.get(chunk) or spill[chunk]
                if chunk in norms_of:
                    norms.extend((len(words) + i, norm) for i, norm in norms_of[chunk])
                words += got
                spaces += [False] * len(got)
            if k + 1 == n:
                break
            space = parts[k + 1]
            if chunk and space[0] == " ":  # one space after a chunk is that token's trailing space
                spaces[-1] = True
                space = space[1:]
                if not space:
                    continue
            found = words_of.get(space) or spill.get(space)
            if found is None:  # a run of whitespace not seen before
                spill.update(self._learn([space]))
                found = words_of.get(space) or spill[space]
            got = found
            if space in norms_of:
                norms.extend((len(words) + i, norm) for i, norm in norms_of[space])
            words += got
            spaces += [False] * len(got)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT_KEY] = text
        if norms:
            from spacy.attrs import NORM

            array = doc.to_array([NORM])
            for i, norm in norms:
                array[i] = norm
            doc.from_array([NORM], array)  # type: ignore[arg-type]
        return doc

    def _learn(self, chunks: list[str]) -> dict[str, tuple[str, ...]]:
        """Tokenize unseen chunks in one call of spaCy's tokenizer (joined by single
        spaces, each splits as it would alone); returns those the memo had no room for."""
        doc = self.inner(" ".join(chunks))
        spill: dict[str, tuple[str, ...]] = {}
        k, last = 0, len(doc) - 1
        words: list[str] = []
        norms: list[tuple[int, int]] = []
        special = self._special_orths
        for i, token in enumerate(doc):
            if token.text in special and token.norm != token.lex.norm:
                norms.append((len(words), token.norm))
            words.append(token.text)
            if token.whitespace_ or i == last:
                chunk = chunks[k]
                got = (chunk,) if len(words) == 1 and words[0] == chunk else tuple(words)
                if len(self._words) < self.max_chunks:
                    self._words[chunk] = got
                    if norms:
                        self._norms[chunk] = tuple(norms)
                else:
                    spill[chunk] = got
                    if norms:  # rare enough (contractions) to keep regardless
                        self._norms[chunk] = tuple(norms)
                k, words, norms = k + 1, [], []
        if k != len(chunks):  # a special case across a space (never seen): learn them one by one
            for chunk in chunks:
                self._words.pop(chunk, None)
                spill.update(self._learn([chunk]))
                spill.setdefault(chunk, self._words.pop(chunk, (chunk,)))
        return spill

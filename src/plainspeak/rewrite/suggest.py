"""Make a lexicon alternative fit where the term stood: inflection and casing.

"utilized" -> "used", "facilitates" -> "helps", "modalities" -> "types of
treatment" (``type* of treatment``), "Utilize" -> "Use", "UTILIZE" -> "USE".
lemminflect does the English inflection (irregular forms included); it is
imported only when a matched word is not in its base form.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import grammar_words
from ..rules.lexicon import Entry
from .inflection_table import forms_by_tag, inflections, keeps_number

# Tags whose form we copy onto the alternative, in order of preference.
_TAG_ORDER = ("VBZ", "VBG", "VBD", "VBN", "NNS", "JJR", "JJS", "RBR", "RBS")


@lru_cache(maxsize=4096)
def _is_adverb(word: str) -> bool:
    """An -ly word with no verb reading ("successfully", "greatly"; not "apply":
    data/grammar.toml ``ly_verbs``)."""
    return word.endswith("ly") and len(word) >= 5 and word not in grammar_words("ly_verbs")


_NEGATIONS = frozenset(["not", "never"])


def verb_head(words: list[str]) -> int:
    """The verb of a verb phrase: its first word, past leading adverbs and "not"
    ("successfully complete", "greatly limit", "not accept": the second)."""
    for i, word in enumerate(words[:-1]):
        if not (_is_adverb(word.lower()) or word.lower() in _NEGATIONS):
            return i
    return len(words) - 1 if words and (_is_adverb(words[0].lower()) or words[0].lower() in _NEGATIONS) else 0


def head_index(words: list[str], pos: str) -> int:
    """Which word of a phrase takes the inflection: marked with ``*``, else the
    verb of a verb phrase, else the last word."""
    for i, word in enumerate(words):
        if word.endswith("*"):
            return i
    if pos == "verb":
        return verb_head(words)
    for k in range(1, len(words) - 1):  # "adult without dependents", "set of benefits"
        if words[k].lower() in _HEAD_BEFORE:
            return k - 1
    return len(words) - 1


# After these, an -ed form is a past participle: "was discharged", "has utilized".
AUXILIARIES = frozenset(
    ["be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m", "have", "has", "had", "having", "'ve", "'d", "get", "gets", "got", "gotten", "getting"]
)
# An -ed form after these is a participle with its subject left out: "when indicated",
# "unless otherwise indicated", "as indicated"; before these, one that describes the
# noun before it: "the reason indicated below".
# Not "once", "earlier" or "here": a subject may stand before them ("she once obtained",
# "we obtained earlier").
PARTICIPLE_LEAD_WORDS = frozenset(["as", "when", "if", "unless", "where", "than", "otherwise", "until"])
_PARTICIPLE_BEFORE = frozenset(["by", "below", "above", "herein"])
# A verb of its own right after an -ed form that follows a noun: the form describes
# that noun ("services rendered are due", "information previously submitted may" ->
# "given", not "gave"). After a subject pronoun ("the services we rendered are") it
# stays a past tense.
_FINITE_NEXT = frozenset(["are", "is", "was", "were", "will", "must", "may", "can", "should", "shall"])
_SUBJECTS = frozenset(["i", "you", "we", "they", "he", "she", "it", "who", "this", "that", "these", "those"])


@lru_cache(maxsize=4096)
def inflection_tag(form: str, lemma: str, pos: str, after_auxiliary: bool = False) -> str | None:
    """The Penn tag that turns ``lemma`` into ``form`` ("utilized", "utilize" -> VBD;
    after "was" or "has", VBN)."""
    form, lemma = form.lower(), lemma.lower()
    if form == lemma:
        return None
    table = forms_by_tag(lemma, pos)
    matching = [tag for tag, forms in table.items() if form in forms]
    # After "is" or "has" the form is a participle, also where the table lists a
    # regular verb's -ed form only as past tense ("is allotted": given, not gave).
    if after_auxiliary and ("VBN" in matching or ("VBD" in matching and "VBN" not in table)):
        return "VBN"
    for tag in _TAG_ORDER:
        if tag in matching:
            return tag
    if pos == "noun" and form.endswith("s") and not lemma.endswith("s"):
        return "NNS"
    return None


def a_noun_before(word: str) -> bool:
    """A word that can be the noun an -ed form describes ("services", "information"),
    not a subject pronoun ("we", "you") or a small word ("and", "has")."""
    return word.isalpha() and word not in _SUBJECTS and word not in AUXILIARIES and word not in _SMALL_BEFORE


_SMALL_BEFORE = frozenset(["and", "or", "but", "not", "to", "what", "which", "whom", "whose", "where", "when", "why"])


# Where lemminflect lists a rarer form first.
_PREFERRED = {("person", "NNS"): "people", ("wake", "VBN"): "woken", ("wake", "VBD"): "woke"}


@lru_cache(maxsize=4096)
def inflect(word: str, tag: str) -> str:
    preferred = _PREFERRED.get((word.lower(), tag))
    if preferred is not None:
        return match_case(preferred, word)
    forms = inflections(word, tag)
    return forms[0] if forms else word


_SMALL_WORDS = frozenset(["a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "with"])


_TITLE_SMALL = _SMALL_WORDS | {"without", "from", "into", "over", "than"}


def match_case(suggestion: str, matched: str) -> str:
    """Cased like the matched text: ALL CAPS stays caps, Title Case stays title
    case, a capital first letter stays."""
    if not suggestion:
        return suggestion
    letters = [ch for ch in matched if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return suggestion.upper()
    words = [w for w in matched.split() if w[:1].isalpha() and w.lower() not in _TITLE_SMALL]
    if len(words) > 1 and all(w[:1].isupper() for w in words):  # "Behavioral Health", "Adults without Dependents"
        return " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in suggestion.split())
    if matched[:1].isupper():
        return suggestion[0].upper() + suggestion[1:]
    return suggestion


def adapt(
    alternative: str,
    entry: Entry,
    head_form: str,
    head_lemma: str,
    matched: str,
    *,
    sentence_start: bool,
    previous_word: str = "",
    next_word: str = "",
) -> str:
    """One alternative made ready to paste in place of ``matched``.

    ``head_form``/``head_lemma`` are the text and lemma of the matched word
    that carries the term's inflection; ``previous_word`` is the word before
    the match and ``next_word`` the word after it (an auxiliary before or "by"
    after makes an -ed form a participle: "the results indicated by the test"
    -> "shown", not "showed").
    """
    words = alternative.split()
    if not words:
        return alternative
    i = head_index(words, entry.pos)
    words[i] = words[i].rstrip("*")
    if entry.pos:
        if words[i].lower() == head_lemma.lower():  # the same word ("be ... for"): keep its form
            words[i] = head_form
        else:
            # "was indicated", "as indicated", "indicated by": a participle ("shown")
            previous = previous_word.lower()
            participle = previous in AUXILIARIES or previous in PARTICIPLE_LEAD_WORDS or next_word.lower() in _PARTICIPLE_BEFORE \
                or (next_word.lower() in _FINITE_NEXT and a_noun_before(previous))
            tag = inflection_tag(head_form, head_lemma, entry.pos, participle)
            if tag is not None and not (tag == "NNS" and _keeps_its_number(words, i)):
                words[i] = inflect(words[i], tag)
                if tag == "NNS":
                    _agree_with_plural(words, i)
    elif entry.match == "exact" and head_form.endswith("s") and not entry.term.endswith("s") and not _keeps_its_number(words, i):
        words[i] = inflect(words[i], "NNS")
        _agree_with_plural(words, i)
    _last_word_as_matched(words, i, entry.term, matched)
    _not_without_do(words, i, previous_word)
    text = " ".join(words)
    first = matched.split()[0] if matched.split() else ""
    first = first.split("-")[0]  # "HIPAA-compliant": led by an acronym too
    led_by_an_acronym = entry.term.split()[0].split("-")[0].isupper() and len(first) > 1 and first.isupper() \
        and not matched.isupper()
    own_capital = entry.term[:1].isupper() and not matched.isupper()  # "a Good Samaritan law"
    if entry.match == "exact" or led_by_an_acronym or own_capital:
        # an acronym's or a name's capitals say nothing about the sentence ("our SMART goals")
        return text[0].upper() + text[1:] if sentence_start else text
    return match_case(text, matched)


def _not_without_do(words: list[str], head: int, previous_word: str) -> None:
    """"do* not come" in the -ing form is "not coming" ("failing to appear" -> not "doing
    not come"), and after a modal or "to" it is "not come" ("will fail to appear")."""
    if head + 2 >= len(words) or words[head + 1].lower() != "not" or words[head].lower() not in ("do", "doing"):
        return
    if words[head].lower() == "doing":
        words[head : head + 3] = ["not", inflect(words[head + 2], "VBG")]
    elif previous_word.lower() in _MODALS_AND_TO:
        del words[head]


_MODALS_AND_TO = frozenset(["will", "would", "can", "could", "may", "might", "must", "should", "shall", "to"])


def _last_word_as_matched(words: list[str], head: int, term: str, matched: str) -> None:
    """A phrase whose last word is the term's own keeps that word's form as written:
    "exercise your rights" -> "use your rights", not "use your right"."""
    term_words, said = term.lower().split(), matched.split()
    last = len(words) - 1
    if last == head or len(term_words) < 2 or len(said) != len(term_words) or words[last].lower() != term_words[-1]:
        return
    written = said[-1]
    if written.lower() != term_words[-1] and written.lower().rstrip("s") == term_words[-1].rstrip("s"):
        words[last] = written.lower() if words[last].islower() else written


def _keeps_its_number(words: list[str], i: int) -> bool:
    """A plural term need not make this word plural: it is a mass noun ("health
    care", "extra help"), already plural ("its suburbs") or no noun ("hard")."""
    return _keeps_number(words[i].lower(), " ".join(words[max(i - 1, 0) : i + 1]).lower())


@lru_cache(maxsize=4096)
def _keeps_number(word: str, pair: str) -> bool:
    return keeps_number(word, pair)


_VOICE_WORDS = {
    "you": "you", "your": "you", "yours": "you", "yourself": "you", "yourselves": "you",
    "we": "we", "us": "we", "our": "we", "ours": "we", "ourselves": "we",
}
_VOICE_PATTERN = re.compile(r"\b(?:" + "|".join(_VOICE_WORDS) + r")\b", re.IGNORECASE)
_POSSESSIVE_BEFORE = frozenset(["'s", "’s", "s'", "my", "his", "her", "its", "their", "our", "your", "the", "this", "that", "a", "an"])


_VOICE_MIN_WORDS = 40  # a shorter text ("Copays are $5.") says too little to tell whom it addresses


def voices_in(text: str) -> set[str]:
    """The voices ("you", "we") whose words the text uses."""
    seen: set[str] = set()
    for m in _VOICE_PATTERN.finditer(text):
        seen.add(_VOICE_WORDS[m.group().lower()])
        if len(seen) == 2:  # both: no need to read the rest of a long text
            break
    return seen


def text_voices(text: str) -> frozenset[str]:
    """"you" if the text addresses its reader, "we" if it speaks for a group; both
    for a text too short to tell."""
    found = frozenset(voices_in(text))
    if len(found) < 2 and len(text.split()) < _VOICE_MIN_WORDS:
        return frozenset({"you", "we"})
    return found


def fits_the_voice(suggestion: str, voices: frozenset[str], previous_word: str = "") -> bool:
    """A suggestion may say "you"/"your" only in a text that addresses its reader, and
    "we"/"our" only in one that speaks for a group; "your" cannot follow a determiner or
    a possessive ("a Veteran's your own statement")."""
    words = [w.lower() for w in re.findall(r"[A-Za-z']+", suggestion)]
    used = {_VOICE_WORDS[w] for w in words if w in _VOICE_WORDS}
    if not used <= voices:
        return False
    return not (words[:1] == ["your"] and previous_word.lower() in _POSSESSIVE_BEFORE)


_RELATIVES = frozenset(["who", "that", "which"])
_PLURAL_OF = {"is": "are", "was": "were", "has": "have", "does": "do"}


def _agree_with_plural(words: list[str], i: int) -> None:
    """The verb of a relative clause after a head made plural agrees with it:
    "person* who uses drugs" -> "people who use drugs"."""
    if i + 2 >= len(words) or words[i + 1].lower() not in _RELATIVES:
        return
    verb = words[i + 2]
    if verb.lower() in _PLURAL_OF:
        words[i + 2] = _PLURAL_OF[verb.lower()]
        return
    from ..pipeline.components.lemmatizer import lookup_lemma

    lemma = lookup_lemma(verb.lower())
    if lemma != verb.lower() and verb.lower() in inflections(lemma, "VBZ"):
        words[i + 2] = lemma


_HEAD_BEFORE = frozenset(["of", "to", "for", "in", "on", "with", "without", "at", "from"])


def _term_head(entry: Entry, words: list[str]) -> int:
    """Which word of the term carries its inflection: the first of a verb phrase, the
    one before a preposition in a noun phrase ("pathways to recovery"), else the last."""
    if entry.pos == "verb":
        return verb_head(words)
    for k in range(1, len(words) - 1):
        if words[k] in _HEAD_BEFORE:
            return k - 1
    return len(words) - 1


def matched_head(entry: Entry, token_texts: list[str], token_lemmas: list[str]) -> tuple[str, str]:
    """The matched word that carries inflection (see ``_term_head``)."""
    words = [(t, lem) for t, lem in zip(token_texts, token_lemmas) if any(ch.isalnum() for ch in t)]
    if not words:
        return "", ""
    term_words = entry.term.lower().split()
    if len(term_words) != len(words):  # "able-bodied adult": the hyphen's parts are tokens of their own
        parts = [w for w in re.split(r"[\s-]+", entry.term.lower()) if w]
        term_words = parts if len(parts) == len(words) else term_words
    one_word = " " not in entry.term.strip() and len(words) > 1
    if one_word:
        at = len(words) - 1  # one hyphenated word inflects at its end: "co-develops", "re-evaluated"
    else:
        at = _term_head(entry, term_words) if len(term_words) == len(words) else (0 if entry.pos == "verb" else len(words) - 1)
    form, lemma = words[at]
    if entry.match == "lemma" and entry.pos and lemma.lower() == form.lower():
        # A form the lookup table lacks ("handoffs" keeps its own text as lemma; it
        # matched through the term's inflections): inflect from the term's own word.
        head = term_words[-1] if one_word else term_words[_term_head(entry, term_words)]
        closed, last_part = head.replace("-", ""), head.rsplit("-", 1)[-1]
        lemma = closed if form.lower().startswith(closed) else last_part  # "copays"; "hand-offs" -> "off"
    return form, lemma


def is_intransitive(verb: str) -> bool:
    """A verb that takes no object ("participate"): a noun right after its -ing or
    -ed form is a noun the form describes ("participating projects")."""
    return verb.lower() in grammar_words("intransitive_verbs")


def takes_object_and_infinitive(phrase: str) -> bool:
    """A verb phrase that reads right before an object and "to" with a verb:
    "allow (you to leave)", not "approve (you to leave)"."""
    from ..pipeline.components.lemmatizer import lookup_lemma

    words = phrase.lower().split()
    if not words:
        return False
    head = lookup_lemma(words[0])
    known = grammar_words("object_infinitive_verbs")
    return head in known or " ".join([head, *words[1:2]]) in known


def head_noun(phrase: str) -> str:
    """The head of a noun phrase: its last word before a preposition, "and", a
    relative word, a determiner or an -ing word, past any participle ("money paid
    to you" -> "money", "person the child lives with" -> "person", "person getting benefits" -> "person",
    "mental health visit" -> "visit", "pros and cons" -> "pros")."""
    words = [w.strip("\"'()") for w in _before_a_stop(phrase)[0]]
    from ..pipeline.components.lemmatizer import lookup_lemma

    for k in range(1, len(words)):  # "person the child lives with": a clause begins at its determiner
        if words[k].lower() in _CLAUSE_DETERMINERS:
            del words[k:]
            break

    for k in range(1, len(words) - 1):  # "person getting benefits": the head comes before the -ing word
        if words[k].endswith("ing"):
            del words[k:]
            break
    while len(words) > 1 and (words[-1].endswith(("ed", "ing")) or _is_participle(words[-1], lookup_lemma)):
        words.pop()
    return words[-1] if words else ""


_CLAUSE_DETERMINERS = frozenset(["the", "a", "an", "your", "my", "his", "her", "their", "our", "its", "this", "these",
                                 "those"])


def _is_participle(word: str, lookup_lemma) -> bool:
    """An inflected form that is not a plural: "paid", "given", "done"."""
    lemma = lookup_lemma(word)
    return lemma != word and not word.endswith("s")


# A phrase that starts with one of these brings its own determiner: "a too much cost",
# "a your plan", "a some help" cannot be.
_NO_ARTICLE_BEFORE = frozenset(
    ["too", "much", "many", "more", "most", "less", "enough", "some", "any", "no", "another", "your", "their", "his", "her",
     "its", "our", "my", "the", "this", "that", "these", "those", "what", "how", "whether", "each", "every", "all",
     "who", "where", "when", "why", "one"]
)


def brings_its_own_determiner(phrase: str) -> bool:
    """A phrase that starts with its own determiner or article, or is a clause
    ("your plan", "a suitable job", "what you own"): none can follow another."""
    first = phrase.lower().split()[:1]
    return bool(first) and (first[0] in _NO_ARTICLE_BEFORE or first[0] in ("a", "an"))


def takes_no_article(phrase: str) -> bool:
    """A noun phrase whose head is plural or a mass noun: "pros and cons",
    "money paid to you by mistake", "daily tasks" (not "a mental health visit")."""
    mass = grammar_words("mass_nouns")
    lowered = phrase.lower()
    if lowered.split()[:1] and lowered.split()[0] in _NO_ARTICLE_BEFORE:  # "too much cost", "your own plan"
        return True
    if any(lowered == m or lowered.startswith(m + " ") for m in mass if " " in m):
        return True
    return head_noun(phrase) in mass or is_plural(phrase)


def needs_a_determiner(phrase: str) -> bool:
    """A phrase whose head is a singular count noun ("hospital stay", "shared
    housing database", "end"): it cannot stand bare, as "termination" or
    "HMIS" can ("whether termination is warranted", "entered into HMIS")."""
    import lemminflect

    words = phrase.lower().split()
    if not words or words[0] in _ARTICLES_AND_OWNERS or brings_its_own_determiner(phrase):
        return False
    mass = grammar_words("mass_nouns")
    modified = any(w.endswith("ing") and w not in mass for w in words[1:-1])  # "help getting services"
    head = words[-1] if fits_before_a_noun(phrase) and not modified else head_noun(phrase)
    if not head or head in grammar_words("mass_nouns") or phrase.lower() in grammar_words("mass_nouns") \
            or (head.endswith("ing") and head not in grammar_words("count_ing_nouns")) or is_plural(phrase):
        return False
    forms = lemminflect.getAllInflections(head, upos="NOUN")
    return "NNS" in forms and forms.get("NN", (head,))[0] == head


_ARTICLES_AND_OWNERS = frozenset(["a", "an", "the", "your", "my", "his", "her", "their", "our", "its", "this", "that"])


def is_plural(phrase: str) -> bool:
    """A noun phrase with a plural head: "pros and cons", "daily tasks"."""
    from ..pipeline.components.lemmatizer import lookup_lemma

    word = head_noun(phrase)
    head_words, stop = _before_a_stop(phrase)
    last = head_words[-1] if head_words else ""
    a_name = sum(w[:1].isupper() for w in phrase.split()) >= 2  # "Vulnerability Index and Service ... Tool"
    if word in _IRREGULAR_PLURALS or last in _IRREGULAR_PLURALS or (stop == "and" and not a_name):
        return True  # "young children", "X-rays and scans"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        lemma = lookup_lemma(word)
        return lemma != word and word.startswith(lemma[:-1])
    return False


def _before_a_stop(phrase: str) -> tuple[list[str], str]:
    """A phrase's words (lower case) before its first preposition, "and", relative
    word ..., and that stop word ("" if none)."""
    stops = grammar_words("not_before_a_noun")
    words = phrase.lower().replace(",", " ").split()
    for k, word in enumerate(words):
        if word in stops:
            return words[:k], word
    return words, ""


_IRREGULAR_PLURALS = frozenset(["people", "children", "men", "women", "feet", "teeth", "mice", "geese", "folks"])
SINGULAR_VERBS = frozenset(["is", "was", "has", "does", "isn't", "wasn't", "hasn't", "doesn't"])


PLURAL_VERBS = frozenset(["are", "were", "have", "do", "aren't", "weren't", "haven't", "don't"])


def agrees_with_verb(phrase: str, next_word: str, *, plural_term: bool = False) -> bool:
    """A plural phrase cannot stand before "is", "was", "has", "does"; where the term
    was plural, a singular one cannot stand before "are", "were" ... ("other financial
    resources are" -> not "other money are"; "savings and income are" fits)."""
    word = next_word.lower()
    if plural_term:
        return word not in PLURAL_VERBS or is_plural(phrase)
    return word not in SINGULAR_VERBS or not is_plural(phrase)


def stands_before_a_noun(next_word: str) -> bool:
    """The term is a modifier here: "the OBOT program", "your IOP group"."""
    return next_word.lower() in grammar_words("modifier_heads")


def fits_before_a_noun(phrase: str) -> bool:
    """Whether a phrase can stand before a noun: no preposition, "and" or possessive in it."""
    stops = grammar_words("not_before_a_noun")
    return not any(w in stops or w.endswith("'s") for w in phrase.lower().replace(",", " , ").split())


def as_modifier(phrase: str) -> str:
    """A plural phrase as it stands before a noun it describes, singular: "an SSI
    check" -> "a disability payment check", not "a disability payments check".
    Only the regular plural head of a short noun phrase is made singular; any other
    phrase is kept as it is."""
    from ..pipeline.components.lemmatizer import lookup_lemma

    words = phrase.split(" ")
    last = words[-1]
    if len(words) > 3 or words[0].lower().endswith("ing") or any(w.lower() in _ARTICLES_AND_OWNERS for w in words) \
            or not (last.islower() or (len(words) == 1 and last[1:].islower())) \
            or not is_plural(phrase) or head_noun(phrase) != last.lower().strip("\"'()"):
        return phrase  # "arranging services", "year your claim covers", "Adult Protective Services"
    word = last.lower()
    lemma = lookup_lemma(word)
    if word in grammar_words("plural_only_nouns") or word not in (lemma + "s", lemma + "es"):
        return phrase  # "clothes" is no "clothe", "papers" (documents) no "paper", "needs" no "need"
    return " ".join([*words[:-1], match_case(lemma, last)])


def post_modified(phrase: str) -> bool:
    """An -ing word after the phrase's first describes what came before it ("help
    getting services"): such a phrase cannot stand before a noun either."""
    return any(w.endswith("ing") for w in phrase.lower().split()[1:-1])


def with_article(suggestion: str, written: str, *, noun: bool = True) -> str:
    """``suggestion`` after the article ``written`` ("a", "An", ...) fixed to fit it:
    "a"/"an" by sound, or none before a plural or mass noun (then capitalised
    if the article was). ``noun=False`` (an adjective: "an evidence-based
    program" -> "a proven program"): by sound only."""
    from .edits import article_for

    own_determiner = bool(suggestion.split()) and suggestion.split()[0].lower() in (_NO_ARTICLE_BEFORE | _ARTICLES_AND_OWNERS)
    if own_determiner or (noun and takes_no_article(suggestion)):
        return suggestion[0].upper() + suggestion[1:] if written[:1].isupper() else suggestion
    first = suggestion.split()[0] if suggestion.split() else suggestion
    wanted = article_for(first.strip("\"'("))
    if written.isupper() and (len(written) == 2 or suggestion.isupper()):
        wanted = wanted.upper()
    elif written[:1].isupper():
        wanted = wanted.capitalize()
    return f"{wanted} {suggestion}"

"""The checks behind ``fits_in_place``: whether a swap reads right between its
neighbours. Each check is a pure predicate over a :class:`Swap`, named for what it
refuses; ``check`` still offers the words, but ``fix`` makes no edit one refuses.

Loaded by ``fits_in_place`` on its first call, with the lemmatizer (spaCy); lemminflect
is imported only by the checks that need it, when they are reached."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from ..datafiles import grammar_words
from ..pipeline.components.lemmatizer import lookup_lemma
from ..report import Finding
from .neighbours import (
    _BARE_OK,
    _NEXT_WORD,
    _SMALL_WORDS,
    _TOKEN,
    _WORD,
    _speaks_to_the_reader,
    _starts_a_clause,
    _word_after,
    _words_before,
    acronym_in_capitals,
    in_a_name,
    repeats_a_neighbour,
)
from .suggest import (
    AUXILIARIES,
    PARTICIPLE_LEAD_WORDS,
    SINGULAR_VERBS,
    a_noun_before,
    brings_its_own_determiner,
    fits_before_a_noun,
    inflect,
    is_intransitive,
    is_plural,
    needs_a_determiner,
    post_modified,
    stands_before_a_noun,
    takes_object_and_infinitive,
)

_PARTICLES = frozenset(["out", "up", "off", "on", "down", "back", "over", "away", "in", "through", "again"])
_OBJECT_PRONOUNS = frozenset(["them", "it", "him", "her", "us", "you", "me", "this", "that"])
# What "make sure" can be followed by: a clause ("make sure that ...", "make sure you ...");
# "ensure access" has an object, which "make sure" cannot take.
_STARTS_A_CLAUSE = frozenset(["that", "you", "we", "they", "he", "she", "it", "i", "everyone", "everybody",
                              "someone", "nobody", "no", "people", "patients", "clients", "each", "all", "there"])
# Words that start an object or end a clause after a verb: "kept up the effort", "held back
# 10 percent" (a number is no word here), "was kept up by"; any other word may be the noun a
# participle describes ("sustained recovery").
_STARTS_AN_OBJECT = frozenset(["the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
                               "our", "your", "my", "it", "them", "him", "us", "you", "me", "all", "some", "any",
                               "each", "every", "no", "by", "to", "in", "on", "at", "for", "with", "from", "and",
                               "or", "but", "as", "until", "when", "if", "because", "so", "while", "after",
                               "before", "since", "than", "through", "over", "under", "into", "about"])
# After an -ed form, these start the phrase of a participle that describes a noun
# ("records obtained from the clinic"); before it, these are the subject of a past
# tense ("she obtained from them"). Between the two the form is unclear.
_AFTER_A_PARTICIPLE = frozenset(["from", "to", "in", "on", "at", "for", "with", "through", "via", "under", "during",
                                 "into", "within", "as", "since", "until", "over", "across", "per"])
_BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "am"])
_COMPARATIVES = frozenset(["more", "less", "most", "least"])
_TIME_WORDS = frozenset(["then", "also", "later", "again", "now", "soon", "once", "still", "never", "first", "last"])
_GERUND_HEADS = frozenset(["being", "having", "getting"])  # "being asked to leave": never after "a" or "the"
_LINKING = frozenset(["stay", "stays", "stayed", "staying", "remain", "remains", "remained", "remaining", "become",
                      "becomes", "became", "becoming", "seem", "seems", "seemed", "feel", "feels", "felt", "appear",
                      "appears", "appeared"])
_SUBJECTS = frozenset(["i", "you", "he", "she", "we", "they", "it", "who", "which", "that"])
_THEIRS_BEFORE = re.compile(r"\w['’]s(?:[ \t]+[\w-]+){0,2}[ \t]+$")  # "the patient's (new) ..." right before
_ENDS_A_SENTENCE = re.compile(r"[ \t]*(?:[.;:!?)\]]|$)", re.MULTILINE)
_ENDS_HERE = re.compile(r"[ \t]*(?:[.,;:!?)\]]|$)", re.MULTILINE)  # nothing follows in the clause
_DETERMINERS = frozenset(["the", "a", "an", "your", "my", "his", "her", "their", "our", "its", "this", "that", "these",
                          "those", "other", "another", "any", "some", "no", "each", "every"])
_HELP_FORMS = frozenset(["help", "helps", "helped", "helping"])
_ING_NOUNS = frozenset(["housing", "building", "funding", "clothing", "meeting", "hearing", "nursing", "parking",
                        "boarding", "lodging", "evening", "morning", "thing", "something", "anything", "nothing",
                        "everything", "spring", "string", "ceiling", "wedding", "setting", "bedding", "dressing"])
_IN_A_GERUND = re.compile(r"[^.;:!?\n]*?[ \t]in[ \t]+([a-z]+ing)\b")  # "consumers in understanding", not "in housing court"
# Before a noun, never a verb: articles and possessives ("this", "each", "her" and the like
# may stand before a verb: "This ensures", "Each receives", "let her go")
_NOUN_DETERMINERS = frozenset(["the", "a", "an", "your", "my", "his", "their", "our", "its", "every", "no"])
_WHEN = frozenset(["today", "tomorrow", "tonight", "yesterday", "now", "soon", "later", "again"])  # nouns as adverbs
_DIAGNOSIS_CODE_BEFORE = re.compile(r"\b[A-Z]\d\d(?:\.\d{1,4})?\b[^.;:()\n]{0,30}$")  # "F33.1, recurrent"
_NAMED_BEFORE = re.compile(r"\b(?:called|named|known[ \t]+as|(?:we|they|people|some|you)[ \t]+call)(?:[ \t]+(?:a|an|the))?[ \t]+$", re.IGNORECASE)
_LEVEL_BEFORE = re.compile(r"\b[Ll]evel[ \t]+(?:\d+(?:\.\d+)?|[IVX]+)[ \t]+$")
_CODE_AFTER = re.compile(r"[ \t]*(?:-[ \t]*)?\d")  # a number or edition follows: "DSM 5", "PSS - 103"
_OR_ACRONYM = re.compile(r",?[ \t]+or[ \t]+[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b")  # "prophylaxis or PREP"
_TO_THEN_WORD = re.compile(r"[ \t]+to[ \t]+([A-Za-z]+)")
_SOON_TO = re.compile(r"(?:[ \t]+[A-Za-z][A-Za-z'-]*){0,5}?[ \t]+to[ \t]+([A-Za-z]+)")
# an object of one to six words (an acronym in brackets among them), then "to" and a
# word: "the family to begin", "the Department of Human Services (DHS) to collect"
_OBJECT_THEN_TO = re.compile(r"(?:[ \t]+[(]?[A-Za-z][A-Za-z'-]*[)]?){1,6}?[ \t]+to[ \t]+([A-Za-z]+)")
_LABELS = frozenset(["section", "box", "column", "line", "part", "page", "form", "tab", "field"])
# "residence (where you live)": an explanation in brackets, not a pointer or an aside ("(see page 2)")
_GLOSS_AFTER = re.compile(r"[ \t]*\([ \t]*(?!(?:see|page|pages|p|pp|e\.g|eg|etc|including|if|or|and|optional|required|"
                          r"attached|enclosed|below|above|if applicable)\b)(?:[a-z]|that is\b|i\.e\.)")
_OBJECT_THEN_OF = re.compile(r"[ \t]+(?:[A-Za-z'-]+[ \t]+){1,3}of\b")  # "(inform) all individuals of"
_LIST_NEXT = re.compile(r"[ \t]*(?:,|and\b|or\b)")
_MODALS = frozenset(["can", "could", "may", "might", "must", "shall", "should", "will", "would"])
_HELP = frozenset(["help", "helps", "helped", "helping"])
_ACRONYM_LIST_NEXT = re.compile(r"[ \t]*,[ \t]*[A-Z][A-Z0-9&]*[A-Z0-9]\b")  # "SSI(, SSDI)"

# A swap ending in one of these stood for a "to" that was a preposition ("prior to use" -> "before use")
_TO_AS_PREPOSITION = frozenset(["before", "after", "about", "on", "for", "by", "under", "from", "of", "with", "than"])
_ING_PREPOSITIONS = frozenset(["during", "including", "regarding", "concerning", "following", "according", "pending"])
_AFTER_A_GERUND = frozenset(["", "as", "at", "with", "in", "on", "and", "or", "when", "if", "until", "after", "before",
                             "to", "every", "each", "around"])
_PERSONAL_OBJECTS = frozenset(["everyone", "everybody", "you", "him", "her", "them", "us", "me"])  # "ensure everyone a ..."
# the sentence's verb after a noun phrase of a few words: "Attempts to override the dose can be risky"
_VERB_LATER = re.compile(r"[^.;:!?\n]{0,60}?\b(?:can|could|may|might|must|should|will|would|is|are|was|were|has|have|do|"
                         r"does|did|often|usually|never|[a-z]+ed)\b", re.IGNORECASE)
# Words that describe the label a person-first phrase replaces, and cannot stand before "people".
_PERSON_MODIFIERS = frozenset(["past", "former", "current", "young", "younger", "older", "active", "recent", "regular",
                               "heavy", "chronic", "new", "ex", "state", "county", "federal", "local", "licensed"])
_PREPOSITIONS = frozenset(["to", "into", "from", "with", "for", "of", "on", "onto", "in", "at", "about", "by"])
_DO = frozenset(["do", "does", "did", "don't", "doesn't", "didn't"])  # "Do you have the ability to": not "Do you can"
# After these a verb stands bare, and a modal cannot: "do not can", "to can", "will can".
_BEFORE_A_BARE_VERB = _MODALS | _DO | frozenset(["not", "to", "never", "won't", "cannot", "can't", "wouldn't", "shouldn't",
                                                 "couldn't", "mustn't"])


def _second_word_after(text: str, at: int) -> str:
    """The word after the next one: "(ensure) everyone a", "(assist) ambulating as"."""
    match = _NEXT_WORD.match(text, at)
    return _word_after(text, match.end()) if match else ""


_ADVERB_AFTER = re.compile(r"[ \t]+(?:also|often|usually|always|never|still|only|just|[a-z]+ly)\b(?=[ \t])")
_VERB_S = re.compile(r"[ \t]+([a-z]+s|doesn't|isn't|wasn't|hasn't)\b")


def _singular_verb_after(text: str, at: int) -> bool:
    """A verb in the singular comes next, past adverbs: "visitation also creates"."""
    while match := _ADVERB_AFTER.match(text, at):
        at = match.end()
    verb = _VERB_S.match(text, at)
    if verb is None:
        return False
    import lemminflect

    word = verb.group(1)
    if word in SINGULAR_VERBS:  # "imaging was done" -> not "scans was done"
        return True
    return word in lemminflect.getAllInflections(lookup_lemma(word), upos="VERB").get("VBZ", ())


def _plural_noun_next(text: str, at: int) -> bool:
    """The noun the term describes is plural: "(excessive) fees", "(excessive) late fees";
    not "(excessive) sugar raises", "(excessive) bleeding means"."""
    word = _word_after(text, at).lower()
    if word and not word.endswith("ing") and not _may_be_noun(word) and _NEXT_WORD.match(text, at):
        word = _second_word_after(text, at).lower()  # past one describing word: "late fees"
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and lookup_lemma(word) != word


def _stops(word: str) -> bool:
    return lookup_lemma(word.lower()) in grammar_words("not_before_to_infinitive")


def _verb_after_to(text: str, end: int) -> bool:
    """ "to" and then a verb after the term: "(ceasing) to be covered"."""
    m = _TO_THEN_WORD.match(text, end)
    return m is not None and m.group(1).lower() not in _STARTS_AN_OBJECT and not _is_noun(m.group(1))


def _object_and_infinitive(text: str, end: int, *, any_object: bool = False) -> bool:
    """An object that is a person and "to" with a verb after the term: "(authorizes)
    the family to begin"; with a thing, "to" is usually purpose ("uses a method to
    address"). ``any_object``: the term is a verb that takes the frame whatever its
    object ("authorized VA to develop")."""
    m = _OBJECT_THEN_TO.match(text, end)
    if m is None:
        return False
    object_words = [w.lower() for w in text[end : m.start(1)].split()[:-1]]
    verb = m.group(1).lower()
    agent = any_object or lookup_lemma(object_words[-1]) in grammar_words("people_nouns")
    return object_words[0] not in grammar_words("not_before_a_noun") \
        and agent and verb not in _STARTS_AN_OBJECT and not _is_noun(verb)


def _passive(before: list[str]) -> bool:
    """A form of "be" right before, or before one -ly word: "is (generally) aligned"."""
    return bool(before) and (before[-1] in _BE or (len(before) > 1 and before[-1].endswith("ly") and before[-2] in _BE))


def _past_not_participle(word: str) -> bool:
    """A past tense whose participle differs: "got" (gotten), "showed" (shown)."""
    form = word.lower()
    lemma = lookup_lemma(form)
    return lemma != form and inflect(lemma, "VBD") == form and inflect(lemma, "VBN") != form


def _bare_verb(word: str, *, mostly: bool = False) -> bool:
    """A verb's base form with no noun reading ("receive", not "care" or "benefits"),
    or, with ``mostly``, one that is mostly a verb (``mostly_verbs``: "take", "ask")."""
    import lemminflect

    low = word.lower()
    readings = lemminflect.getAllInflections(low)
    return low in readings.get("VB", ()) and ((mostly and low in grammar_words("mostly_verbs"))
                                             or not any(tag.startswith("NN") for tag in readings))


def _is_noun(word: str) -> bool:
    """A word that can only be, or is most likely, a noun (no verb or adjective reading)."""
    import lemminflect

    readings = lemminflect.getAllInflections(lookup_lemma(word.lower()))
    return any(tag.startswith("NN") for tag in readings) and not any(tag.startswith(("VB", "JJ")) for tag in readings)


# Function words that have noun readings too ("will", "can"): never the noun a phrase describes.
_FUNCTION_WORDS = _BE | _SUBJECTS | frozenset(["will", "can", "may", "must", "might", "should", "would", "could", "shall",
                                               "do", "does", "did", "has", "have", "had", "to", "this", "these", "those",
                                               "its", "them", "not", "no", "so", "as", "than", "then", "there", "here",
                                               "whom", "what", "when", "where", "why", "how", "all", "any", "each", "some",
                                               "every"])


def _one_syllable(word: str) -> bool:
    from ..text.syllables import count_syllables

    return count_syllables(word) == 1


def _a_line_of_its_own(text: str, finding: Finding) -> bool:
    start = text.rfind("\n", 0, finding.start) + 1
    end = text.find("\n", finding.end)
    line = text[start : len(text) if end < 0 else end]
    return len(finding.text) > 5 and line.strip(" \t:.-") == finding.text


def _may_be_noun(word: str) -> bool:
    """A content word with a noun reading ("skills", "amount", "grant"), not a
    function word ("will", "can" have noun readings too)."""
    import lemminflect

    low = word.lower()
    return low not in _FUNCTION_WORDS and low not in _SMALL_WORDS and any(tag.startswith("NN") for tag in lemminflect.getAllInflections(lookup_lemma(low)))


@dataclass
class Swap:
    """One swap and its neighbours, read once for all the checks, which only read it.
    Not frozen: a frozen dataclass's ``__init__`` costs more than the checks save
    (fits_in_place runs ~126,000 times on 1M words)."""

    text: str
    finding: Finding
    replacement: str
    words: list[str]  # the swap's words: "make", "sure"
    said: list[str]  # the swap's words and numbers in lower case
    term_words: list[str]  # the term's words as written
    before: list[str]  # up to three words right before the term on its line, in lower case
    after: str  # the word right after the term, as written ("" if none)
    after_lower: str  # ... in lower case
    acronym: bool  # a word of the term in capitals: "IOP", "an ROI", "DSM"
    verb: bool
    noun: bool
    to_reader: bool | None

    @classmethod
    def of(cls, text: str, finding: Finding, replacement: str, words: list[str], *,
           verb: bool, noun: bool, to_reader: bool | None) -> Swap:
        term_words = _WORD.findall(finding.text)
        after = _word_after(text, finding.end)
        return cls(text, finding, replacement, words, [w.lower() for w in _TOKEN.findall(replacement)], term_words,
                   [w.lower() for w in _words_before(text, finding.start)], after, after.lower(),
                   any(len(w) > 1 and w.isupper() for w in term_words), verb, noun, to_reader)

    @cached_property
    def plural_swap(self) -> bool:
        """A plural for a singular ("visits" for "visitation"); worked out (a lemma
        lookup) only when a check first asks."""
        return is_plural(self.replacement) and not is_plural(self.finding.text)


# Each check below is a pure predicate over a Swap: True refuses the swap. They run in the
# order of _CHECKS (so an expensive one, which may load lemminflect, runs only where the
# checks before it let the swap through); the order changes the speed, never the answer.

# --- A name, a label, a code, a heading: the writer's words stand there.


def inside_a_name(s: Swap) -> bool:
    """A term in a name: "SSA-3373: Function Report", "the Peer Support Program", "CoC Program-funded"."""
    return in_a_name(s.text, s.finding.start, s.finding.end, s.finding.term)


def inside_a_compound(s: Swap) -> bool:
    """A word of a compound: "a non-comprehensive list" -> not "a non-full list"."""
    return s.text[s.finding.start - 1 : s.finding.start] == "-" or s.text[s.finding.end : s.finding.end + 1] == "-"


def beside_a_slash(s: Swap) -> bool:
    """One of a pair: "SSI/SSDI" would read "(SSI)/SSDI"; "individuals/households" -> not "people/households"."""
    return "/" in (s.text[s.finding.start - 1 : s.finding.start], s.text[s.finding.end : s.finding.end + 1])


def a_label_code_or_long_form(s: Swap) -> bool:
    """A label's or code's words, a long form before "or" and its acronym: "the budget calculation section", "PSS - 103", "DSM 5", "prophylaxis or PREP"."""
    return bool(s.after_lower in _LABELS or (s.acronym and _CODE_AFTER.match(s.text, s.finding.end))
                or _OR_ACRONYM.match(s.text, s.finding.end))


def a_heading_in_capitals(s: Swap) -> bool:
    """A heading in capitals: "NOTICE OF DECISION", "DISQUALIFICATION"."""
    return s.finding.text.isupper() and (" " in s.finding.text.strip() or _a_line_of_its_own(s.text, s.finding))


def in_a_diagnosis_label(s: Swap) -> bool:
    """A word of an ICD or DSM code's label: "F33.1, recurrent, moderate"."""
    return _DIAGNOSIS_CODE_BEFORE.search(s.text, max(0, s.finding.start - 40), s.finding.start) is not None


def names_a_level_of_care(s: Swap) -> bool:
    """An acronym in the name of a level of care: "Level 1 OTP", "Level 2.1 IOP"."""
    return s.finding.text.isupper() and _LEVEL_BEFORE.search(s.text, max(0, s.finding.start - 20), s.finding.start) is not None


def named_right_before(s: Swap) -> bool:
    """The text names the term there: "a person called a discharge planner", "what we call the intake assessment"."""
    return _NAMED_BEFORE.search(s.text, max(0, s.finding.start - 40), s.finding.start) is not None


# --- What stands right next to it.


def repeats_the_word_next_to_it(s: Swap) -> bool:
    """The swap starts or ends with its neighbour: "an intermediary between" -> not "a go-between between"."""
    before, said = s.before, s.said
    return any(before[-k:] == said[:k] for k in range(1, min(3, len(before), len(said)) + 1)) \
        or s.after_lower in (said[-1], said[-1].rpartition("-")[2])


def explained_in_brackets(s: Swap) -> bool:
    """The writer explains the term in brackets right after it: "your residence (where you live or stay)"."""
    return _GLOSS_AFTER.match(s.text, s.finding.end) is not None


def a_comma_into_a_list(s: Swap) -> bool:
    """A phrase with a comma in a list: "child safety, permanency and well-being" -> not "a stable, lasting home and well-being"."""
    return "," in s.replacement and bool(s.text[s.finding.start - 2 : s.finding.start].strip() == ","
                                         or _LIST_NEXT.match(s.text, s.finding.end)
                                         or (s.before and s.before[-1] in ("and", "or")))


# --- A plural for a singular term.


def plural_before_a_singular_verb(s: Swap) -> bool:
    """A plural before a verb in the singular: "Visitation also creates" -> not "Visits also creates"."""
    return s.noun and s.plural_swap and _singular_verb_after(s.text, s.finding.end)


def plural_before_the_noun_it_describes(s: Swap) -> bool:
    """A plural before the noun a singular term describes: "a visitation schedule" -> not "visits schedule", "visitation orders" -> not "visits orders"."""
    return s.noun and s.plural_swap and s.after[:1].islower() and s.after_lower not in _WHEN \
        and (stands_before_a_noun(s.after) or _is_noun(s.after))


def plural_after_a_singular_verb(s: Swap) -> bool:
    """A plural after a verb in the singular: "there is no visitation" -> not "there is no visits"."""
    before = s.before
    return s.plural_swap and bool(before) and (
        before[-1] in SINGULAR_VERBS or (len(before) > 1 and before[-2] in SINGULAR_VERBS and before[-1] in ("no", "any")))


# --- A verb's frame: its object, its preposition, its form.


def tell_before_an_object_and_of(s: Swap) -> bool:
    """"tell" before an object and "of": "inform you of the steps" -> not "tell you of the steps"."""
    return s.said[-1] in ("tell", "tells", "told", "telling") and _OBJECT_THEN_OF.match(s.text, s.finding.end) is not None


def an_adverb_of_several_words_before_a_verb_form(s: Swap) -> bool:
    """"after initially reporting" -> not "after at first reporting" ("first" fits)."""
    after = s.after
    return len(s.term_words) == 1 and s.term_words[0].lower().endswith("ly") and len(s.words) > 1 and bool(s.before) \
        and not _starts_a_clause(s.text, s.finding.start) and after[:1].islower() \
        and s.after_lower.endswith(("ing", "ed")) and len(after) > 4


def a_phrasal_verb_before_a_passives_by(s: Swap) -> bool:
    """"if accompanied by form G-1450" -> not "if gone with by"."""
    return s.verb and s.finding.text.lower().endswith("ed") and s.after_lower == "by" and len(s.words) > 1 \
        and not fits_before_a_noun(s.words[-1])


def a_verb_before_its_nouns_preposition(s: Swap) -> bool:
    """A one-word verb for a verb and noun: "provides assistance for clients", "made payments required by" -> not "helps for", "paid required by"."""
    term_words = s.term_words
    return s.verb and len(s.words) == 1 and len(term_words) > 1 and (s.after_lower == "for" or s.after_lower.endswith("ed")) \
        and fits_before_a_noun(term_words[-1]) and term_words[-1].lower() not in _SMALL_WORDS


def a_phrase_for_an_ing_word_that_describes(s: Swap) -> bool:
    """An -ing word describing a noun: "their accompanying children" (an adjective) -> not "their going with children"."""
    before, after = s.before, s.after
    return s.verb and s.finding.text.lower().endswith("ing") and len(s.words) > 1 and bool(
        (before and before[-1] in _DETERMINERS) or (after[:1].islower() and _may_be_noun(after)))


def people_after_the_labels_modifier(s: Swap) -> bool:
    """"people ..." after a word that described the label: "past injection drug users" -> not "past people injecting drugs"."""
    return s.said[0] in ("people", "person", "persons") and bool(s.before) and s.before[-1] in _PERSON_MODIFIERS


def drops_the_to_of_a_verb(s: Swap) -> bool:
    """"entitled to receive" -> not "owed receive" ("prior to use" -> "before use" stands)."""
    said = s.said
    return s.term_words[-1].lower() == "to" and said[-1] != "to" \
        and _bare_verb(s.after, mostly=said[-1] not in _TO_AS_PREPOSITION)


def a_preposition_before_another(s: Swap) -> bool:
    """"never re-enter into" -> not "never return to into"."""
    return s.said[-1] in _PREPOSITIONS and s.after_lower in _PREPOSITIONS


def gotten_after_be(s: Swap) -> bool:
    """"information can be obtained" -> not "can be gotten"."""
    before = s.before
    return s.said[0] in ("gotten", "got") and bool(before) and (
        before[-1] in _BE or (len(before) > 1 and before[-2] in _BE and before[-1].endswith("ly")))


def a_modal_where_a_bare_verb_stands(s: Swap) -> bool:
    """"do not have the ability to" -> not "do not can"; "will be able to" -> not "will can"."""
    before = s.before
    return s.said[0] in _MODALS and bool(before) and (
        before[-1] in _BEFORE_A_BARE_VERB or before[-1].endswith(("'ll", "\u2019ll")) or any(w in _DO for w in before[-3:]))


def a_passive_of_a_phrasal_verb(s: Swap) -> bool:
    """A phrasal verb that has no passive: "are manifested in" -> not "are shown up in"."""
    words = s.words
    return s.verb and len(words) == 2 and _passive(s.before) \
        and f"{lookup_lemma(words[0].lower())} {words[-1].lower()}" in grammar_words("no_passive_phrasal_verbs")


def not_after_be(s: Swap) -> bool:
    """"will be ineligible for" -> not "will be not able to get"."""
    return bool(s.before) and s.before[-1] == "be" and s.said[0] == "not"


def so_at_a_clauses_end(s: Swap) -> bool:
    """"penalized accordingly." -> not "penalized so."."""
    return s.said == ["so"] and _ENDS_A_SENTENCE.match(s.text, s.finding.end) is not None


def too_much_before_a_plural(s: Swap) -> bool:
    """"excessive late fees" -> not "too much late fees"."""
    return s.said[:2] == ["too", "much"] and _plural_noun_next(s.text, s.finding.end)


def always_at_a_clauses_end(s: Swap) -> bool:
    """"must be followed at all times." -> not "must be followed always."."""
    return s.said == ["always"] and _ENDS_HERE.match(s.text, s.finding.end) is not None


def help_before_a_gerund_that_ends_its_phrase(s: Swap) -> bool:
    """"assist ambulating as tolerated" -> not "help ambulating" ("help working families" stands)."""
    after = s.after_lower
    return s.said[-1] in _HELP and after.endswith("ing") and after not in _ING_PREPOSITIONS \
        and _second_word_after(s.text, s.finding.end).lower() in _AFTER_A_GERUND


def help_before_in_and_a_gerund(s: Swap) -> bool:
    """"assist consumers in understanding" -> not "help consumers in understanding":
    the verb "help" takes a bare verb, and "in" would have to go too. Read to the
    clause's end, however long the object (a neighbour spelled out stays in it)."""
    if not (s.verb and s.said[0] in _HELP_FORMS):
        return False
    m = _IN_A_GERUND.match(s.text, s.finding.end, s.finding.end + 120)
    return m is not None and _a_gerund(m.group(1))


def _a_gerund(word: str) -> bool:
    """An -ing form of a verb, not a noun in -ing ("in housing court", "in the evening")."""
    import lemminflect

    return word not in _ING_NOUNS and bool(lemminflect.getAllLemmas(word, upos="VERB"))


def make_sure_before_two_objects(s: Swap) -> bool:
    """"ensure everyone a safe home" (two objects) -> not "make sure everyone a safe home"."""
    return s.words[-1].lower() == "sure" and s.after_lower in _PERSONAL_OBJECTS \
        and _second_word_after(s.text, s.finding.end).lower() in ("a", "an", "the")


def a_noun_at_a_sentences_start(s: Swap) -> bool:
    """A noun that looks like a verb: "Attempts to override the dose can ..." -> not "Tries to ..." ("Monitors blood pressure daily." is a list's verb)."""
    return s.verb and s.finding.text[:1].isupper() and s.term_words[0].lower().endswith("s") \
        and not s.term_words[0].lower().endswith("ss") and _starts_a_clause(s.text, s.finding.start) \
        and _may_be_noun(s.term_words[0]) and _VERB_LATER.match(s.text, s.finding.end) is not None


# --- Acronyms and the neighbours' words.


def in_a_list_of_acronyms(s: Swap) -> bool:
    """"SSI, SSDI, TANF": the list's later acronyms are not flagged, so a second run would be."""
    return s.finding.text.isupper() and _ACRONYM_LIST_NEXT.match(s.text, s.finding.end) is not None


def an_acronym_on_a_line_in_capitals(s: Swap) -> bool:
    """"JOHN SMITH'S SSI WILL STOP": a spelled-out phrase would break the line of capitals."""
    return acronym_in_capitals(s.text, s.finding)


def says_what_a_neighbour_says(s: Swap) -> bool:
    """``repeats_a_neighbour``: "help with assistance" -> not "help with help"."""
    return repeats_a_neighbour(s.text, s.finding, s.replacement)


# --- Objects, prepositions and clauses after the swap.


def stop_before_to_and_a_verb(s: Swap) -> bool:
    """``not_before_to_infinitive``: "ceasing to be covered" -> not "stopping to be covered"."""
    return s.verb and s.after_lower == "to" and _stops(s.words[0]) and _verb_after_to(s.text, s.finding.end)


def a_particle_before_its_pronoun(s: Swap) -> bool:
    """A phrasal verb before its pronoun object: not "carry out them"."""
    return s.words[-1].lower() in _PARTICLES and s.after_lower in _OBJECT_PRONOUNS


def a_noun_before_a_pronoun_object(s: Swap) -> bool:
    """A phrase ending in a noun before a pronoun object: "implement them" -> not "put in place them"."""
    words = s.words
    return s.verb and len(words) > 1 and s.after_lower in _OBJECT_PRONOUNS and words[-1].lower() != "sure" \
        and fits_before_a_noun(words[-1])


def make_sure_before_an_object(s: Swap) -> bool:
    """"make sure" takes a clause: "ensure access to care" cannot become "make sure access to care"."""
    return s.words[-1].lower() == "sure" and s.after_lower not in _STARTS_A_CLAUSE


def repeats_its_preposition(s: Swap) -> bool:
    """"disenrollments from Medicaid" -> not "removals from the plan from Medicaid"."""
    return len(s.words) > 1 and s.after_lower in s.said[1:] and not fits_before_a_noun(s.after)


def a_preposition_with_nothing_after_it(s: Swap) -> bool:
    """"their intent to vacate." -> not "to move out of."."""
    return _ENDS_HERE.match(s.text, s.finding.end) is not None and not fits_before_a_noun(s.said[-1]) \
        and fits_before_a_noun(s.term_words[-1].lower())


def you_where_the_sentence_does_not_speak_to_you(s: Swap) -> bool:
    """"the patient's discharge plan" -> not "the patient's plan for after you leave"; "you" only where the sentence speaks to the reader."""
    return ("you" in s.said or "your" in s.said) and (
        _THEIRS_BEFORE.search(s.text, max(0, s.finding.start - 60), s.finding.start) is not None
        or not (_speaks_to_the_reader(s.text, s.finding) if s.to_reader is None else s.to_reader))


# --- Determiners, possessives and what comes before the swap.


def a_possessive_of_no_head(s: Swap) -> bool:
    """"the claimant's eligibility" -> not "the person making the claim's eligibility" (nor "you's")."""
    said = s.said
    possessive = s.finding.text.lower().endswith(("'s", "’s")) or s.text.startswith(("'s", "’s"), s.finding.end)
    modified = any(w.endswith(("ing", "ed")) for w in said[1:-1])  # "person making the claim": its head is not last
    return possessive and (modified or not fits_before_a_noun(s.replacement.lower()) or said[-1] in _SUBJECTS
                           or said[-1] in _OBJECT_PRONOUNS)


def a_plural_possessive_without_its_s(s: Swap) -> bool:
    """"individuals' rights" -> not "people' rights", and "addicts' families" -> not
    "people who use drugs' families": a plural's bare apostrophe needs one plural word
    ending in s to stand on."""
    term, after = s.finding.text, s.text[s.finding.end : s.finding.end + 2]
    if term[-1:] not in ("s", "S") or after[:1] not in ("'", "’") or after[1:2].isalpha():
        return False  # no plural possessive: a closing quotation mark, or "'s"
    return len(s.said) > 1 or not s.replacement.endswith("s")


def one_syllable_after_more(s: Swap) -> bool:
    """"a more robust program" -> not "a more strong program"."""
    return bool(s.before) and s.before[-1] in ("more", "most") and len(s.said) == 1 and _one_syllable(s.said[0])


def after_self(s: Swap) -> bool:
    """"self discloses" (a compound written open) -> not "self shares"."""
    return bool(s.before) and s.before[-1] == "self"


def an_ing_word_after_an_article(s: Swap) -> bool:
    """"the provision of services" -> not "the providing services"; "a dismissal from"
    -> not "a being removed from" (round s31)."""
    return bool(s.before) and s.before[-1] in ("the", "a", "an") and s.said[0].endswith("ing") and len(s.said[0]) > 4 \
        and ((len(s.term_words) > 1 and s.term_words[-1].lower() == "of") or s.said[0] in _GERUND_HEADS)



def a_verb_after_a_determiner(s: Swap) -> bool:
    """"the mandates of the court" -> not "the requires of the court": after a
    determiner a verb entry's word is a noun (a participle, "the mandated training",
    still takes the verb's swap)."""
    word = s.finding.text.lower()
    return s.verb and bool(s.before) and not word.endswith(("ed", "ing", "en")) and (
        s.before[-1] in _NOUN_DETERMINERS or (s.before[-1] == "her" and word.endswith("s")))  # "Her mandates were"


def a_determiner_after_a_determiner(s: Swap) -> bool:
    """"your assets" -> not "your what you own"."""
    return bool(s.before) and s.before[-1] in _DETERMINERS and brings_its_own_determiner(s.replacement)


# --- The passive.


def a_participle_after_a_linking_verb(s: Swap) -> bool:
    """"stay fully engaged in" -> not "stay fully took part in": after stay, remain,
    become, seem or feel an -ed form describes, as an adjective does."""
    before = s.before
    linked = bool(before) and (before[-1] in _LINKING or (len(before) > 1 and before[-1].endswith("ly")
                                                           and before[-2] in _LINKING))
    return s.verb and linked and bool(s.term_words) and s.term_words[0].lower().endswith("ed")


def a_passive_ending_in_a_preposition(s: Swap) -> bool:
    """"are prioritized for services" -> not "are focused on for services"."""
    return s.verb and _passive(s.before) and len(s.words) > 1 and not fits_before_a_noun(s.words[-1])


def a_passive_without_its_preposition(s: Swap) -> bool:
    """"is aligned with the period" -> not "is matched the period"."""
    return s.verb and len(s.term_words) > 1 and not fits_before_a_noun(s.term_words[-1]) \
        and fits_before_a_noun(s.words[-1]) and _passive(s.before)


# --- Before a noun the term described.


def a_spelled_out_acronym_before_a_noun(s: Swap) -> bool:
    """"Medicaid & CHIP coverage" -> not "health insurance for kids coverage"."""
    after = s.after
    return s.acronym and len(s.words) > 1 and after[:1].islower() and s.after_lower not in _WHEN \
        and not fits_before_a_noun(s.replacement) and s.after_lower not in _STARTS_AN_OBJECT \
        and (stands_before_a_noun(after) or _is_noun(after))


def a_phrase_before_the_noun_it_described(s: Swap) -> bool:
    """"chronically homeless veterans" -> not "homeless for a long time veterans"; "food stamps benefits"."""
    after, term_words = s.after, s.term_words
    # a noun after it in Title Case counts too ("chronically homeless Veterans")
    if not s.verb and len(s.words) > 1 and not s.acronym and s.after_lower not in _WHEN and (
            after[:1].islower() or (after[:1].isupper() and not after.isupper() and _is_noun(after))):
        one_word = len(term_words) == 1
        # a term ending in a preposition ("ineligible for") has its object next, not a noun it describes
        unfit = not fits_before_a_noun(s.replacement) or post_modified(s.replacement)  # "help getting services programs"
        last = term_words[-1].lower()
        if one_word or (unfit and fits_before_a_noun(last) and last not in _SMALL_WORDS and last not in _DETERMINERS):
            noun_after = _is_noun(after) if one_word else _may_be_noun(after)  # "staying on track skills"
            if not (s.after_lower in _STARTS_AN_OBJECT or not (stands_before_a_noun(after) or noun_after)):
                return True  # (and when it may stand there, the checks below still apply)
    return False


def a_past_tense_for_a_participle(s: Swap) -> bool:
    """Where the -ed form after a noun may be a participle: "records obtained from the
    clinic" -> not "got"; and where the noun is an object ("documentation of services
    rendered more important", "missing information obtained, an ...") and nothing
    follows in the clause: past tense or participle cannot be told, so no swap ("Her
    symptoms resolved." has its subject before it: a past tense, swapped)."""
    before = s.before
    if not (s.verb and s.finding.text.lower().endswith("ed") and before and before[-1] not in _SUBJECTS):
        return False
    if s.after_lower in _AFTER_A_PARTICIPLE:
        return _past_not_participle(s.words[0])
    if not (s.after_lower in _COMPARATIVES or _ENDS_HERE.match(s.text, s.finding.end) is not None):
        return False
    if any(w in AUXILIARIES or w in PARTICIPLE_LEAD_WORDS for w in before):
        return False  # "was (never really) resolved", "has ended", "as requested": a participle, swapped as one
    noun, earlier = before[-1], before[:-1]
    return a_noun_before(noun) and not noun.endswith("ly") and noun not in _TIME_WORDS \
        and any(w in _PREPOSITIONS or (w.endswith("ing") and len(w) > 4) for w in earlier)


def an_intransitive_form_before_its_noun(s: Swap) -> bool:
    """"Participating projects use" -> not "Taking part projects" or "Joining projects"."""
    after, term = s.after, s.finding.term
    return bool(s.verb and term and is_intransitive(term) and s.finding.text.lower().endswith(("ing", "ed"))
                and after[:1].islower() and s.after_lower not in _STARTS_AN_OBJECT and not after.endswith("ly"))


def a_bare_singular_count_noun(s: Swap) -> bool:
    """"whether termination is warranted" -> not "whether end is warranted"; "entered into HMIS" -> not "entered into shared housing database"."""
    words = s.words
    a_name = sum(w[:1].isupper() for w in words) >= 2 and words[-1][:1].isupper()  # not "Women, Infants and Children food program"
    return s.noun and not a_name and not _BARE_OK.search(s.text, max(0, s.finding.start - 30), s.finding.start) \
        and needs_a_determiner(s.replacement)  # a name ("Department of Human Services") may stand bare


def an_object_shared_with_the_verb_before(s: Swap) -> bool:
    """A verb and its object swapped for a verb alone, where a verb before "and"
    shares the object: "complete and submit an application" -> not "complete and
    apply" ("fill out and apply" leaves "fill out" with no object)."""
    before, term_words = s.before, s.term_words
    return s.verb and len(term_words) > 1 and len(before) >= 2 and before[-1] in ("and", "or") \
        and term_words[-1].lower() not in s.said \
        and (_bare_verb(before[-2]) or before[-2] in _PARTICLES)  # or a phrasal verb's end: "fill out and submit"



def with_where_to_follows(s: Swap) -> bool:
    """``with_verbs``: "disclose it to others" -> not "share it to others" (share
    takes "with"), nor "tell your records to your doctor" (tell takes a message, so
    only "tell it to others" reads). "to" before a verb is purpose and stays
    ("share it to report abuse")."""
    if not s.words:
        return False
    head = lookup_lemma(s.words[0].lower())
    if head not in grammar_words("with_verbs") and head != "tell":
        return False
    m = _SOON_TO.match(s.text, s.finding.end)
    if m is None or not _someone(m.group(1)):
        return False
    if head != "tell":
        return True
    carried = s.text[s.finding.end : m.start(1)].split()[:-1]
    return not (len(carried) == 1 and carried[0].lower() in _MESSAGES)


_MESSAGES = frozenset(["it", "this", "that", "them", "everything", "something", "anything", "nothing"])
_TO_SOMEONE = frozenset(["the", "a", "an", "your", "his", "her", "their", "our", "my", "its", "another", "other",
                         "others", "any", "them", "him", "us", "me", "anyone", "someone", "everyone", "each"])


def _someone(word: str) -> bool:
    """The word after "to" starts a person or a body ("to your doctor", "to
    others", "to DHS"), not a verb of purpose ("to report abuse")."""
    low = word.lower()
    return low in _TO_SOMEONE or word[:1].isupper() or lookup_lemma(low) in grammar_words("people_nouns")


def an_object_and_infinitive(s: Swap) -> bool:
    """``object_infinitive_verbs``: "authorizes the family to begin" -> not "approves the family to begin"."""
    if not s.verb or takes_object_and_infinitive(s.replacement):
        return False
    term = lookup_lemma(s.term_words[0].lower()) if s.term_words else ""
    return _object_and_infinitive(s.text, s.finding.end, any_object=term in grammar_words("object_infinitive_terms"))


def a_phrasal_participle_before_its_noun(s: Swap) -> bool:
    """"sustained recovery" (a participle before a noun) -> not "kept up recovery"."""
    after = s.after
    return s.verb and s.finding.text.lower().endswith("ed") and len(s.words) > 1 \
        and after[:1].islower() and s.after_lower not in _STARTS_AN_OBJECT


_CHECKS: tuple[Callable[[Swap], bool], ...] = (
    # a name, a label, a code, a heading
    inside_a_name, inside_a_compound, beside_a_slash, a_label_code_or_long_form, a_heading_in_capitals,
    in_a_diagnosis_label, names_a_level_of_care, named_right_before,
    # what stands right next to it
    repeats_the_word_next_to_it, explained_in_brackets, a_comma_into_a_list,
    # a plural for a singular
    plural_before_a_singular_verb, plural_before_the_noun_it_describes, plural_after_a_singular_verb,
    # a verb's frame and form
    tell_before_an_object_and_of, an_adverb_of_several_words_before_a_verb_form, a_phrasal_verb_before_a_passives_by,
    a_verb_before_its_nouns_preposition, a_phrase_for_an_ing_word_that_describes, people_after_the_labels_modifier,
    drops_the_to_of_a_verb, a_preposition_before_another, gotten_after_be, a_modal_where_a_bare_verb_stands,
    a_passive_of_a_phrasal_verb, not_after_be, so_at_a_clauses_end, too_much_before_a_plural, always_at_a_clauses_end,
    help_before_a_gerund_that_ends_its_phrase, make_sure_before_two_objects, a_noun_at_a_sentences_start,
    help_before_in_and_a_gerund,
    # acronyms and the neighbours' words
    in_a_list_of_acronyms, an_acronym_on_a_line_in_capitals, says_what_a_neighbour_says,
    # objects, prepositions and clauses after it
    stop_before_to_and_a_verb, a_particle_before_its_pronoun, a_noun_before_a_pronoun_object, make_sure_before_an_object,
    repeats_its_preposition, a_preposition_with_nothing_after_it, you_where_the_sentence_does_not_speak_to_you,
    # determiners and possessives
    a_possessive_of_no_head, a_plural_possessive_without_its_s, one_syllable_after_more, after_self, an_ing_word_after_an_article,
    a_determiner_after_a_determiner, a_verb_after_a_determiner,
    # the passive
    a_passive_ending_in_a_preposition, a_passive_without_its_preposition, a_participle_after_a_linking_verb,
    # before a noun the term described
    a_spelled_out_acronym_before_a_noun, a_phrase_before_the_noun_it_described, a_past_tense_for_a_participle,
    an_intransitive_form_before_its_noun, a_bare_singular_count_noun, an_object_and_infinitive, with_where_to_follows,
    an_object_shared_with_the_verb_before,
    a_phrasal_participle_before_its_noun,
)

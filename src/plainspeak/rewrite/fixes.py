"""Deciding which findings `plainspeak fix` changes, and rewriting one text.

Pure: a Report and a Lexicon in, new text and the edits made out. File handling lives in cli/fix.py, the rewriting mechanics in edits.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..datafiles import grammar_words
from ..report import Finding, Report
from ..rules.lexicon import Lexicon
from .edits import Edit, apply_edits, resolve_overlaps


@dataclass(frozen=True)
class FixResult:
    text: str
    applied: tuple[Edit, ...]


def fixable(finding: Finding, lexicon: Lexicon, *, everything: bool = False) -> bool:
    """A jargon finding with a suggestion whose entry allows a swap without review
    (``fix`` auto), or any with a suggestion when ``everything`` (--all)."""
    if finding.entry_id is None or not finding.suggestions:
        return False
    entry = lexicon.get(finding.entry_id)
    if entry is None:
        return False
    mode = entry.fix_mode
    return mode == "auto" or (everything and mode == "review")


_ACRONYM_AFTER = re.compile(r"[ \t]*\(\s*([A-Za-z][A-Za-z0-9&/-]*[A-Za-z0-9])\s*\)")


def spells_out_an_acronym(text: str, finding: Finding) -> bool:
    """The finding's words are the long form of the acronym in parentheses right
    after them: "able-bodied adult without dependents (ABAWD)". A swap there would
    leave "(ABAWD)" explaining nothing, so ``fix`` leaves it (``check`` still
    offers the plainer words)."""
    match = _ACRONYM_AFTER.match(text, finding.end)
    if match is None or sum(ch.isupper() for ch in match.group(1)) < 2:
        return False
    from ..pipeline.components.acronyms import acronym_base, matches_long_form

    base = acronym_base(match.group(1))
    return base is not None and matches_long_form(base, finding.text)


# A direct quotation of at least four words, within one paragraph, with a speech verb
# next to it ("..., the Secretary said"; Peter states, "..."): someone else's own words.
# A quoted passage with no speaker (a voicemail script) is the writer's, and is fixed.
_SPEECH = re.compile(
    r"\b(?:said|says|say|stated|states|state|told|tells|asked|asks|explained|explains|added|adds|noted|notes|"
    r"wrote|writes|according to|recalled|recalls|reported|reports|commented|comments|remarked|remarks)\b",
    re.IGNORECASE,
)
_QUOTATION = re.compile(r"“[^”\n]*(?:\n(?!\s*\n)[^”\n]*)*”|\"[^\"\n]*(?:\n(?!\s*\n)[^\"\n]*)*\"")


def quotations(text: str) -> list[tuple[int, int]]:
    """Where the text quotes someone: ``fix`` never puts words in a speaker's mouth
    ("'... drug abuse ...,' the Secretary said"); ``check`` still points at them."""
    return [
        m.span()
        for m in _QUOTATION.finditer(text)
        if len(m.group().split()) >= 4
        and (_SPEECH.search(text, m.end(), m.end() + 60) or _SPEECH.search(text[max(0, m.start() - 40) : m.start()]))
    ]


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
_SUBJECTS = frozenset(["i", "you", "he", "she", "we", "they", "it", "who", "which", "that"])
_THEIRS_BEFORE = re.compile(r"\w['’]s(?:[ \t]+[\w-]+){0,2}[ \t]+$")  # "the patient's (new) ..." right before
_ENDS_A_SENTENCE = re.compile(r"[ \t]*(?:[.;:!?)\]]|$)", re.MULTILINE)
_ENDS_HERE = re.compile(r"[ \t]*(?:[.,;:!?)\]]|$)", re.MULTILINE)  # nothing follows in the clause
_DETERMINERS = frozenset(["the", "a", "an", "your", "my", "his", "her", "their", "our", "its", "this", "that", "these",
                          "those", "other", "another", "any", "some", "no", "each", "every"])
_WHEN = frozenset(["today", "tomorrow", "tonight", "yesterday", "now", "soon", "later", "again"])  # nouns as adverbs
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'-]*")  # numbers count as neighbours: "section 8"
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z'-]*)")
_DIAGNOSIS_CODE_BEFORE = re.compile(r"\b[A-Z]\d\d(?:\.\d{1,4})?\b[^.;:()\n]{0,30}$")  # "F33.1, recurrent"
# a determiner, possessive or number right before: the swap may stand without its own
_BARE_OK = re.compile(r"(?:\b(?:a|an|the|your|my|his|her|their|our|its|this|that|each|every|any|no|one)|['’]s|\d)[ \t]+$",
                      re.IGNORECASE)
_NAMED_BEFORE = re.compile(r"\b(?:called|named|known[ \t]+as|(?:we|they|people|some|you)[ \t]+call)(?:[ \t]+(?:a|an|the))?[ \t]+$", re.IGNORECASE)
_LEVEL_BEFORE = re.compile(r"\b[Ll]evel[ \t]+(?:\d+(?:\.\d+)?|[IVX]+)[ \t]+$")
_CODE_AFTER = re.compile(r"[ \t]*(?:-[ \t]*)?\d")  # a number or edition follows: "DSM 5", "PSS - 103"
_OR_ACRONYM = re.compile(r",?[ \t]+or[ \t]+[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b")  # "prophylaxis or PREP"
_TO_THEN_WORD = re.compile(r"[ \t]+to[ \t]+([A-Za-z]+)")
# an object of one to four words, then "to" and a word: "the family to begin"
_OBJECT_THEN_TO = re.compile(r"(?:[ \t]+[A-Za-z][A-Za-z'-]*){1,4}?[ \t]+to[ \t]+([A-Za-z]+)")


def _words_before(text: str, at: int) -> list[str]:
    """Up to three words right before ``at`` on its line."""
    line = text[max(0, at - 60) : at].rsplit("\n", 1)[-1]
    return _TOKEN.findall(line)[-3:] if line.endswith((" ", "\t")) else []


def _word_after(text: str, at: int) -> str:
    match = _NEXT_WORD.match(text, at)
    return match.group(1) if match else ""


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

    from ..pipeline.components.lemmatizer import lookup_lemma
    from .suggest import SINGULAR_VERBS

    word = verb.group(1)
    if word in SINGULAR_VERBS:  # "imaging was done" -> not "scans was done"
        return True
    return word in lemminflect.getAllInflections(lookup_lemma(word), upos="VERB").get("VBZ", ())


def fits_in_place(
    text: str, finding: Finding, replacement: str, *, verb: bool = False, noun: bool = False, to_reader: bool | None = None
) -> bool:
    """Whether the swap reads right between its neighbours; ``check`` still offers
    the words, but ``fix`` does not make an edit that:

    - repeats the word next to it ("section 8 Section 8 vouchers");
    - puts a phrasal verb before its pronoun object ("carry out them");
    - puts "make sure" before an object, not a clause ("make sure access to
      care");
    - puts a phrasal verb's participle before the noun it describes ("kept up
      recovery", "kept going recovery" for "sustained recovery");
    - makes a possessive of a phrase whose last word is not its head, or of
      a pronoun ("the person making the claim's eligibility", "you's");
    - edits a word inside a compound ("a non-full list" for "a
      non-comprehensive list");
    - speaks to "you" right after someone else's possessive ("the patient's
      plan for after you leave");
    - puts a phrase with its own determiner after one ("your what you own"),
      or an -ing verb after "the" or "a" ("the providing" for "the provision of");
    - puts a phrase ending in a noun before a pronoun object ("put in place
      them");
    - ends in a preposition with no word after it ("their intent to move out
      of." for "to vacate.");
    - repeats a preposition of the swap right after it ("removals from the
      plan from Medicaid");
    - makes a passive of a phrase ending in a preposition ("are focused on
      for services" for "are prioritized for services");
    - drops a verb's preposition where the verb is passive ("is matched the
      period" for "is aligned with the period");
    - puts an acronym's spelled-out phrase with a preposition before a noun
      ("health insurance for kids coverage");
    - swaps the -ing or -ed form of a verb that takes no object where it
      describes the noun after it ("Participating projects", not "Taking part
      projects");
    - ends a clause on "so" ("penalized so." for "penalized accordingly.");
    - puts an adverb of several words for one before a verb form ("after at
      first reporting" for "after initially reporting");
    - puts a phrasal verb before the "by" of a passive ("if gone with by" for "if
      accompanied by"), or a one-word verb before the "for" that belonged to a
      noun ("helps for clients" for "provides assistance for clients");
    - puts a phrase for an -ing word that describes a noun after a determiner
      ("their going with children" for "their accompanying children", "one extra
      going with individual"), or a
      preposition before another ("return to into" for "re-enter into");
    - puts "gotten" after "be" ("can be gotten" for "can be obtained");
    - puts "always" at a clause's end ("must be followed always." for "at all
      times."), "help" before a gerund that ends its phrase ("help ambulating
      as tolerated"), "make sure" before two objects ("make sure everyone a
      safe place"), "too much" before a plural noun ("too much late fees");
    - spells out an acronym in the name of a level of care ("Level 1 OTP");
    - swaps a noun at a sentence's start that looks like a verb ("Attempts to
      override the dose can ..." -> not "Tries to ...");
    - spells out an acronym on a line written in capitals ("JOHN SMITH'S SSI
      WILL STOP");
    - puts "people ..." after a word that described the label ("past people
      injecting drugs" for "past injection drug users");
    - drops the "to" a verb after the term needs ("owed receive" for "entitled
      to receive");
    - puts a modal after a word that wants a bare verb ("do not can" for "do
      not have the ability to", "will can");
    - puts "tell" before an object and "of" ("tell you of the steps" for
      "inform you of the steps");
    - swaps a term the writer explains in brackets right after it ("your
      residence (where you live or stay)");
    - puts a phrase with a comma into a list ("child safety, permanency and
      well-being" -> not "a stable, lasting home and well-being");
    - puts a plural for a singular noun that describes the noun after it ("a
      visitation schedule" -> not "visits schedule") or before a verb in the
      singular ("visitation also creates" -> not "visits also creates");
    - says again what a neighbour says (``repeats_a_neighbour``: "help with
      help" for "help with assistance", "first meeting appointment" for
      "intake assessment appointment"); then no later suggestion stands in;
    - puts a singular count noun where the term stands bare (``noun``: "whether
      end is warranted" for "whether termination is warranted", "entered into
      shared housing database" for "entered into HMIS");
    - puts a one-syllable word after "more" or "most" ("a more strong
      program" for "a more robust program");
    - swaps a word of a diagnosis code's label ("F33.1, recurrent, moderate");
    - swaps a term right after "called (a)", "known as", "what we call (the)"
      (the text names it there);
    - swaps a label's, a code's or a heading's words ("the budget calculation
      section", "PSS - 103", "DSM 5", "NOTICE OF DECISION") or a long form
      spelled out before "or" and its acronym ("prophylaxis or PREP");
    - puts "stop" or "end" before "to" with a verb ("stopping to be covered"
      for "ceasing to be covered": ``not_before_to_infinitive``);
    - puts a verb that cannot take an object and "to" with a verb into that
      frame ("approves the family to begin" for "authorizes the family to
      begin"; ``object_infinitive_verbs`` in data/grammar.toml);
    - puts a past tense where the -ed form may be a participle ("records got
      from the clinic" for "records obtained from the clinic"): only where
      the two forms differ (got, gotten) and no subject comes right before;
    - edits inside a name: a term in Title Case ("SSA-3373: Function Report",
      "the Peer Support Program"; one word only mid-sentence), or an acronym
      followed by a capitalised word ("CoC Program-funded", "the SSA Mobile
      Wage Reporting app");
    - puts a phrase of several words before a noun the term described ("food
      stamps benefits", "money paid to you by mistake determination"; of a term
      of several words, one with a preposition or "and": "homeless for a long
      time veterans"); not for a
      ``verb``, whose object follows it ("fill out paperwork"), nor for an acronym,
      whose next word may be changed too (a rule that looks at the next word
      must give the same answer after the swap, so a second run changes nothing)."""
    from ..pipeline.components.lemmatizer import lookup_lemma
    from .suggest import (
        SINGULAR_VERBS,
        brings_its_own_determiner,
        fits_before_a_noun,
        is_intransitive,
        is_plural,
        needs_a_determiner,
        post_modified,
        stands_before_a_noun,
        takes_object_and_infinitive,
    )

    words = _WORD.findall(replacement)
    if not words:
        return True
    if in_a_name(text, finding.start, finding.end):
        return False
    if text[finding.start - 1 : finding.start] == "-" or text[finding.end : finding.end + 1] == "-":
        return False  # inside a compound: "a non-comprehensive list" -> not "a non-full list"
    if "/" in (text[finding.start - 1 : finding.start], text[finding.end : finding.end + 1]):
        return False  # "SSI/SSDI" would read "(SSI)/SSDI"; "individuals/households" is a pair: "people/households" loses it
    after = _word_after(text, finding.end)
    capitals = any(len(w) > 1 and w.isupper() for w in _WORD.findall(finding.text))
    if after.lower() in _LABELS or (capitals and _CODE_AFTER.match(text, finding.end)) \
            or _OR_ACRONYM.match(text, finding.end):
        return False  # "the budget calculation section", "PSS - 103", "DSM 5", "prophylaxis or PREP"
    if finding.text.isupper() and (" " in finding.text.strip() or _a_line_of_its_own(text, finding)):
        return False  # a heading in capitals: "NOTICE OF DECISION", "DISQUALIFICATION"
    if _DIAGNOSIS_CODE_BEFORE.search(text, max(0, finding.start - 40), finding.start):
        return False  # an ICD or DSM label: "F33.1, recurrent, moderate"
    if finding.text.isupper() and _LEVEL_BEFORE.search(text, max(0, finding.start - 20), finding.start):
        return False  # "Level 1 OTP", "Level 2.1 IOP": the name of a level of care
    if _NAMED_BEFORE.search(text, max(0, finding.start - 40), finding.start):
        return False  # "a person called a discharge planner", "what we call the intake assessment"
    before = [w.lower() for w in _words_before(text, finding.start)]
    said = [w.lower() for w in _TOKEN.findall(replacement)]
    term_words = _WORD.findall(finding.text)
    if any(before[-k:] == said[:k] for k in range(1, min(3, len(before), len(said)) + 1)) \
            or after.lower() in (said[-1], said[-1].rpartition("-")[2]):
        return False  # "an intermediary between" -> not "a go-between between"
    if _GLOSS_AFTER.match(text, finding.end):
        return False  # "your residence (where you live or stay)": the writer explains it there
    if "," in replacement and (text[finding.start - 2 : finding.start].strip() == "," or _LIST_NEXT.match(text, finding.end)
                               or (before and before[-1] in ("and", "or"))):
        return False  # "child safety, permanency and well-being" -> not "a stable, lasting home and well-being"
    plural_swap = is_plural(replacement) and not is_plural(finding.text)
    if noun and plural_swap and _singular_verb_after(text, finding.end):
        return False  # "Visitation also creates" -> not "Visits also creates"
    if noun and plural_swap and after[:1].islower() and after.lower() not in _WHEN \
            and (stands_before_a_noun(after) or _is_noun(after)):
        return False  # "a visitation schedule" -> not "visits schedule", "visitation orders" -> not "visits orders"
    if plural_swap and before and (
            before[-1] in SINGULAR_VERBS or (len(before) > 1 and before[-2] in SINGULAR_VERBS and before[-1] in ("no", "any"))):
        return False  # "there is no visitation" -> not "there is no visits"
    if said[-1] in ("tell", "tells", "told", "telling") and _OBJECT_THEN_OF.match(text, finding.end):
        return False  # "inform you of the steps" -> not "tell you of the steps"
    if len(term_words) == 1 and term_words[0].lower().endswith("ly") and len(words) > 1 and before \
            and not _starts_a_clause(text, finding.start) and after[:1].islower() \
            and after.lower().endswith(("ing", "ed")) and len(after) > 4:
        return False  # "after initially reporting" -> not "after at first reporting" ("first" fits)
    if verb and finding.text.lower().endswith("ed") and after.lower() == "by" and len(words) > 1 \
            and not fits_before_a_noun(words[-1]):
        return False  # "if accompanied by form G-1450" -> not "if gone with by"
    if verb and len(words) == 1 and len(term_words) > 1 and (after.lower() == "for" or after.lower().endswith("ed")) \
            and fits_before_a_noun(term_words[-1]) and term_words[-1].lower() not in _SMALL_WORDS:
        return False  # "provides assistance for clients", "made payments required by" -> not "helps for", "paid required by"
    if verb and finding.text.lower().endswith("ing") and len(words) > 1 and (
            (before and before[-1] in _DETERMINERS) or (after[:1].islower() and _may_be_noun(after))):
        return False  # "their accompanying children" (an adjective) -> not "their going with children"
    if said[0] in ("people", "person", "persons") and before and before[-1] in _PERSON_MODIFIERS:
        return False  # "past injection drug users" -> not "past people injecting drugs"
    if term_words[-1].lower() == "to" and said[-1] != "to" and _bare_verb(after, mostly=said[-1] not in _TO_AS_PREPOSITION):
        return False  # "entitled to receive" -> not "owed receive" ("prior to use" -> "before use" stands)
    if said[-1] in _PREPOSITIONS and after.lower() in _PREPOSITIONS:
        return False  # "never re-enter into" -> not "never return to into"
    if said[0] in ("gotten", "got") and before and (before[-1] in _BE or (len(before) > 1 and before[-2] in _BE and before[-1].endswith("ly"))):
        return False  # "information can be obtained" -> not "can be gotten"
    if said[0] in _MODALS and before and (before[-1] in _BEFORE_A_BARE_VERB or before[-1].endswith(("'ll", "\u2019ll"))
                                          or any(w in _DO for w in before[-3:])):
        return False  # "do not have the ability to" -> not "do not can"; "will be able to" -> not "will can"
    if verb and len(words) == 2 and _passive(before) \
            and f"{lookup_lemma(words[0].lower())} {words[-1].lower()}" in grammar_words("no_passive_phrasal_verbs"):
        return False  # "are manifested in" -> not "are shown up in": "show up" has no passive
    if before and before[-1] == "be" and said[0] == "not":
        return False  # "will be ineligible for" -> not "will be not able to get"
    if said == ["so"] and _ENDS_A_SENTENCE.match(text, finding.end):
        return False  # "penalized accordingly." -> not "penalized so."
    if said[:2] == ["too", "much"] and _plural_noun_next(text, finding.end):
        return False  # "excessive late fees" -> not "too much late fees"
    if said == ["always"] and _ENDS_HERE.match(text, finding.end):
        return False  # "must be followed at all times." -> not "must be followed always."
    if said[-1] in _HELP and after.lower().endswith("ing") and after.lower() not in _ING_PREPOSITIONS \
            and _second_word_after(text, finding.end).lower() in _AFTER_A_GERUND:
        return False  # "assist ambulating as tolerated" -> not "help ambulating" ("help working families" stands)
    if words[-1].lower() == "sure" and after.lower() in _PERSONAL_OBJECTS \
            and _second_word_after(text, finding.end).lower() in ("a", "an", "the"):
        return False  # "ensure everyone a safe home" (two objects) -> not "make sure everyone a safe home"
    if verb and finding.text[:1].isupper() and term_words[0].lower().endswith("s") \
            and not term_words[0].lower().endswith("ss") and _starts_a_clause(text, finding.start) \
            and _may_be_noun(term_words[0]) and _VERB_LATER.match(text, finding.end):
        return False  # "Attempts to override the dose can ..." is a noun ("Monitors blood pressure daily." a list's verb)
    if finding.text.isupper() and _ACRONYM_LIST_NEXT.match(text, finding.end):
        return False  # "SSI, SSDI, TANF": the list's later acronyms are not flagged, so a second run would be
    if acronym_in_capitals(text, finding):
        return False  # "JOHN SMITH'S SSI WILL STOP": a spelled-out phrase would break the line of capitals
    if repeats_a_neighbour(text, finding, replacement):
        return False  # "help with assistance" -> not "help with help"
    if verb and after.lower() == "to" and _stops(words[0]) and _verb_after_to(text, finding.end):
        return False  # "ceasing to be covered" -> not "stopping to be covered"
    if words[-1].lower() in _PARTICLES and after.lower() in _OBJECT_PRONOUNS:
        return False
    if verb and len(words) > 1 and after.lower() in _OBJECT_PRONOUNS and words[-1].lower() != "sure" \
            and fits_before_a_noun(words[-1]):
        return False  # "implement them" -> not "put in place them"
    if words[-1].lower() == "sure" and after.lower() not in _STARTS_A_CLAUSE:
        return False  # "ensure access to care" cannot become "make sure access to care"
    if len(words) > 1 and after.lower() in said[1:] and not fits_before_a_noun(after):
        return False  # "disenrollments from Medicaid" -> not "removals from the plan from Medicaid"
    if _ENDS_HERE.match(text, finding.end) and not fits_before_a_noun(said[-1]) and fits_before_a_noun(term_words[-1].lower()):
        return False  # "their intent to vacate." -> not "to move out of."
    if ("you" in said or "your" in said) and (
            _THEIRS_BEFORE.search(text, max(0, finding.start - 60), finding.start)
            or not (_speaks_to_the_reader(text, finding) if to_reader is None else to_reader)):
        return False  # "the patient's discharge plan" -> not "the patient's plan for after you leave"
    possessive = finding.text.lower().endswith(("'s", "’s")) or text.startswith(("'s", "’s"), finding.end)
    modified = any(w.endswith(("ing", "ed")) for w in said[1:-1])  # "person making the claim": its head is not last
    if possessive and (modified or not fits_before_a_noun(replacement.lower()) or said[-1] in _SUBJECTS
                       or said[-1] in _OBJECT_PRONOUNS):
        return False  # "the claimant's eligibility" -> not "the person making the claim's eligibility"
    if before and before[-1] in ("more", "most") and len(said) == 1 and _one_syllable(said[0]):
        return False  # "a more robust program" -> not "a more strong program"
    if before and before[-1] == "self":
        return False  # "self discloses" (a compound written open) -> not "self shares"
    if before and before[-1] in ("the", "a", "an") and said[0].endswith("ing") and len(said[0]) > 4 \
            and len(term_words) > 1 and term_words[-1].lower() == "of":
        return False  # "the provision of services" -> not "the providing services"
    if before and before[-1] in _DETERMINERS and brings_its_own_determiner(replacement):
        return False  # "your assets" -> not "your what you own"
    if verb and _passive(before) and len(words) > 1 and not fits_before_a_noun(words[-1]):
        return False  # "are prioritized for services" -> not "are focused on for services"
    if verb and len(term_words) > 1 and not fits_before_a_noun(term_words[-1]) and fits_before_a_noun(words[-1]) \
            and _passive(before):
        return False  # "is aligned with the period" -> not "is matched the period"
    acronym = any(len(w) > 1 and w.isupper() for w in term_words)  # "IOP", "an ROI"
    if acronym and len(words) > 1 and after[:1].islower() and after.lower() not in _WHEN \
            and not fits_before_a_noun(replacement) and after.lower() not in _STARTS_AN_OBJECT \
            and (stands_before_a_noun(after) or _is_noun(after)):
        return False  # "Medicaid & CHIP coverage" -> not "health insurance for kids coverage"
    # a noun after it in Title Case counts too ("chronically homeless Veterans")
    if not verb and len(words) > 1 and not acronym and after.lower() not in _WHEN and (
            after[:1].islower() or (after[:1].isupper() and not after.isupper() and _is_noun(after))):
        # "chronically homeless veterans" -> not "homeless for a long time veterans"
        one_word = len(term_words) == 1
        # a term ending in a preposition ("ineligible for") has its object next, not a noun it describes
        unfit = not fits_before_a_noun(replacement) or post_modified(replacement)  # "help getting services programs"
        last = term_words[-1].lower()
        if one_word or (unfit and fits_before_a_noun(last) and last not in _SMALL_WORDS and last not in _DETERMINERS):
            noun_after = _is_noun(after) if one_word else _may_be_noun(after)  # "staying on track skills"
            if not (after.lower() in _STARTS_AN_OBJECT or not (stands_before_a_noun(after) or noun_after)):
                return False  # (and when it may stand there, the checks below still apply)
    if verb and finding.text.lower().endswith("ed") and after.lower() in _AFTER_A_PARTICIPLE \
            and before and before[-1] not in _SUBJECTS and _past_not_participle(words[0]):
        return False
    if verb and finding.term and is_intransitive(finding.term) and finding.text.lower().endswith(("ing", "ed")) \
            and after[:1].islower() and after.lower() not in _STARTS_AN_OBJECT and not after.endswith("ly"):
        return False  # "Participating projects use" -> not "Taking part projects" or "Joining projects"
    a_name = sum(w[:1].isupper() for w in words) >= 2 and words[-1][:1].isupper()  # not "Women, Infants and Children food program"
    if noun and not a_name and not _BARE_OK.search(text, max(0, finding.start - 30), finding.start) \
            and needs_a_determiner(replacement):  # a name ("Department of Human Services") may stand bare
        return False  # "whether termination is warranted" -> not "whether end is warranted"; "into HMIS"
    if verb and _object_and_infinitive(text, finding.end) and not takes_object_and_infinitive(replacement):
        return False  # "authorizes the family to begin" -> not "approves the family to begin"
    # "sustained recovery" (a participle before a noun) -> not "kept up recovery"
    describing = verb and finding.text.lower().endswith("ed") and len(words) > 1 \
        and after[:1].islower() and after.lower() not in _STARTS_AN_OBJECT
    return not describing


_MODALS = frozenset(["can", "could", "may", "might", "must", "shall", "should", "will", "would"])
_HELP = frozenset(["help", "helps", "helped", "helping"])
_ACRONYM_LIST_NEXT = re.compile(r"[ \t]*,[ \t]*[A-Z][A-Z0-9&]*[A-Z0-9]\b")  # "SSI(, SSDI)"


def _plural_noun_next(text: str, at: int) -> bool:
    """The noun the term describes is plural: "(excessive) fees", "(excessive) late fees";
    not "(excessive) sugar raises", "(excessive) bleeding means"."""
    from ..pipeline.components.lemmatizer import lookup_lemma

    word = _word_after(text, at).lower()
    if word and not word.endswith("ing") and not _may_be_noun(word) and _NEXT_WORD.match(text, at):
        word = _second_word_after(text, at).lower()  # past one describing word: "late fees"
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss") and lookup_lemma(word) != word
# A swap ending in one of these stood for a "to" that was a preposition ("prior to use" -> "before use")
_TO_AS_PREPOSITION = frozenset(["before", "after", "about", "on", "for", "by", "under", "from", "of", "with", "than"])
_ING_PREPOSITIONS = frozenset(["during", "including", "regarding", "concerning", "following", "according", "pending"])
_AFTER_A_GERUND = frozenset(["", "as", "at", "with", "in", "on", "and", "or", "when", "if", "until", "after", "before",
                             "to", "every", "each", "around"])
_PERSONAL_OBJECTS = frozenset(["everyone", "everybody", "you", "him", "her", "them", "us", "me"])  # "ensure everyone a ..."
# the sentence's verb after a noun phrase of a few words: "Attempts to override the dose can be risky"
_VERB_LATER = re.compile(r"[^.;:!?\n]{0,60}?\b(?:can|could|may|might|must|should|will|would|is|are|was|were|has|have|do|"
                         r"does|did|often|usually|never|[a-z]+ed)\b", re.IGNORECASE)


def acronym_in_capitals(text: str, finding: Finding) -> bool:
    """An acronym on a line written all in capitals ("JOHN SMITH'S SSI WILL STOP"):
    its long form, in lower case or Title Case, would break the line."""
    if not finding.text.isupper():
        return False
    start = text.rfind("\n", 0, finding.start) + 1
    end = text.find("\n", finding.end)
    line = text[start:finding.start] + text[finding.end : len(text) if end < 0 else end]
    if any(ch.islower() for ch in line):
        return False
    from ..text.frequency import common_zipf

    return any((common_zipf(w.lower()) or 0) >= 4 for w in _WORD.findall(line))  # not a list: "SSI, SSDI, TANF"
# After these a verb stands bare, and a modal cannot: "do not can", "to can", "will can".
# Words that describe the label a person-first phrase replaces, and cannot stand before "people".
_PERSON_MODIFIERS = frozenset(["past", "former", "current", "young", "younger", "older", "active", "recent", "regular",
                               "heavy", "chronic", "new", "ex", "state", "county", "federal", "local", "licensed"])
_PREPOSITIONS = frozenset(["to", "into", "from", "with", "for", "of", "on", "onto", "in", "at", "about", "by"])
_DO = frozenset(["do", "does", "did", "don't", "doesn't", "didn't"])  # "Do you have the ability to": not "Do you can"
_BEFORE_A_BARE_VERB = _MODALS | _DO | frozenset(["not", "to", "never", "won't", "cannot", "can't", "wouldn't", "shouldn't",
                                                 "couldn't", "mustn't"])


def _starts_a_clause(text: str, at: int) -> bool:
    """Nothing but a sentence's or line's end (and quotes, brackets) before ``at``."""
    before = text[max(0, at - 12) : at].rstrip(" \t\"'\u201c\u2018(")
    return not before or before[-1] in ".!?:;\n"
_CLAUSE_BREAK = re.compile(r"[.;:!?()\[\]]")
_EVENTS = frozenset(["meeting", "appointment", "visit", "session", "stay", "period", "time", "check"])
_LABELS = frozenset(["section", "box", "column", "line", "part", "page", "form", "tab", "field"])


# "residence (where you live)": an explanation in brackets, not a pointer or an aside ("(see page 2)")
_GLOSS_AFTER = re.compile(r"[ \t]*\([ \t]*(?!(?:see|page|pages|p|pp|e\.g|eg|etc|including|if|or|and|optional|required|"
                          r"attached|enclosed|below|above|if applicable)\b)(?:[a-z]|that is\b|i\.e\.)")
_OBJECT_THEN_OF = re.compile(r"[ \t]+(?:[A-Za-z'-]+[ \t]+){1,3}of\b")  # "(inform) all individuals of"
_LIST_NEXT = re.compile(r"[ \t]*(?:,|and\b|or\b)")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves|please)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_ABBREVIATION_BEFORE = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|St|Jr|Sr|No|vs|etc|e\.g|i\.e|approx|dept)\.$", re.IGNORECASE)
_FIRST_WORD = re.compile(r"[\s\W]*([A-Za-z]+)")


def _sentence_ends(text: str, lo: int, hi: int) -> Iterator[re.Match]:
    """Sentence ends (a mark before a space, or a line break) in text[lo:hi], not
    the period of "Dr." or "e.g."."""
    for m in _SENTENCE_END.finditer(text, lo, hi):
        if not _ABBREVIATION_BEFORE.search(text, max(0, m.start() - 5), m.start() + 1):
            yield m


def _speaks_to_the_reader(text: str, finding: Finding) -> bool:
    """The sentence says "you" or "please", or starts with an instruction ("Bring
    proof of ..."): a swap that speaks to "you" fits there, not in "A tenant can
    request a reasonable accommodation for their disability" or a list of what a
    complaint must state. Decided on the whole text, so that a second run, on a
    shorter text, gives the same answer."""
    ends = list(_sentence_ends(text, max(0, finding.start - 600), finding.start))
    start = ends[-1].end() if ends else max(0, finding.start - 600)
    end = next((m.start() for m in _sentence_ends(text, finding.end, finding.end + 600)), min(len(text), finding.end + 600))
    sentence = text[start:end]  # the term's own words too: "your assistance"
    first = _FIRST_WORD.match(sentence)
    return bool(_SECOND_PERSON.search(sentence)) or (first is not None and first.group(1).lower() in grammar_words("instruction_verbs"))


def repeats_a_neighbour(text: str, finding: Finding, replacement: str) -> bool:
    """The swap would say again what a word just before or after it says: "help with
    help" ("help with assistance"), "a trained trained ..." ("a trained qualified
    ..."), "first meeting appointment" ("intake assessment appointment")."""
    said = [w.lower() for w in _TOKEN.findall(replacement)]
    if not said:
        return False
    clause = _CLAUSE_BREAK.split(text[max(0, finding.start - 60) : finding.start])[-1]
    before = [w.lower() for w in _words_before(clause, len(clause))][-3:]
    after = [w.lower() for w in _TOKEN.findall(_CLAUSE_BREAK.split(text[finding.end : finding.end + 60])[0])][:3]
    content = [w for w in said if w not in _SMALL_WORDS and w not in _TERM_GLUE]
    from ..pipeline.components.lemmatizer import lookup_lemma

    before_stems = {_stem(w) for w in before} | {lookup_lemma(w) for w in before}
    if any(_stem(w) in before_stems or lookup_lemma(w) in before_stems for w in content) \
            or (len(said) == 1 and any(w in after for w in content)):
        return True  # "relative and relatives raising the child" for "relative and kinship caregivers"
    if len(content) > 1:  # "emergency foster care or emergency foster care" for "shelter care or ..."
        near = [w.lower() for w in _TOKEN.findall(_CLAUSE_BREAK.split(text[finding.end : finding.end + 80])[0])]
        if any(near[k : k + len(said)] == said for k in range(3)):  # right after: "X or X", "X, X"
            return True
    return bool(after) and said[-1] in _EVENTS and after[0] in _EVENTS


def _stem(word: str) -> str:
    """A word without a plural's -s, to compare neighbours ("relative", "relatives")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


_TERM_GLUE = frozenset(["you", "your", "it", "is", "are", "be", "not", "do", "get", "make", "have", "what", "who", "that"])


def _stops(word: str) -> bool:
    from ..pipeline.components.lemmatizer import lookup_lemma

    return lookup_lemma(word.lower()) in grammar_words("not_before_to_infinitive")


def _verb_after_to(text: str, end: int) -> bool:
    """ "to" and then a verb after the term: "(ceasing) to be covered"."""
    m = _TO_THEN_WORD.match(text, end)
    return m is not None and m.group(1).lower() not in _STARTS_AN_OBJECT and not _is_noun(m.group(1))


def _object_and_infinitive(text: str, end: int) -> bool:
    """An object that is a person and "to" with a verb after the term: "(authorizes)
    the family to begin"; with a thing, "to" is purpose ("uses a method to
    address")."""
    m = _OBJECT_THEN_TO.match(text, end)
    if m is None:
        return False
    from ..pipeline.components.lemmatizer import lookup_lemma

    object_words = [w.lower() for w in text[end : m.start(1)].split()[:-1]]
    verb = m.group(1).lower()
    return object_words[0] not in grammar_words("not_before_a_noun") \
        and lookup_lemma(object_words[-1]) in grammar_words("people_nouns") \
        and verb not in _STARTS_AN_OBJECT and not _is_noun(verb)


def _passive(before: list[str]) -> bool:
    """A form of "be" right before, or before one -ly word: "is (generally) aligned"."""
    return bool(before) and (before[-1] in _BE or (len(before) > 1 and before[-1].endswith("ly") and before[-2] in _BE))


def _past_not_participle(word: str) -> bool:
    """A past tense whose participle differs: "got" (gotten), "showed" (shown)."""
    from ..pipeline.components.lemmatizer import lookup_lemma
    from .suggest import inflect

    form = word.lower()
    lemma = lookup_lemma(form)
    return lemma != form and inflect(lemma, "VBD") == form and inflect(lemma, "VBN") != form


_SMALL_WORDS = frozenset(["of", "and", "or", "the", "a", "an", "for", "to", "in", "on", "at", "by", "with",
                          "without", "from", "about"])


def _title_word(word: str) -> bool:
    """Capitalised and not an acronym: "Program", "Function" (not "SSA", "CoC")."""
    rest = word[1:]
    return word[:1].isupper() and any(ch.islower() for ch in rest) and not any(ch.isupper() for ch in rest)


def in_a_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a name (of a form, a program, an
    office), which ``fix`` must never change: its words in Title Case (two or
    more; one only where no sentence starts), or a capitalised word right after
    an acronym ("CoC Program-funded"). Judged on capitals, which the other edits of a
    run never change in a word next to a kept name, so a second run agrees."""
    words = _WORD.findall(text[start:end])
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if content and all(_title_word(w) for w in content):
        if len(content) > 1:
            return True
        before = text[max(0, start - 3):start].rstrip(" \t\u00a0")
        if before and before[-1] not in ".!?:;\n\"“'‘(-–—•*#>":
            return True
    if not any(ch.isupper() for ch in text[start + 1:end]):
        return False  # a word, not an acronym: "on or about July 3" is no name
    after = _word_after(text, end)
    return bool(after) and _title_word(after) and after.lower() not in _SMALL_WORDS


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

    from ..pipeline.components.lemmatizer import lookup_lemma

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

    from ..pipeline.components.lemmatizer import lookup_lemma

    low = word.lower()
    return low not in _FUNCTION_WORDS and low not in _SMALL_WORDS and any(tag.startswith("NN") for tag in lemminflect.getAllInflections(lookup_lemma(low)))


def _is_noun_entry(lexicon: Lexicon, finding: Finding) -> bool:
    """A noun, or an acronym, which stands for a noun phrase."""
    entry = lexicon.get(finding.entry_id) if finding.entry_id else None
    return entry is not None and (entry.pos == "noun" or entry.category == "acronym")


def _is_verb_entry(lexicon: Lexicon, finding: Finding) -> bool:
    entry = lexicon.get(finding.entry_id) if finding.entry_id else None
    return entry is not None and entry.pos == "verb"


def fix_text(report: Report, lexicon: Lexicon, *, everything: bool = False) -> FixResult:
    """The report's text with every fixable finding replaced by its first suggestion
    that fits between its neighbours (``fits_in_place``)."""
    text = report.text
    quoted = quotations(text) if ("\"" in text or "“" in text) else []
    chosen = [
        f for f in report.findings
        if fixable(f, lexicon, everything=everything)
        and not spells_out_an_acronym(text, f)
        and not any(start <= f.start < end for start, end in quoted)
        and not defines_the_term(text, f)
    ]
    by_edit = {(f.start, f.end, f.suggestions[0], f.rule): f for f in chosen}
    candidates = [(by_edit[(e.start, e.end, e.replacement, e.rule)], e)
                  for e in resolve_overlaps(Edit(f.start, f.end, f.suggestions[0], f.rule) for f in chosen)]
    reader = [_speaks_to_the_reader(text, f) for f, _ in candidates]
    for _ in range(4):  # an acronym spelled out once: fit again without its later uses
        fitted = _fitting(text, candidates, lexicon, reader)
        edits, dropped = _spelled_out_once(text, fitted, lexicon)
        if not dropped:
            break
        keep = [i for i, (_, e) in enumerate(candidates) if (e.start, e.end) not in dropped]
        candidates, reader = [candidates[i] for i in keep], [reader[i] for i in keep]
    return FixResult(apply_edits(text, edits), tuple(edits))


_ACRONYM = re.compile(r"(?:(?:an?|the|An?|The)[ \t]+)?([A-Z][A-Z0-9&]*[A-Z0-9](?:['’]?s)?)$")
# "What is a biopsy?"; "A biopsy is the removal ..." at a sentence's start: the sentence defines the term
_ASKS_WHAT = re.compile(r"\b(?:what|who)\s+(?:is|are)\s+(?:(?:an?|the)\s+)?[\"“‘']?$", re.IGNORECASE)
_QUESTION_MARK = re.compile(r"[\"”’']?[ \t]*\?")
_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=\s))(?:an?|the)[ \t]+$", re.IGNORECASE)
_DEFINED_AS = re.compile(r"\s+(?:means|refers\s+to|(?:is|are)\s+(?:when|where|(?:an?|the|any|one)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:of|that|which|where|when|who|whose|in\s+which|used|given|done|made|caused|taken)\b))",
                         re.IGNORECASE)


def defines_the_term(text: str, finding: Finding) -> bool:
    """The sentence asks or says what the term is ("What is a biopsy?", "A biopsy is
    the removal of tissue"): a swap would make it define another thing, or say
    something false ("A tissue sample is the removal of tissue")."""
    if any(len(w) > 1 and w.isupper() for w in _WORD.findall(finding.text)):
        return False  # an acronym spelled out keeps the sentence true: "What is a special education plan (IEP)?"
    head = text[max(0, finding.start - 30) : finding.start]
    if _ASKS_WHAT.search(head) and _QUESTION_MARK.match(text, finding.end):
        return True
    article = _ARTICLE_BEFORE.search(head)
    start = finding.start - (len(article.group()) if article else 0)
    return _starts_a_clause(text, start) and _DEFINED_AS.match(text, finding.end) is not None


def _spelled_out_once(text: str, edits: list[Edit], lexicon: Lexicon) -> tuple[list[Edit], set[tuple[int, int]]]:
    """An acronym is spelled out at its first swap, with the acronym after it in
    brackets ("the Women, Infants and Children food program (WIC)"), and left as it
    is after that: an editor spells a term out once, not at every use ("your WIC
    card", "reapply for WIC"), and the brackets define it, so a second run finds
    nothing more to change. A possessive use ("your PCP's office") is left too:
    brackets cannot stand before its "'s". Returns the edits kept and the
    spans of those dropped."""
    from ..pipeline.components.acronyms import acronym_base

    seen: set[str] = set()
    kept = []
    dropped: set[tuple[int, int]] = set()
    for edit in edits:
        entry = lexicon.get(edit.rule.partition(".")[2])
        match = _ACRONYM.match(text[edit.start : edit.end]) if entry is not None and entry.term.isupper() else None
        if match is None:  # a word in capitals ("FAMILY OBLIGATIONS") is no acronym
            kept.append(edit)
            continue
        acronym = match.group(1)
        key = acronym_base(acronym) or acronym  # "PCPs" and "PCP" are one acronym
        if key in seen or text.startswith(("'s", "’s"), edit.end) or acronym.endswith(("'s", "’s")):
            dropped.add((edit.start, edit.end))
            continue
        seen.add(key)
        long_form = edit.replacement
        if _AN_OFFICE.match(long_form) and match.start(1) == 0 \
                and not _BARE_OK.search(text, max(0, edit.start - 30), edit.start) \
                and not _after_a_name(text, edit.start):
            # "DHS conducts" -> "the Department of Human Services (DHS) conducts"; not "Illinois the ..."
            long_form = ("The " if _starts_a_sentence(text, edit.start) else "the ") + long_form
        kept.append(replace(edit, replacement=f"{long_form} ({acronym})"))
    return kept, dropped


_AN_OFFICE = re.compile(r"(?:Department|Office|Division|Bureau|Administration|Agency|Board|Commission|Centers?|"
                        r"Institutes?|Council|Authority)\b")  # a name that takes "the"
_NAME_BEFORE = re.compile(r"[A-Z][\w.'’-]*[ \t]+$")  # "Illinois DHS": the place's office
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’')\]]*\s+|\n)[ \t]*(?:[-*•–][ \t]+)?$")


def _after_a_name(text: str, at: int) -> bool:
    """A name right before ``at`` ("Illinois DHS"), not a date's word or a sentence's first word that is
    an English word ("In March DHS", "Now DHS", "Contact DHS")."""
    m = _NAME_BEFORE.search(text, max(0, at - 30), at)
    if m is None:
        return False
    word = m.group().strip().lower()
    if word in grammar_words("calendar_words"):
        return False  # "In March DHS": a date, not the office's place
    if not _starts_a_sentence(text, m.start()):
        return True
    import lemminflect  # a sentence's first word is a name only if it is no English word ("Contact DHS")

    return not lemminflect.getAllInflections(word)


def _starts_a_sentence(text: str, at: int) -> bool:
    """Only a sentence's end, the text's start or a line's (past a bullet) before ``at``:
    "forms; DHS conducts" goes on a sentence, "- DHS conducts" starts one."""
    return _SENTENCE_START.search(text, max(0, at - 12), at) is not None

_ASIDES = frozenset(["that is", "in other words", "for example"])  # for "i.e." and "e.g.": a comma follows
_WORD_NEXT = re.compile(r"[ \t]+[\"“‘'(]?[A-Za-z0-9]")

_REACH = 120  # how far a neighbour check looks, in characters


def _fitting(text: str, candidates: list[tuple[Finding, Edit]], lexicon: Lexicon, reader: list[bool]) -> list[Edit]:
    """The edits that fit between their neighbours as the neighbours will read once
    the other kept edits are made: judged on the original text, "prior to in order
    to" would keep "in order to" (after "to") and a second run would then change
    it. Each finding gets its first suggestion that fits ("intent to vacate." ->
    "leave", where "move out of" needs an object). Repeated until nothing
    changes, so a second run finds the same answers."""
    starts = [e.start for _, e in candidates]
    kinds = [(_is_verb_entry(lexicon, f), _is_noun_entry(lexicon, f)) for f, _ in candidates]  # (verb, noun)
    chosen: dict[int, Edit] = {i: e for i, (_, e) in enumerate(candidates)}
    for _ in range(5):
        now: dict[int, Edit] = {}
        for i, (finding, edit) in enumerate(candidates):
            lo, hi = max(0, edit.start - _REACH), min(len(text), edit.end + _REACH)
            near = range(bisect_left(starts, lo), bisect_right(starts, hi))
            before = [_shift(chosen[j], -lo) for j in near if j in chosen and j != i and chosen[j].end <= edit.start]
            after = [_shift(chosen[j], -edit.end) for j in near if j in chosen and j != i and chosen[j].start >= edit.end
                     and chosen[j].end <= hi]
            left = apply_edits(text[lo : edit.start], before)
            context = left + text[edit.start : edit.end] + apply_edits(text[edit.end : hi], after)
            moved = replace(finding, start=len(left), end=len(left) + (edit.end - edit.start))
            verb, noun = kinds[i]
            # Later suggestions may be another term ("CIT" -> "crisis intervention team"): such
            # a one would be changed by the next run, so only plain ones stand in.
            options = [edit.replacement, *(s for s in finding.suggestions
                                           if s != edit.replacement and not lexicon.holds_a_term(s))]
            fit = next((option for option in options
                        if fits_in_place(context, moved, option, verb=verb, noun=noun, to_reader=reader[i])), None)
            if fit is not None and fit != options[0] and repeats_a_neighbour(context, moved, options[0]):
                fit = None  # the writer has said it already ("a trained qualified ..."): no stand-in
            if fit in _ASIDES and _WORD_NEXT.match(text, edit.end):
                fit += ","  # "(i.e. it is thicker)" -> "(that is, it is thicker)"
            if fit is not None:
                now[i] = replace(edit, replacement=fit)
        if now == chosen:
            break
        chosen = now
    return [chosen[i] for i in sorted(chosen)]


def _shift(edit: Edit, by: int) -> Edit:
    return replace(edit, start=edit.start + by, end=edit.end + by)

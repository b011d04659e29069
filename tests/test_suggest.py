"""Suggestions fit where the term stood: inflection and casing."""

from __future__ import annotations

import pytest

from plainspeak.rewrite.suggest import head_index, inflection_tag, match_case


@pytest.mark.parametrize(
    "text, suggestions",
    [
        ("We utilized it.", ("used",)),
        ("She utilizes it.", ("uses",)),
        ("Utilizing it helps.", ("Using",)),
        ("UTILIZE IT.", ("USE",)),
        ("Utilize it.", ("Use",)),
        ("She facilitates groups.", ("helps", "makes easier")),
        ("Two treatment modalities.", ("types of treatment",)),
        ("One treatment modality.", ("type of treatment",)),
        ("Two IOPs.", ("day treatment programs",)),
        ("IOP starts Monday.", ("Day treatment program",)),
        ("Addicts deserve care.", ("People with a substance use disorder", "People in recovery")),
    ],
)
def test_suggestions_are_inflected_and_cased(mini_analyzer, text, suggestions):
    (finding,) = [f for f in mini_analyzer.analyze(text).findings if f.kind == "jargon"]
    assert finding.suggestions == suggestions


def test_head_index():
    assert head_index(["type*", "of", "treatment"], "noun") == 0
    assert head_index(["care", "plan"], "noun") == 1
    assert head_index(["find", "out"], "verb") == 0


def test_inflection_tag():
    assert inflection_tag("utilized", "utilize", "verb") in ("VBD", "VBN")
    assert inflection_tag("modalities", "modality", "noun") == "NNS"
    assert inflection_tag("utilize", "utilize", "verb") is None


def test_match_case():
    assert match_case("use", "UTILIZE") == "USE"
    assert match_case("use", "Utilize") == "Use"
    assert match_case("use", "utilize") == "use"


@pytest.mark.parametrize(
    "text, suggestions",
    [
        ("We do warm handoffs to the clinic.", ("personal introductions", "introductions in person")),
        ("One warm handoff.", ("personal introduction", "introduction in person")),
        ("Copays are $5.", ("Your shares of the cost", "Visit fees")),
    ],
)
def test_forms_the_lemma_table_lacks_are_inflected_too(analyzer, text, suggestions):
    """"handoffs" is its own lemma in the lookup table; the plural comes from the term."""
    (finding,) = [f for f in analyzer.analyze(text).findings if f.kind == "jargon"]
    assert finding.suggestions == suggestions


def test_user_terms_forms_are_inflected(tmp_path):
    from plainspeak.api import Analyzer

    path = tmp_path / "ours.csv"
    path.write_text(
        "id,term,plain,category,severity,match,pos,note,example,source\n"
        "onboard,onboard,welcome,wordy,suggestion,lemma,verb,N.,We onboard staff.,us\n"
        "microgrant,microgrant,small grant,benefits,suggestion,lemma,noun,N.,A microgrant.,us\n",
        encoding="utf-8",
    )
    analyzer = Analyzer(lexicon_paths=[str(path)], default_lexicon=False)
    found = analyzer.analyze("We onboarded two people with microgrants.").findings
    assert [(f.text, f.suggestions) for f in found if f.kind == "jargon"] == [
        ("onboarded", ("welcomed",)),
        ("microgrants", ("small grants",)),
    ]


@pytest.mark.parametrize(
    "text, rule, first",
    [
        ("Substance abusers need care.", "jargon.substance-abuser", "People who use drugs"),  # the verb agrees
        ("The phlebotomists were kind.", "jargon.phlebotomist", "people who draw blood"),
        ("A phlebotomist came.", "jargon.phlebotomist", "person who draws blood"),
        ("The VA provides clinical services.", "jargon.clinical-service", "treatments"),
        ("The grants help metropolitan areas.", "jargon.metropolitan-area", "city areas"),
        ("There are multiple pathways to recovery.", "jargon.pathway-to-recovery", "ways to recover"),  # the head before "to"
        ("Each state is allotted a share.", "jargon.allot", "given"),  # a participle after "is"
    ],
)
def test_suggestions_agree_with_the_sentence(analyzer, text, rule, first):
    (finding,) = [f for f in analyzer.analyze(text).findings if f.rule == rule]
    assert finding.suggestions[0] == first


def test_a_mass_noun_or_plural_word_is_not_pluralised_again(analyzer):
    (finding,) = [f for f in analyzer.analyze("The VA provides clinical services.").findings if f.rule == "jargon.clinical-service"]
    assert "health care" in finding.suggestions and "health cares" not in finding.suggestions


@pytest.mark.parametrize(
    "suggestion, voices, previous, fits",
    [
        ("your own statement", frozenset({"you"}), "accept", True),
        ("your own statement", frozenset(), "accept", False),  # a text about someone else
        ("your own statement", frozenset({"you"}), "'s", False),  # "a Veteran's your own statement"
        ("we decide", frozenset({"you"}), "", False),  # the text speaks for nobody
        ("we decide", frozenset({"we", "you"}), "", True),
        ("the person's own word", frozenset(), "", True),
    ],
)
def test_a_suggestion_keeps_the_texts_person(suggestion, voices, previous, fits):
    from plainspeak.rewrite.suggest import fits_the_voice

    assert fits_the_voice(suggestion, voices, previous) is fits


def test_text_voices():
    from plainspeak.rewrite.suggest import text_voices

    assert text_voices("Call us if your card is lost.") == {"you", "we"}
    assert text_voices("The state decides for each household.") == {"you", "we"}  # too short to tell
    longer = "The state decides for each household whether it qualifies. " * 5
    assert text_voices(longer) == frozenset()
    assert text_voices(longer + "Yours truly") == {"you"}


def test_third_person_text_gets_no_second_person_suggestion(analyzer):
    text = "The agency accepts a Veteran's self-identification as proof. " + "The office reviews each case in turn. " * 6
    (finding,) = [f for f in analyzer.analyze(text).findings if f.rule == "jargon.self-identification"]
    assert not any("your" in s.split() or "yourself" in s.split() for s in finding.suggestions)


def test_an_acronym_before_a_term_is_not_its_article(analyzer):
    findings = analyzer.analyze("Services for AI/AN individuals are free.").findings
    assert not any(f.text.startswith("AN ") for f in findings)


def test_a_clause_in_a_suggestion_is_not_made_plural(analyzer):
    (finding,) = [f for f in analyzer.analyze("We address any barriers to engagement.").findings
                  if f.kind == "jargon" and "barriers" in f.text]
    assert "what makes it hard to come" in finding.suggestions


@pytest.mark.parametrize(
    "text, rule, suggestion",
    [
        ("We held two fair hearings.", "jargon.fair-hearing", "appeal hearings"),  # "hearing" is a noun as it stands
        ("The stakeholders met.", "jargon.stakeholder", "people involved"),
    ],
)
def test_plural_heads_that_are_nouns_are_made_plural(analyzer, text, rule, suggestion):
    (finding,) = [f for f in analyzer.analyze(text).findings if f.rule == rule]
    assert suggestion in finding.suggestions


def test_no_article_before_a_phrase_with_its_own_determiner():
    from plainspeak.rewrite.suggest import with_article

    assert with_article("too much cost or trouble", "an") == "too much cost or trouble"
    assert with_article("your own plan", "A") == "Your own plan"
    assert with_article("plan", "an") == "a plan"


@pytest.mark.parametrize(
    "text, rule, cannot_stand",
    [
        # the term describes the noun after it: a phrase with "or" or "who" cannot stand there
        ("We offer training related to substance use disorder recovery.", "jargon.substance-use-disorder",
         "drug or alcohol problem"),
        # ... also with words joined to it by "and" between
        ("Members of the mental health consumer and substance use disorder recovery communities agreed.",
         "jargon.mental-health-consumer", "person who uses mental health services"),
    ],
)
def test_a_term_before_the_noun_it_describes_gets_only_what_can_stand_there(analyzer, text, rule, cannot_stand):
    (finding,) = [f for f in analyzer.analyze(text).findings if f.rule == rule]
    assert cannot_stand not in finding.suggestions


def test_a_noun_that_is_also_a_verb_after_a_term_is_not_taken_for_what_it_describes(analyzer):
    (finding,) = [f for f in analyzer.analyze("A PPO costs more each month.").findings if f.rule == "jargon.ppo"]
    assert "health plan with more choice of doctors" in finding.suggestions


def test_verbs_ending_in_ly_are_listed():
    """Every -ly word of the shipped lexicon that lemminflect reads as a verb is in
    data/grammar.toml ``ly_verbs`` (the run-time check reads that list, not
    lemminflect's 33 MB lemma table), and every listed word is one."""
    import re

    import lemminflect

    from plainspeak.datafiles import grammar_words
    from plainspeak.rules.lexicon import load_lexicon

    words = set()
    for entry in load_lexicon():
        for form in (entry.term, *entry.plain):
            words.update(w.lower().strip("*") for w in re.findall(r"[A-Za-z*'-]+", form))
    verbs = {w for w in words if w.endswith("ly") and len(w) >= 5 and lemminflect.getAllLemmas(w, upos="VERB")}
    listed = grammar_words("ly_verbs")
    assert verbs <= listed
    assert all(lemminflect.getAllLemmas(w, upos="VERB") for w in listed)


@pytest.mark.parametrize("words, head", [(["successfully", "complete"], 1), (["apply", "for"], 0), (["comply", "with"], 0)])
def test_a_leading_adverb_is_not_the_verb(words, head):
    assert head_index(words, "verb") == head


@pytest.mark.parametrize(
    "text, rule, offered, not_offered",
    [
        # an adjective before the noun it describes takes no phrase with a preposition
        ("You will get intravenous antibiotics.", "jargon.intravenous", None, "into a vein"),
        ("Your medicine will be intravenous, so a nurse will help.", "jargon.intravenous", "into a vein", None),
        ("You will get intravenous and oral antibiotics.", "jargon.intravenous", None, "into a vein"),
        ("The drug is intravenous and works fast.", "jargon.intravenous", "into a vein", None),
        ("We refer you to community-based programs.", "jargon.community-based", "local", "close to home"),
        # a phrase with no part of speech before a noun it describes: not "a without a lawyer clinic"
        ("Go to a pro se clinic for help.", "jargon.pro-se", None, "without a lawyer"),
        ("You can file the motion pro se.", "jargon.pro-se", "without a lawyer", None),
        # a capitalised word after it is no noun it describes: "as of June 1" fits
        ("Any change in rent will be effective June 1, 2025.", "jargon.effective-date-sense", "as of", None),
    ],
)
def test_an_adjective_before_its_noun_keeps_only_what_can_stand_there(analyzer, text, rule, offered, not_offered):
    found = [f for f in analyzer.analyze(text).findings if f.rule == rule]
    assert found, rule
    if offered:
        assert offered in found[0].suggestions
    if not_offered:
        assert not_offered not in found[0].suggestions


@pytest.mark.parametrize(
    "text, expected",
    [
        ("You will get an SSI check next month.", ["a Supplemental Security Income", "a disability payment"]),
        ("The SSI rules changed.", ["Supplemental Security Income", "disability payment"]),
        ("You will get an SSI soon.", ["Supplemental Security Income", "disability payments"]),  # no noun after it
        ("Your SSI is late.", ["Supplemental Security Income"]),  # a plural cannot stand before "is"
    ],
)
def test_a_plural_suggestion_before_the_noun_it_describes_is_singular(analyzer, text, expected):
    """"an SSI check": "a disability payments check" reads wrong; a noun before a noun
    is singular ("a disability payment check")."""
    found = [f for f in analyzer.analyze(text).findings if f.rule == "jargon.ssi"]
    assert found and list(found[0].suggestions) == expected


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("disability payments", "disability payment"),
        ("food stamps", "food stamp"),
        ("Nurses", "Nurse"),  # one word, capitalised at a sentence's start
        ("Adult Protective Services", "Adult Protective Services"),
        ("clothes", "clothes"),  # no "clothe"
        ("papers", "papers"),  # documents, not "paper"
        ("special needs", "special needs"),
        ("drug supplies", "drug supplies"),  # an irregular plural is kept as it is
        ("people", "people"),  # irregular: kept
        ("arranging services", "arranging services"),  # a verb and its object
        ("year your claim covers", "year your claim covers"),  # a clause
        ("cash aid", "cash aid"),
    ],
)
def test_as_modifier(phrase, expected):
    from plainspeak.rewrite.suggest import as_modifier

    assert as_modifier(phrase) == expected


def test_the_second_half_of_a_self_word_is_not_a_term(analyzer):
    """"self-sufficient" is a word of its own: "self-enough" is no fix."""
    rules = [f.rule for f in analyzer.analyze("He is self-sufficient now. You have sufficient income.").findings]
    assert rules.count("jargon.sufficient") == 1


def test_a_hyphenated_terms_head_is_found_among_its_parts(analyzer):
    """"able-bodied adult without dependents" is five tokens but four words: its head
    is "adult", not the last word, so the singular stays singular."""
    text = "You may lose SNAP if you are an able-bodied adult without dependents and do not work."
    found = [f for f in analyzer.analyze(text).findings if f.rule == "jargon.able-bodied-adult-without-dependents"]
    assert found and found[0].suggestions[0] == "adult who must meet work rules"


@pytest.mark.parametrize(
    "text, rule, first",
    [
        ("The worker co-develops plans with you.", "jargon.co-develop", "writes"),
        ("He re-evaluated the plan.", "jargon.reevaluate", "checked again"),
        ("We will re-evaluate it.", "jargon.reevaluate", "check again"),
    ],
)
def test_a_hyphenated_verb_is_inflected_at_its_end(analyzer, text, rule, first):
    """ "co-develops" is one word: its "-s" is the verb's, so the swap is "writes", not "write"."""
    found = [f for f in analyzer.analyze(text).findings if f.rule == rule]
    assert found and found[0].suggestions[0] == first

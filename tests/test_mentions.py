"""Mentions are not uses: a term quoted, named or explained is not the writer's own wording."""

from __future__ import annotations

import pytest


def words(analyzer, text: str) -> list[tuple[str, str]]:
    return [(f.rule, f.text) for f in analyzer.analyze(text).findings if f.kind != "readability"]


@pytest.mark.parametrize(
    "text",
    [
        "Some people use the term 'warm handoff' for this.",
        'Staff may say "utilize" when they mean use.',
        'He said "I am not an addict" and left.',
        "Treatment with medicine is also called MAT.",
        "This is what we call psychoeducation.",
        "Psychoeducation means learning about your health.",
        "IOP stands for intensive outpatient program.",
        "Your PCP (your regular doctor) can help.",
        "We offer psychoeducation, or learning about your condition, on Mondays.",
        "You can join the IOP, or intensive outpatient program, next week.",
        "Ask for a warm handoff (a personal introduction to the new worker).",
        "Apply for SNAP (Food Stamps) today.",  # the entry's own plain name, in capitals
        "Groups for adolescents (teens) meet on Fridays.",  # one plain word, plural
        "The doctor uses a thin tool called a colonoscope.",  # a thing, then "called"
        'Bring your immunizations, or "shots", record.',  # quoted after ", or"
    ],
)
def test_mentioned_or_explained_terms_are_not_flagged(analyzer, text):
    flagged = words(analyzer, text)
    mentioned = {"warm handoff", "utilize", "addict", "MAT", "psychoeducation", "Psychoeducation", "IOP", "PCP", "SNAP",
                 "adolescents", "immunizations", "colonoscope"}
    assert not [w for w in flagged if w[1] in mentioned], flagged


@pytest.mark.parametrize(
    ("text", "later"),
    [
        ("We offer psychoeducation, or learning about your condition, on Mondays. Psychoeducation is free.",
         "Psychoeducation"),
        ("Your PCP (your regular doctor) can help. Ask your PCP first.", "PCP"),
        ("You can join the IOP, or intensive outpatient program. The IOP meets on Tuesdays.", "IOP"),
        ("SSI stands for Supplemental Security Income. Your SSI check comes monthly.", "SSI"),
        ('"Grievance" shall mean any dispute with us. Grievance does not include class actions.', "Grievance"),
        ("The judge may delay it. This is called a continuance. A continuance can take a month.", "continuance"),
        ("WIC ~ Women, Infants and Children. Submit a WIC form online.", "WIC"),  # a dash or tilde and its long form
        # the long form, a dash and the acronym, as a heading has it
        ("Trial Work Period - TWP\nDuring the TWP you can test your ability to work.", "TWP"),
        ("The Trial Work Period – TWP – lets you try work. The TWP lasts nine months.", "TWP"),
        ("Call Social Security (SSA) today. SSA will write back.", "SSA"),  # as fix spells an acronym out
        # the long form, "or" and the acronym; a hyphen inside a word, a closing quotation mark
        ("Medicare offers Low Income Subsidy or LIS to people. LIS lowers costs.", "LIS"),
        # a long form in quotation marks before the brackets
        ('We offer "Supplemental Security Income" (SSI). SSI helps.', "SSI"),
        ('We offer "Social Security" (SSA). SSA helps.', "SSA"),
        ("You may apply for a \u201cSpecial Immigrant Visa\u201d (SIV) now. The SIV helps.", "SIV"),
        ('Extra Help (also called the "low-income subsidy" or LIS) helps. Ask about LIS.', "LIS"),
        # a long form in a list, its words' initials spelling it; square brackets
        ("Apply for Women, Infants, Children (WIC) today. WIC gives food.", "WIC"),
        ("Income must be under the federal poverty level [FPL]. The FPL changes each year.", "FPL"),
        ("The IOP [intensive outpatient program] meets daily. IOP helps.", "IOP"),
        ("An overpayment occurs when we pay you too much. Your overpayment is $40.", "overpayment"),
        ("You follow a care plan, called a protocol, here. Before you join a protocol, we explain it.", "protocol"),
        # an acronym, "is the" ("stands for", "means") and its long form in capitals
        ("WIC is the Special Supplemental Nutrition Program for Women, Infants, and Children. Apply for WIC.", "WIC"),
        ("TANF means Temporary Assistance for Needy Families. Apply for TANF.", "TANF"),
        ("CMS is the Centers for Medicare & Medicaid Services. CMS runs Medicare.", "CMS"),
        # square brackets after a term say what it means, as round ones do
        ("Your copay [the amount you pay at each visit] is due. The copay is five dollars.", "copay"),
    ],
)
def test_a_term_the_text_explained_is_accepted_for_the_rest_of_it(analyzer, text, later):
    assert not [w for w in words(analyzer, text) if w[1] == later]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will utilize the portal.", "utilize"),
        ("Call your PCP, or go to urgent care.", "PCP"),  # ", or" that does not explain
        ("She called the IOP yesterday.", "IOP"),  # "called" as in phoned
        ("Call today - TWP staff can help.", "TWP"),  # a dash after words that do not spell it
        ("Apply today, Work Program - TWP staff can help.", "TWP"),  # initials read back stop at a comma
        ("Call your local office or SSA today.", "SSA"),  # "or" after words that do not spell it
        ("Ask about Security, Social or SSA.", "SSA"),  # nor across a comma
        ("Your IOP is a day program.", "IOP"),  # not at the start of its sentence: a use
        ("We think the IOP is a good fit.", "IOP"),
        ("Myalgia is a common side effect of this pill.", "Myalgia"),
        ("Please bring the clients' forms and utilize the portal.", "utilize"),  # a possessive, not a quote
        ("He is an addict, the report said.", "an addict"),
        ("She called a discharge planner.", "discharge planner"),  # "called" as in phoned
        ("A nurse called a discharge planner.", "discharge planner"),  # a person, then "called": phoned
        # brackets that add to the sentence do not say what the term means
        ("Please utilize (if needed) the form.", "utilize"),
        ("We offer a continuum of care (including detox and groups).", "continuum of care"),
        ("We offer a continuum of care (e.g. detox and groups).", "continuum of care"),
        ("Ask the conservators (depending on the state) for help.", "conservators"),
        # an aside in brackets does not explain a wordy phrase (it would a term of art)
        ("Give medicines in accordance with law (additional consent required).", "in accordance with law"),
        # an acronym before the brackets does not explain its long form in them
        ("Plans like PPOs (preferred provider organizations) cost more.", "preferred provider organizations"),
        # a quoted label in brackets names a section; it does not say what the term means
        (("Failure to complete recertifications (\u201cfamily obligations\u201d) may end your lease. Your recertification "
          "is due in May."), "recertification"),
        ("WIC - the office is open. Submit a WIC form online.", "WIC"),  # a dash, but no long form
        ("Your SSI: see section 4 of this letter. SSI is paid monthly.", "SSI"),  # letters in order, but no long form
        # "is the" and capitalised words that do not end with the acronym's last letter
        ("SSA is the Social Security office near you. SSA pays.", "SSA"),
        ("The SSA is the agency that pays you.", "SSA"),  # no long form in capitals
        ("Please utilize (tools) the form.", "utilize"),  # one word in brackets that is not its plain word
        # a person's name after "is" spells a two-letter acronym; two letters are never read so
        ("Your CM is Carla Moreno. Call your CM.", "CM"),
        ("WIC is the\nSpecial Supplemental Nutrition Program for Women, Infants, and Children. Apply for WIC.", "WIC"),
        # a stigmatising label stays one, explained or not, and so do its later uses (review s30)
        ("His first test was clean (negative). His second test was clean too.", "clean"),
        ("He was a heroin addict (a person who used heroin). Today no addict is turned away.", "addict"),
        # an explained phrase does not explain a general word at its end
        ("Prior authorization (approval your plan gives before you get care) is needed. Sign the authorization.",
         "authorization"),
    ],
)
def test_uses_are_still_flagged(analyzer, text, expected):
    assert expected in [w[1] for w in words(analyzer, text)]


def test_fix_never_swaps_a_mention(analyzer):
    from plainspeak.rewrite.fixes import fix_text

    text = "Some call it 'utilize'. We will utilize it."
    result = fix_text(analyzer.analyze(text), analyzer.lexicon)
    assert result.text == "Some call it 'utilize'. We will use it."


def test_a_style_phrase_talked_about_is_not_flagged(analyzer):
    text = 'Some letters say "a decision was made" and nothing more. A decision was made about your claim.'
    flagged = [f.text for f in analyzer.analyze(text).findings if f.kind == "style"]
    assert flagged == ["A decision was made"]


@pytest.mark.parametrize("before", range(5, 10))
@pytest.mark.parametrize("after", range(5, 10))
def test_a_quotation_is_as_long_as_the_cue_file_allows(analyzer, before, after):
    """A term in quotation marks is a mention when each mark is at most
    max_quoted_words words away (data/mentions.toml: 8); the words between are
    counted once per Doc, not walked: the same answer at the limit and past it."""
    text = 'She wrote "' + "one " * before + "utilize" + " two" * after + '" on the form.'
    flagged = "jargon.utilize" in [f.rule for f in analyzer.analyze(text).findings]
    assert flagged is (before > 8 or after > 8)


def test_a_list_before_brackets_defines_only_an_acronym_its_initials_spell(analyzer):
    text = "We offer food, rent, and cash help (FRC). FRC works."
    assert [f.rule for f in analyzer.analyze(text).findings].count("acronym.undefined") == 2


def test_a_term_then_its_common_name_is_explained(analyzer):
    """ "Influenza, commonly called the flu, ...": the text names it plainly there."""
    text = "Influenza, commonly called the flu, spreads fast. Influenza can be serious."
    assert "jargon.influenza" not in [f.rule for f in analyzer.analyze(text).findings]


def test_a_term_then_its_former_name_is_explained(analyzer):
    """ "Withdrawal management, formerly known as detox": the text gives the old, known name."""
    text = "Withdrawal management, formerly known as detox, lasts a week."
    rules = [f.rule for f in analyzer.analyze(text).findings]
    assert "jargon.withdrawal-management" not in rules
    assert "jargon.withdrawal-management" in [f.rule for f in analyzer.analyze("Withdrawal management lasts a week.").findings]


def test_a_term_the_text_uses_before_happens_when_is_no_definition(analyzer):
    """ "Your recertification happens when ..." uses the word; "An overpayment occurs
    when ..." explains it."""
    text = "Your recertification happens when your lease ends. Bring papers to your recertification."
    assert [f.rule for f in analyzer.analyze(text).findings].count("jargon.recertification") == 2


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("A urinary catheter is a thin tube that drains urine. Keep the catheter clean.", "catheter"),
        ("A biopsy is the removal of tissue to look at it. The biopsy takes ten minutes.", "biopsy"),
        ("Bilirubin is a substance that is found in the red blood cells. Bilirubin can make skin yellow.",
         "ilirubin"),
        # describing words do not make it a claim: the noun before "that" decides
        (("Preeclampsia is a serious pregnancy complication that can happen during pregnancy. "
          "Preeclampsia can cause harm."), "reeclampsia"),
        ("Preeclampsia is a condition in which blood pressure gets high in pregnancy. Preeclampsia can harm you.",
         "reeclampsia"),
        ("Respite care is a service that gives caregivers a short break. Respite care helps.", "espite"),
        ("Neuropathy is a nerve problem that causes pain in the feet. Neuropathy hurts.", "europathy"),
    ],
)
def test_a_sentence_that_says_what_the_term_is_defines_it(analyzer, text, term):
    """ "A catheter is a thin tube that ..." at a sentence's start says what the word
    means: neither it nor a later use is flagged."""
    assert not [w for w in words(analyzer, text) if term in w[1]], words(analyzer, text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("An overpayment is a serious matter that we take seriously. Your overpayment is due.", "overpayment"),
        ("A mental status evaluation is a necessary part of any assessment.", "mental status evaluation"),
        ("Your catheter is a tube that drains urine.", "catheter"),  # a use: "your" catheter
        ("We think the catheter is a tube that helps.", "catheter"),  # not at the sentence's start
        ("Myalgia is a common side effect of this pill.", "Myalgia"),
        ("Respite is available when your caregiver needs a break. Ask about respite.", "respite"),
        ("Recertification is one of the ways we check. Your recertification is due.", "recertification"),
        ("Respite is the only service that gives you a break. Ask about respite.", "espite"),
        ("Recertification is a condition of your lease. Your recertification is due.", "ecertification"),
        ("Recertification is an important step that keeps your rent low. Your recertification is due.",
         "ecertification"),
    ],
)
def test_a_sentence_about_the_term_that_is_no_definition_leaves_it_flagged(analyzer, text, term):
    assert [w for w in words(analyzer, text) if term in w[1]]


def test_a_bracket_with_a_number_in_it_is_no_explanation(analyzer):
    """ "self-sufficiency (ages 16 and up)" says who, not what the word means."""
    text = "We teach self-sufficiency (ages 16 and up) skills."
    assert "jargon.self-sufficiency" in [f.rule for f in analyzer.analyze(text).findings]


@pytest.mark.parametrize("text", ["Take it TID (3 times a day).", "Come to your intake (your first visit)."])
def test_a_bracket_that_says_what_the_term_means_explains_it_with_a_number_too(analyzer, text):
    """The number test is for limits after a word ("(ages 16 and up)"), not for an
    acronym's meaning or an ordinal."""
    assert not [w for w in words(analyzer, text) if w[1] in ("TID", "intake")]

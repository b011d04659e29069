"""Unit tests for the spaCy components, on blank English pipelines."""

from __future__ import annotations

import itertools
import subprocess
import sys

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import DocBin

from conftest import MINI_LEXICON, blank_nlp
from plainspeak.pipeline.components import (
    ACRONYM_DEFINITIONS_KEY,
    ACRONYM_KEY,
    JARGON_KEY,
    SENTENCES_KEY,
    UNCOMMON_KEY,
)


def spans(nlp, text, key):
    doc = nlp(text)  # keep the Doc alive while reading its span group
    return [s.text for s in doc.spans[key]]


def jargon(nlp, text):
    doc = nlp(text)
    return [(s.text, s.id_) for s in doc.spans[JARGON_KEY]]


# --- lemmatizer -------------------------------------------------------------


def test_lookup_lemmas_ignore_case():
    nlp = blank_nlp()
    doc = nlp("Utilizing modalities UTILIZED she facilitates")
    assert [t.lemma_ for t in doc] == ["utilize", "modality", "utilize", "she", "facilitate"]


# --- layout sentence starts ---------------------------------------------------


def test_paragraphs_greeting_blank_lines_and_bullets_start_sentences():
    nlp = blank_nlp()
    text = "Hi Maria,\nThis is Sam from the clinic\n\nNext steps\n- call us\n- come by"
    sents = [s.text.strip() for s in nlp(text).sents if s.text.strip()]
    # A bullet mark is a sentence of its own (no words), so the item's first word starts one.
    assert sents == ["Hi Maria,", "This is Sam from the clinic", "Next steps", "-", "call us", "-", "come by"]


def test_paragraphs_keep_hard_wrapped_prose_together():
    nlp = blank_nlp()
    text = (
        "We are writing to let you know that your appointment with the housing team\n"
        "has moved to Tuesday afternoon at the same place as before."
    )
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Hi. How are you?! I'm fine... \"Really.\" (Yes.) ok",
        "No punctuation at all",
        ". . Start",
        "A.\n\nB. C",
        "Wait!\" he said. Then?\n- item one\n- item two. Done",
        "Dr. Smith arrived at 5 p.m. today. Then he left\u3002 \u0964 next",
    ],
)
def test_sentence_splits_match_spacys_sentencizer(text):
    ours = blank_nlp()
    theirs = spacy.blank("en")
    theirs.add_pipe("plainspeak_paragraphs")
    theirs.add_pipe("sentencizer")
    assert [t.is_sent_start for t in ours(text)] == [t.is_sent_start for t in theirs(text)]


# --- jargon matcher -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We utilized it.", [("utilized", "utilize")]),
        ("Utilizing it helps.", [("Utilizing", "utilize")]),
        ("She facilitates the group.", [("facilitates", "facilitate")]),
        ("Two treatment modalities.", [("treatment modalities", "treatment-modality")]),
        ("UTILIZE THIS", [("UTILIZE", "utilize")]),
    ],
)
def test_jargon_matches_any_inflection_and_case(jargon_nlp, text, expected):
    assert jargon(jargon_nlp, text) == expected


def test_acronyms_match_case_sensitively(jargon_nlp):
    assert jargon(jargon_nlp, "She goes to IOP and two IOPs.") == [("IOP", "iop"), ("IOPs", "iop")]
    assert jargon(jargon_nlp, "The iop and Iop are not acronyms here.") == []


def test_longest_match_wins(jargon_nlp):
    assert jargon(jargon_nlp, "Call prior to noon about prior authorization or prior visits.") == [
        ("prior to", "prior-to"),
        ("prior authorization", "prior-authorization"),
        ("prior", "prior"),
    ]


@pytest.mark.parametrize("text", ["your follow-up visit", "your follow up visit", "your followup visit"])
def test_hyphen_space_and_closed_variants(jargon_nlp, text):
    assert [i for _, i in jargon(jargon_nlp, text)] == ["follow-up"]


@pytest.mark.parametrize("text", ["your follow - up visit", "your follow -up visit", "Please follow\n- Up to date"])
def test_a_spaced_dash_or_a_bullet_is_no_hyphen(jargon_nlp, text):
    """ "follow-up" is written with a hyphen; a dash with spaces, or a list's bullet on
    the next line ("supplements\n- Your"), does not join two words into the term."""
    assert [i for _, i in jargon(jargon_nlp, text)] == []


@pytest.mark.parametrize(("text", "flagged"), [
    ("This setting is distinguished\nby its services.\n", False),  # a hard-wrapped line: "not before: by" still sees "by"
    ("This setting is distinguished by its services.\n", False),
    ("They could not distinguish\nthe two forms.\n", True),
])
def test_context_rules_read_past_a_hard_wrapped_line(analyzer, text, flagged):
    assert ("jargon.distinguish" in [f.rule for f in analyzer.analyze(text).findings]) is flagged


def test_term_words_as_written_also_match(jargon_nlp):
    """'hearing' lemmatises to 'hear', but 'hearings' to 'hearing'."""
    assert jargon(jargon_nlp, "Two fair hearings and one fair hearing.") == [
        ("fair hearings", "fair-hearing"),
        ("fair hearing", "fair-hearing"),
    ]


def test_curly_apostrophes_do_not_hide_terms(mini_analyzer):
    report = mini_analyzer.analyze("We\u2019ll utilize the portal.")
    assert [f.rule for f in report.findings] == ["jargon.utilize"]


def test_jargon_component_exposes_its_lexicon(jargon_nlp):
    pipe = jargon_nlp.get_pipe("plainspeak_jargon")
    assert pipe.lexicon.get("utilize").plain == ("use",)


# --- uncommon words ---------------------------------------------------------------


def uncommon(nlp, text):
    return spans(nlp, text, UNCOMMON_KEY)


def test_uncommon_flags_rare_words(full_mini_nlp):
    assert uncommon(full_mini_nlp, "Their comorbid and heretofore unknown needs.") == ["comorbid", "heretofore"]


def test_uncommon_skips_names_numbers_urls_emails_and_jargon(full_mini_nlp):
    text = (
        "Hi Maria, Xanthippe Quarrington called on 6/12/2025 at 3:30pm about $40.\n"
        "Write to q.zyx@example.org or see https://zzqx.example.org or call 555-0142.\n"
        "The psychoeducation group utilized a portal."
    )
    flagged = uncommon(full_mini_nlp, text)
    assert flagged == ["psychoeducation"]


def test_uncommon_sentence_initial_names_are_not_flagged(full_mini_nlp):
    assert uncommon(full_mini_nlp, "Quarrington is here. We met Quarrington today.") == []
    assert uncommon(full_mini_nlp, "Thanks,\nXanthippe Quarrington") == []


def test_uncommon_words_in_a_worded_heading_are_the_writers(full_mini_nlp):
    """A capitalised word in a Title Case heading with a small word in lower case is
    the writer's choice; a name on a line of its own is still a name."""
    heading = "Notice\n\nHeretofore Unknown Reasons for the Decision\n\nWe looked again.\n"
    assert uncommon(full_mini_nlp, heading) == ["Heretofore"]
    assert uncommon(full_mini_nlp, "Thanks,\nXanthippe Quarrington\n\nXanthippe Quarrington\n") == []
    assert uncommon(full_mini_nlp, "Quarrington Office of Heretofore Review\n") == []  # ends in a name's head word
    assert uncommon(full_mini_nlp, "Prepared by Xanthippe Quarrington\n\nWe met.\n") == []  # "by" joins a name
    assert uncommon(full_mini_nlp, "Attendees: Xanthippe and Tomasz Quarrington\n\nWe met.\n") == []


def test_uncommon_accept_list():
    nlp = blank_nlp(("plainspeak_uncommon", {"accept": ["Ascertain"], "zipf_threshold": 3.5}))
    assert uncommon(nlp, "We will ascertain the heretofore unknown facts.") == ["heretofore"]
    assert uncommon(blank_nlp(("plainspeak_uncommon", {"zipf_threshold": 3.5})), "We will ascertain it.") == [
        "ascertain"
    ]


def test_uncommon_threshold_is_configurable():
    strict = blank_nlp(("plainspeak_uncommon", {"zipf_threshold": 4.5, "rating_threshold": 2.0}))
    lax = blank_nlp(("plainspeak_uncommon", {"zipf_threshold": 1.0, "rating_threshold": 2.0}))
    assert "reimbursement" in uncommon(strict, "Your reimbursement is ready.")
    assert uncommon(lax, "Your reimbursement is ready.") == []


def test_uncommon_flags_words_readers_rate_hard():
    """A word frequent enough to pass the Zipf test is still flagged when readers
    rate it hard (Word Complexity Lexicon: "reimbursement" 0.57 on 0..1)."""
    rated = blank_nlp(("plainspeak_uncommon", {"zipf_threshold": 1.0, "rating_threshold": 0.55}))
    assert uncommon(rated, "Your reimbursement is ready.") == ["reimbursement"]
    higher = blank_nlp(("plainspeak_uncommon", {"zipf_threshold": 1.0, "rating_threshold": 0.6}))
    assert uncommon(higher, "Your reimbursement is ready.") == []


def test_uncommon_lets_see_through_compounds_pass(full_mini_nlp):
    assert uncommon(full_mini_nlp, "Please reschedule the carpool with the grandkids.") == []


# --- acronyms -------------------------------------------------------------------


def acronyms(nlp, text):
    return spans(nlp, text, ACRONYM_KEY)


def test_unexplained_acronyms_are_flagged(full_mini_nlp):
    assert acronyms(full_mini_nlp, "Your CBT and DBT sessions start soon.") == ["CBT", "DBT"]


def test_lexicon_and_everyday_acronyms_are_not_flagged_as_unexplained(full_mini_nlp):
    assert acronyms(full_mini_nlp, "Bring your ID to IOP at 9 AM, OK?") == []


@pytest.mark.parametrize(
    "text",
    [
        "We offer cognitive behavioral therapy (CBT). CBT helps many people.",
        "We offer CBT (cognitive behavioral therapy). CBT helps many people.",
        'We offer cognitive behavioral therapy ("CBT"). CBT helps many people.',  # quoted in the brackets
        "We offer cognitive behavioral therapy (“CBT”). CBT helps many people.",
    ],
)
def test_defined_acronyms_are_not_flagged_later(full_mini_nlp, text):
    doc = full_mini_nlp(text)
    assert [s.text for s in doc.spans[ACRONYM_KEY]] == []
    assert [s.text for s in doc.spans[ACRONYM_DEFINITIONS_KEY]] == ["CBT"]


def test_use_before_definition_is_still_flagged(full_mini_nlp):
    text = "Try CBT. We offer cognitive behavioral therapy (CBT). CBT helps."
    doc = full_mini_nlp(text)
    assert [(s.text, s.start_char) for s in doc.spans[ACRONYM_KEY]] == [("CBT", 4)]


def test_a_pair_of_acronyms_in_brackets_is_defined_by_the_long_form_before(full_mini_nlp):
    """ "Mental Health and Developmental Services (MH/DS)" spells out both."""
    text = "Call Mental Health and Developmental Services (MH/DS). Your XY/DS office helps."
    doc = full_mini_nlp(text)
    assert [s.text for s in doc.spans[ACRONYM_DEFINITIONS_KEY]] == ["MH", "DS"]
    assert acronyms(full_mini_nlp, text) == ["XY"]
    assert acronyms(full_mini_nlp, "Call the county offices (QB/DS) today. QB/DS helps.") == ["QB", "DS", "QB", "DS"]


def test_parenthesised_acronym_after_unrelated_words_is_not_a_definition(full_mini_nlp):
    assert acronyms(full_mini_nlp, "We met on Monday (CBT). CBT is next.") == ["CBT", "CBT"]


def test_form_and_case_numbers_are_not_acronyms(full_mini_nlp):
    text = "Sign form XQZ-9886 for case HCV-20931, then take the PHQ-9."
    assert acronyms(full_mini_nlp, text) == ["PHQ-9"]


def test_a_long_word_in_capitals_is_emphasis_not_an_acronym(full_mini_nlp):
    """Six letters or more and a word readers know: "ALLOWANCES"; five letters must be
    commoner, since "COBRA" is an acronym."""
    text = "Rent counts income after ALLOWANCES are taken off; ask about LIHEAP and TEFRA."
    assert acronyms(full_mini_nlp, text) == ["LIHEAP", "TEFRA"]


def test_a_word_in_capitals_never_loads_the_large_word_list(full_mini_nlp, monkeypatch):
    """wordfreq's large list costs 40 MB and 0.1 s; the small one decides for capitals."""
    from plainspeak.text import frequency

    monkeypatch.setattr(frequency, "_large", lambda: pytest.fail("wordfreq's large list was loaded"))
    assert acronyms(full_mini_nlp, "Bring the LIHEAP form and the ALLOWANCES sheet.") == ["LIHEAP"]


def test_a_medicine_brand_in_capitals_is_not_an_acronym(full_mini_nlp):
    """As printed on the box: "NARCAN", "SUBOXONE" (data/drug_names.txt, or a drug stem)."""
    assert acronyms(full_mini_nlp, "Keep NARCAN at home; take SUBOXONE daily, not the CBT.") == ["CBT"]


def test_shouting_is_not_an_acronym(full_mini_nlp):
    assert acronyms(full_mini_nlp, "PLEASE CALL US TODAY about your DENIED claim.") == []


def test_acronym_long_form_matching():
    from plainspeak.pipeline.components.acronyms import matches_long_form

    assert matches_long_form("IOP", "intensive outpatient program")
    assert matches_long_form("SNAP", "Supplemental Nutrition Assistance Program")
    assert not matches_long_form("CBT", "on Monday")


# --- readability ------------------------------------------------------------------


def test_readability_flags_hard_and_long_sentences():
    nlp = blank_nlp(("plainspeak_readability", {"target_grade": 8, "max_sentence_words": 12}))
    text = (
        "We went home. "
        "The comprehensive biopsychosocial reassessment necessitates interdisciplinary documentation "
        "verification by the assigned clinician. "
        "We ate lunch and then we walked the dog and then we went to the park again."
    )
    doc = nlp(text)
    group = doc.spans[SENTENCES_KEY]
    assert [(s.label_, s.text.split()[0]) for s in group] == [
        ("hard-sentence", "The"),
        ("long-sentence", "We"),
    ]
    assert group.attrs["sentences"] == 3
    assert group.attrs["words"] == 3 + 12 + 17
    assert group.attrs["grades"][0] > 15
    assert group.attrs["word_counts"] == [12, 17]


def test_short_sentences_are_never_graded_hard():
    nlp = blank_nlp(("plainspeak_readability", {"min_sentence_words": 10}))
    doc = nlp("Eligibility determination requires documentation verification.")
    assert list(doc.spans[SENTENCES_KEY]) == []


def test_names_and_numbers_count_as_one_syllable():
    from plainspeak.pipeline.components.readability import sentence_counts

    nlp = blank_nlp()
    doc = nlp("Call Anastasia Montgomery-Richardson at 555-0142.")
    counts = sentence_counts(next(doc.sents))
    # Call(1) Anastasia(1) Montgomery(1) Richardson(1) at(1) 555(1) 0142(1)
    assert counts.syllables == counts.words


# --- serialisation and registration ---------------------------------------------


def test_spans_survive_docbin_round_trip(full_mini_nlp):
    doc = full_mini_nlp("We utilized IOP and CBT. The heretofore group was long and hard to follow for everyone there.")
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    back = next(iter(DocBin().from_bytes(data).get_docs(full_mini_nlp.vocab)))
    for key in (JARGON_KEY, UNCOMMON_KEY, ACRONYM_KEY, SENTENCES_KEY):
        assert [(s.start, s.end, s.label_, s.id_) for s in back.spans[key]] == [
            (s.start, s.end, s.label_, s.id_) for s in doc.spans[key]
        ]
    assert [s.id_ for s in back.spans[JARGON_KEY]] == ["utilize", "iop"]
    assert back.spans[SENTENCES_KEY].attrs == doc.spans[SENTENCES_KEY].attrs


def test_factories_are_found_through_entry_points():
    """A user's own pipeline gets our components by name, without importing plainspeak."""
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('plainspeak_sentencizer')\n"
        "nlp.add_pipe('plainspeak_lemmatizer')\n"
        "nlp.add_pipe('plainspeak_jargon', config={'default_lexicon': False})\n"
        "for name in ('plainspeak_acronyms', 'plainspeak_uncommon', 'plainspeak_readability'):\n"
        "    nlp.add_pipe(name)\n"
        "nlp.config['initialize']['components']['plainspeak_jargon'] = "
        f"{{'lexicon_paths': [{str(MINI_LEXICON)!r}]}}\n"
        "nlp.initialize()\n"
        "doc = nlp('Please utilize the portal.')\n"
        "print([s.id_ for s in doc.spans['plainspeak_jargon']])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['utilize']"


def test_default_factory_config_loads_shipped_lexicon():
    nlp = spacy.blank("en")
    nlp.add_pipe("plainspeak_lemmatizer")
    pipe = nlp.add_pipe("plainspeak_jargon")
    assert len(pipe.lexicon) >= 150
    assert nlp.config["components"]["plainspeak_jargon"]["default_lexicon"] is True


def test_array_counts_match_token_by_token_counts():
    from plainspeak.pipeline.components.readability import sentence_arrays, sentence_counts
    from plainspeak.text.readability import Counts

    nlp = blank_nlp()
    text = (
        "Hi Maria,\nDon't worry: call Anastasia at 555-0142 or https://x.example.org today. "
        "The comprehensive reassessment won't take long.\n\n- bring your ID\n- e-mail q@x.org\n"
        "We're here 24/7 for you, and it's fine if you can't."
    )
    doc = nlp(text)
    a = sentence_arrays(doc)
    fast = [(start, end, Counts(w, 1 if w else 0, sy, p))
            for start, end, w, sy, p in zip(*(x.tolist() for x in (a.starts, a.ends, a.words, a.syllables, a.polysyllables)))]
    slow = [(s.start, s.end, sentence_counts(s)) for s in doc.sents]
    assert fast == slow


def test_sentence_ratings_take_the_hardest_and_the_content_words():
    from plainspeak.pipeline.components.readability import TOP_RATED, sentence_arrays
    from plainspeak.text.difficulty import word_rating

    nlp = blank_nlp()
    doc = nlp("The eligibility determination is on 12 Friday. We can talk about it with you.")
    arrays = sentence_arrays(doc)
    top, content = arrays.top_rated, arrays.content_rated
    first = ["eligibility", "determination", "Friday"]  # "The", "is", "on" are function words; 12 is a number
    ratings = sorted((round(1000 * word_rating(w)) for w in ["The", "eligibility", "determination", "is", "on", "Friday"]), reverse=True)
    assert TOP_RATED == 3 and top[0] == pytest.approx(sum(ratings[:3]) / 3000)
    assert content[0] == pytest.approx(sum(round(1000 * word_rating(w)) for w in first) / 3000)
    assert top[0] > top[1] and content[0] > content[1]


def test_a_sentence_of_function_words_has_no_content_rating():
    from plainspeak.pipeline.components.readability import sentence_arrays

    arrays = sentence_arrays(blank_nlp()("It is what it is."))
    assert arrays.content_rated.tolist() == [0.0] == arrays.content_rated_no_names.tolist()


def test_estimated_grade_rises_with_length_by_ever_smaller_steps():
    from plainspeak.text.readability import estimated_grade

    grades = [estimated_grade(n, 0.3, 0.3) for n in (5, 15, 25, 35)]
    steps = [b - a for a, b in itertools.pairwise(grades)]
    assert all(s > 0 for s in steps) and steps[0] > steps[1] > steps[2]
    assert estimated_grade(10, 0.6, 0.3) > estimated_grade(10, 0.3, 0.3) < estimated_grade(10, 0.3, 0.6)


def test_per_distinct_computes_once_per_value_ever_seen():
    import numpy

    from plainspeak.pipeline.components.arrays import per_distinct

    calls, memo = [], {}

    def square(v):
        calls.append(v)
        return v * v

    assert per_distinct(numpy.array([3, 1, 3, 2]), square, memo, numpy.int64).tolist() == [9, 1, 9, 4]
    assert per_distinct(numpy.array([2, 5]), square, memo, numpy.int64).tolist() == [4, 25]
    assert sorted(calls) == [1, 2, 3, 5]


def test_sentence_arrays_survive_the_text_table_growing(monkeypatch):
    from plainspeak.pipeline.components import readability

    monkeypatch.setattr(readability, "_TEXT_PROPS", readability._TextProps())  # fresh: room for 1,024 texts
    doc = blank_nlp()(" ".join(f"word{i}x" for i in range(3000)) + ".")
    arrays = readability.sentence_arrays(doc)
    assert arrays.words.tolist() == [3000] and arrays.syllables[0] >= 3000


def test_syllables_from_search_and_from_full_table_agree():
    from plainspeak.text import syllables

    words = ["utilize", "psychoeducation", "sepultura", "hello", "the", "reimbursement", "a's", "zyzzyva"]
    searched = [syllables._cmu_syllables(w) for w in words]
    table = syllables._cmu_table()
    assert searched == [table.get(w) for w in words]
    assert searched[:4] == [3, None, 4, 2]


def test_split_term_agrees_with_the_tokenizer():
    from plainspeak.pipeline.components.jargon import split_term, term_variants
    from plainspeak.rules.lexicon import load_lexicon

    nlp = spacy.blank("en")
    specials = {k.lower() for k in nlp.tokenizer.rules}
    for entry in load_lexicon():
        for form in term_variants(entry):
            assert split_term(form, nlp, specials) == [t.text for t in nlp.make_doc(form)], form


def test_array_helpers_match_numpy():
    import numpy

    from plainspeak.pipeline.components.arrays import isin_sorted, unique_inverse

    values = numpy.array([5, 3, 5, 9, 3, 3, 1], dtype=numpy.uint64)
    uniq, first, inverse = unique_inverse(values)
    ref_uniq, ref_first, ref_inverse = numpy.unique(values, return_index=True, return_inverse=True)
    assert uniq.tolist() == ref_uniq.tolist() and first.tolist() == ref_first.tolist()
    assert inverse.tolist() == ref_inverse.tolist()
    keys = numpy.array([3, 7, 9], dtype=numpy.uint64)
    assert isin_sorted(values, keys).tolist() == numpy.isin(values, keys).tolist()
    assert isin_sorted(values, keys[:0]).tolist() == [False] * len(values)


def test_lemmas_a_pipeline_set_are_kept_but_normalised_like_ours():
    from plainspeak.pipeline.components.lemmatizer import LookupLemmatizer

    nlp = spacy.blank("en")
    doc = nlp.make_doc("RECERTIFICATIONS were utilized")
    doc[0].lemma_ = "RECERTIFICATION"  # as a trained pipeline might leave it
    LookupLemmatizer(nlp)(doc)
    assert [t.lemma_ for t in doc] == ["recertification", "be", "utilize"]
    LookupLemmatizer(nlp, overwrite=True)(doc)
    assert doc[0].lemma_ == "recertification"


# --- jargon: context rules and inflections the lemma table lacks --------------------

CONTEXT_LEXICON = """\
id,term,plain,category,severity,match,pos,note,example,source,context,counterexample
in-denial,in denial,,person-first,warning,lower,,N.,She is in denial.,S,not before: of|status; not after: result|end,It may result in denial.
suffer-from,suffer from,have,person-first,warning,lemma,verb,N.,She suffers from depression.,S,only before within 4 words: @conditions,I suffer from back pain.
the-homeless,the homeless,people without housing,person-first,warning,lower,,N.,Help the homeless.,S,not before: shelter|youth,The homeless shelter.
microgrant,microgrant,small grant,benefits,suggestion,lemma,noun,N.,A microgrant.,S,,
microgrants,microgrants,small grants,benefits,suggestion,lower,,N.,Two microgrants.,S,,
onboard,onboard,welcome|set up,wordy,suggestion,lemma,verb,N.,We onboard staff.,S,,
consumer,consumer,client,mental-health,suggestion,lemma,noun,N.,Each consumer gets services.,S,only near within 3 words: services|treatment,Consumers buy cars.
essential,essential,very important,wordy,suggestion,lemma,adj,N.,It is essential.,S,,
"""


@pytest.fixture(scope="module")
def context_nlp(tmp_path_factory):
    path = tmp_path_factory.mktemp("lexicon") / "context.csv"
    path.write_text(CONTEXT_LEXICON, encoding="utf-8")
    return blank_nlp(("plainspeak_jargon", {"default_lexicon": False}), lexicon_paths=(str(path),))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Late forms can result in denial of your claim.", []),
        ("Late forms resulted in denial.", []),  # a rule's word matches its inflections
        ("Your case is in denial status.", []),
        ("Her mother is in denial about it.", ["in denial"]),
        ("She is in denial. Of course she is.", ["in denial"]),  # rules stop at the sentence end
        ("The form asks if you suffer from back pain.", []),
        ("She suffers from severe, lasting depression.", ["suffers from"]),  # punctuation is skipped
        ("People who suffer from mental illness need homes.", ["suffer from"]),  # a phrase of the list
        ("People who suffer from mental strain need rest.", []),
        ("He suffers from a lot of back pain and depression.", []),  # beyond 4 words
        ("She suffers from it. Depression is hard.", []),
        ("We hand out blankets to the homeless.", ["the homeless"]),
        ("The homeless shelter is open.", []),
        # "near": the words on either side
        ("Every consumer gets treatment.", ["consumer"]),
        ("Treatment helps each consumer.", ["consumer"]),
        ("Consumers buy cars and treatment is far off.", []),  # beyond 3 words
        # an adjective has no plural: "the essentials" is a noun
        ("Sleep is essential.", ["essential"]),
        ("Bring the essentials.", []),
    ],
)
def test_context_rules_keep_only_the_sense_the_entry_is_about(context_nlp, text, expected):
    assert [t for t, _ in jargon(context_nlp, text)] == expected


def test_context_rules_can_be_ignored(context_nlp):
    matcher = context_nlp.get_pipe("plainspeak_jargon")
    doc = context_nlp("It may result in denial of the claim.")
    assert [s.text for s in matcher.spans(doc, context=False)] == ["in denial"]
    assert matcher.spans(doc) == []


def test_user_terms_match_forms_the_lemma_table_lacks(context_nlp):
    """lemminflect makes them when the matcher is built: "onboarded" is not in the table."""
    assert jargon(context_nlp, "We onboarded her and are onboarding him.") == [
        ("onboarded", "onboard"),
        ("onboarding", "onboard"),
    ]
    # A form that another entry has as its own term stays that entry's.
    assert jargon(context_nlp, "One microgrant, two microgrants.") == [
        ("microgrant", "microgrant"),
        ("microgrants", "microgrants"),
    ]


def test_shipped_terms_match_forms_the_lemma_table_lacks():
    nlp = blank_nlp(("plainspeak_jargon", {}))
    assert jargon(nlp, "Warm handoffs cut copays for screenshots.") == [
        ("Warm handoffs", "warm-handoff"),
        ("copays", "co-pay"),
        ("screenshots", "screenshot"),
    ]


def test_shipped_inflections_are_read_without_importing_lemminflect():
    """Start-up time: lemminflect costs 0.15-0.5 s, so it is imported only for
    head words missing from data/term_inflections.tsv."""
    code = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('plainspeak_lemmatizer')\n"
        "nlp.add_pipe('plainspeak_jargon')\n"
        "doc = nlp('Your copays and warm handoffs.')\n"
        "print([s.id_ for s in doc.spans['plainspeak_jargon']], 'lemminflect' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['co-pay', 'warm-handoff'] False"


@pytest.mark.parametrize(
    "term, pos, form, expected",
    [
        ("warm handoff", "noun", "warm handoff", "handoff"),
        ("co-pay", "noun", "co pay", "pay"),
        ("co-pay", "noun", "copay", "copay"),
        ("suffer from", "verb", "suffer from", "suffer"),
        ("suffer from", "verb", "suffer-from", "suffer"),
        ("de-escalate", "verb", "de escalate", "escalate"),
        ("de-escalate", "verb", "deescalate", "deescalate"),
        ("relapse into addiction", "verb", "relapse-into-addiction", "relapse"),
        ("treatment-resistant", "adj", "treatment-resistant", None),
        ("cost sharing", "", "cost sharing", None),
    ],
)
def test_inflected_word_of_each_written_form(term, pos, form, expected):
    from plainspeak.pipeline.components.jargon import inflected_word, split_term
    from plainspeak.rules.lexicon import Entry
    from plainspeak.severity import Severity

    nlp = spacy.blank("en")
    entry = Entry("x", term, (), "wordy", Severity.SUGGESTION, "lemma", pos, "N.")
    tokens = split_term(form, nlp, set())
    at = inflected_word(entry, tokens)
    assert (tokens[at] if at is not None else None) == expected


@pytest.mark.parametrize(
    "word", ["reschedule", "workplace", "carpool", "grandkids", "paperwork", "nonviolent", "nonprofit",
             "hopelessness", "worthlessness", "unavoidable"],  # two plain affixes: "hope|less|ness", "un|avoid|able"
)
def test_see_through_compounds_of_two_content_words(word):
    from plainspeak.pipeline.components.uncommon import is_transparent

    assert is_transparent(word)


@pytest.mark.parametrize(
    "word", ["therapist", "forthwith", "herein", "noncompliance", "nonexempt", "prostatic", "franciscan", "unshaven", "recidivism"],
)
def test_words_that_only_look_like_compounds_are_not_excused(word):
    """Function words and word pieces are not parts: "the|rapist", "for|thwith", "non|compliance"."""
    from plainspeak.pipeline.components.uncommon import is_transparent

    assert not is_transparent(word)


def test_a_word_readers_rated_hard_is_never_excused_as_a_compound(analyzer):
    """'outpatient' splits into two common words, but readers rate it hard (0.72)."""
    report = analyzer.analyze("Follow up with your outpatient doctor next week.")
    assert "outpatient" in [f.text for f in report.findings if f.rule == "uncommon.word"]


@pytest.mark.parametrize(
    "text",
    [
        "Columbus, OH 43215",
        "We moved to Dayton, MN last year.",
        "Send it to 100 King St W, Toronto, ON M5V 2T6.",
        "Your case was reviewed under Title IV-E and Section VIII.",
        "See Part IV of the rules and Level III care.",
        "Write to 10 Downing St, London SW1A 2AA.",
        "Our office is at 1200 Main St SW, Suite 4. Drive NE to the clinic.",  # compass points
        "IV. Current and Past Use\n\nShe drinks on weekends.\n\nXII) Plan\n",
        "Form PA/FS 162-A is enclosed.",  # letters joined by "/" before a number: a form's code
    ],
)
def test_codes_are_not_unexplained_acronyms(analyzer, text):
    """States in addresses, postcodes and Roman numerals after Title/Part/Section are not acronyms."""
    assert [f.text for f in analyzer.analyze(text).findings if f.rule == "acronym.undefined"] == []


def test_a_roman_numeral_alone_can_still_be_an_acronym(analyzer):
    assert "IV" in [f.text for f in analyzer.analyze("You will get an IV in the hospital.").findings
                    if f.kind in ("acronym", "jargon")]
    assert "IV" in [f.text for f in analyzer.analyze("Give the drug by IV. Then wait.").findings
                    if f.kind in ("acronym", "jargon")]


def test_an_acronym_inside_a_form_number_is_not_jargon(analyzer):
    report = analyzer.analyze("Send form SSA-L8155-U2 today.")
    assert [f.text for f in report.findings if f.kind in ("jargon", "acronym")] == []


def test_a_definition_with_a_year_in_its_brackets_counts(analyzer):
    report = analyzer.analyze("The Consolidated Appropriations Act (CAA, 2023) changed this. The CAA says so.")
    assert [f.text for f in report.findings if f.kind == "acronym"] == []


@pytest.mark.parametrize("text", ["The VA will call you.", "COVID-19 is still around.", "Ask the CDC."])
def test_acronyms_everyone_knows(analyzer, text):
    assert [f.text for f in analyzer.analyze(text).findings if f.kind in ("acronym",)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Take your buprenorphine and sertraline every day.",
        "Suboxone and Narcan are free at the clinic.",
        "Ask your pharmacist about zorvastatin.",  # not in the list: known by its stem
        "Bring your inhaler to the visit.",
        "Your mortgage is due; if the sink is gurgling, use a plunger.",  # data/everyday_words.txt
        "Gargle with salt water and spray one nostril.",
        "Low self-esteem and hopelessness are common.",
    ],
)
def test_medicine_names_and_everyday_health_words_are_not_uncommon(analyzer, text):
    """The reader needs the name on the bottle (data/drug_names.txt, drug_stems.txt, everyday_health_words.txt)."""
    assert [f.text for f in analyzer.analyze(text).findings if f.rule == "uncommon.word"] == []


def test_a_hyphenated_acronym_whose_parts_are_explained_is_not_flagged(analyzer):
    text = ("The Department of Veterans Affairs (VA) and the Department of Housing and Urban Development (HUD) "
            "run the HUD-VA program together.")
    assert [f.text for f in analyzer.analyze(text).findings if f.kind == "acronym"] == []


def test_a_citation_is_flagged_whole_not_its_acronym_again(analyzer):
    findings = analyzer.analyze("Read the rule (see 7 CFR 273.7(c)(1)(ii)). Then call.").findings
    assert [(f.rule, f.text) for f in findings] == [("style.citation", "7 CFR 273.7(c)(1)(ii)")]


@pytest.mark.parametrize(
    "text, rule, flagged",
    [
        # a heading or title is the writer's wording
        ("Identifying Information and Presenting Problem\n\nShe came in on Monday.\n", "jargon.presenting-problem", True),
        ("Sample Functional Descriptions\n\nThis article gives examples.\n", "jargon.functional-description", True),
        # a name is not, on a line of its own or in a sentence
        ("Supplemental Nutrition Assistance Program\n\nApply online.\n", "jargon.supplemental", False),
        ("Call the Office of Disability Adjudication and Review.\n", "jargon.adjudication", False),
        ("Office of Disability Adjudication and Review\n", "jargon.adjudication", False),
        # a signature line, a job title, a label with a number
        ("Housing Navigator, Riverton Coalition for the Homeless\n", "jargon.the-homeless", False),
        ("Linda Marsh\nIntake Coordinator\n", "jargon.intake", False),
        # a sentence in Title Case is no heading
        ("Please Ask About Our Presenting Problem Form Today.\n", "jargon.presenting-problem", False),
        # a thing in Title Case after "your" or "a" is the writer's wording; a name is not
        ("You must complete your Annual Recertification by May 1.\n", "jargon.recertification", True),
        ("Hello.\n\nYour Annual Recertification is due in May.\n", "jargon.recertification", True),  # "Your" starts the sentence
        ("You signed a Stipulation Agreement last year.\n", "jargon.stipulation-agreement", True),
        ("Part 4 of this Treatment Improvement Protocol (TIP) is for you.\n", "jargon.protocol", False),
        ("Call your Assertive Community Treatment Team today.\n", "jargon.assertive-community-treatment", False),
        ("Call your assertive community treatment team today.\n", "jargon.assertive-community-treatment", True),
        ("The Individuals with Disabilities Education Act protects you.\n", "jargon.individuals", False),  # "with" joins a name
        ("Individuals with disabilities may apply.\n", "jargon.individuals", True),
        # a question in Title Case, a heading's part before a dash or a note in brackets
        ("How Do I Find Substance Use Disorder Treatment?\n", "jargon.substance-use-disorder", True),
        ("Emergency Respite (See provider directory)\n", "jargon.respite", True),
        ("(New) Respite Care Hours\n", "jargon.respite-care", True),
        ("Appeals - Emergency Respite\n", "jargon.respite", True),
        # "Your" in a heading: no name has it, though "Plan" ends names
        ("Implementing Your Service Plan\n\nWe will help.\n", "jargon.implement", True),
        ("Your Behavioral Health Center\n", "jargon.behavioral-health", False),  # "Your" first: perhaps a name
        # ... but a question naming an agency, a signature line, a line with a name in
        # another part, and a name with a hyphenated word in a sentence are not
        ("How Do I Contact the Substance Abuse and Mental Health Services Administration?\n",
         "jargon.substance-abuse", False),
        ("Dani Reyes, LCSW - Case Management\n", "jargon.case-management", False),
        ("Case Management - Riverton Behavioral Health\n", "jargon.case-management", False),
        ("Call the Crisis Stabilization Walk-In Clinic today.\n", "jargon.crisis-stabilization", False),
        # a form's name in brackets is not, nor a name before its acronym in a sentence
        ("The National Institute on Drug Abuse (NIDA) created a resource.\n", "jargon.drug-abuse", False),
        ("Send the papers on Form 7334 (Request for Verification) by May 1.\n", "jargon.verification", False),
        # letters after a name are a credential; after a sentence's first word, an acronym used
        ("Thanks,\nDani Reyes, LCSW, CPRS\n", "jargon.cprs", False),
        ("Sadly, CPRS staff cannot visit.\n", "jargon.cprs", True),
        # a month after a term does not make it a name
        ("Effective June 1, your rent will go up.\n", "jargon.effective-date-sense", True),
    ],
)
def test_headings_are_the_writers_words_and_names_are_not(analyzer, text, rule, flagged):
    assert (rule in [f.rule for f in analyzer.analyze(text).findings]) is flagged


def test_a_long_line_is_no_heading():
    """A heading is short; a long line is not scanned word by word for one."""
    import spacy

    from plainspeak.pipeline.components.headings import in_a_heading

    doc = spacy.blank("en")(" ".join(["Heretofore"] * 100))
    assert not in_a_heading(doc, 50, 51)
    short = spacy.blank("en")("Heretofore Unknown Reasons for the Decision")
    assert in_a_heading(short, 0, 1)


def _walked_line(doc, start, end, reach=40):
    """The line's token bounds found token by token: what headings._line must give."""
    i, j = start, end
    while i > 0 and "\n" not in doc[i - 1].text:
        i -= 1
        if start - i > reach:
            return None
    while j < len(doc) and "\n" not in doc[j].text:
        j += 1
        if j - end > reach:
            return None
    return i, j


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "Bee ", "\n", "  ", " \n ", "C.", "\r\n", "x y z ", "\n\n"]), max_size=120),
       st.data())
def test_a_headings_line_is_found_by_offsets_as_by_walking(parts, data):
    """headings._line finds a line's bounds by character offsets (walking tokens one by
    one cost 0.4 s per 1M words): the same bounds, and the same "too long" None."""
    from plainspeak.pipeline.components.headings import _line

    doc = _BLANK.make_doc("".join(parts))
    if not len(doc):
        return
    start = data.draw(st.integers(0, len(doc) - 1))
    end = data.draw(st.integers(start + 1, min(len(doc), start + 3)))
    assert _line(doc, start, end) == _walked_line(doc, start, end)


_BLANK = spacy.blank("en")


def test_a_headings_line_is_too_long_at_the_same_length_as_by_walking():
    from plainspeak.pipeline.components.headings import _line

    for words in range(15, 26):  # 2 tokens a word ("w" and its ","): 30-50 tokens a line
        doc = _BLANK.make_doc("Top\n" + "w, " * words + "\nEnd")
        for start in range(len(doc) - 1):
            assert _line(doc, start, start + 1) == _walked_line(doc, start, start + 1)




def test_a_compound_verb_is_not_matched_by_its_parts_forms(analyzer):
    """lemminflect reads "undergo" as "under" + "go" ("under went"): "went" alone is
    no form of "undergo", "underwent" is."""
    from plainspeak.pipeline.components.lemmatizer import missing_inflections

    assert all(" " not in f and "-" not in f for f in missing_inflections("undergo", "verb"))
    rules = [f.rule for f in analyzer.analyze("He went home. She underwent surgery.").findings]
    assert rules.count("jargon.undergo") == 1


@pytest.mark.parametrize(
    "text, rule",
    [
        ("Your re-determination is due in May.", "jargon.redetermination"),
        ("We found an over-payment on your case.", "jargon.overpayment"),
        ("The pre-sentence report is ready.", "jargon.presentence-report"),
    ],
)
def test_a_closed_term_matches_with_its_prefix_hyphenated(analyzer, text, rule):
    assert rule in [f.rule for f in analyzer.analyze(text).findings]


def test_a_curly_apostrophe_does_not_make_an_everyday_word_uncommon(analyzer):
    """data/everyday_words.txt lists "don'ts"; text/prep.py reads a curly apostrophe
    as a straight one, so "don’ts" is the same word."""
    text = "The do’s and don’ts of recovery. The don'ts."
    assert not [f for f in analyzer.analyze(text).findings if f.rule == "uncommon.word"]


@pytest.mark.parametrize("text", ["Enter the date as MM/DD/YYYY.", "Date (DD/YYYY): ____", "Born: DD-MM-YY"])
def test_a_date_blank_on_a_form_is_no_acronym(analyzer, text):
    assert not [f for f in analyzer.analyze(text).findings if f.rule == "acronym.undefined"]


@pytest.mark.parametrize("text", ["Write to TAUNTON MA 02780.", "Write to SPRINGFIELD, IL 62701.", "Add your ZIP code."])
def test_a_city_in_an_address_in_capitals_is_no_acronym(analyzer, text):
    assert not [f for f in analyzer.analyze(text).findings if f.rule == "acronym.undefined"]


@pytest.mark.parametrize("text", ["We serve adults with I/DD.", "The DD/MI waiver pays.", "Apply for the DD-waiver."])
def test_dd_beside_a_slash_is_still_an_acronym(analyzer, text):
    """Developmental disabilities, not a date: the part across the slash is no date part."""
    assert "DD" in [f.text for f in analyzer.analyze(text).findings if f.rule == "acronym.undefined"]


def test_words_of_a_spanish_line_are_not_uncommon_english_words(analyzer):
    """The language-help line of a notice ("Si necesita ayuda ..., llame al ...") is not
    English; an English word near a Spanish name or two still is."""
    text = ("Si habla español, tiene a su disposición servicios gratuitos de asistencia lingüística. "
            "Llame al 1-800-555-0100.\n\nLos Angeles has quixotic pelicans.")
    findings = analyzer.analyze(text).findings
    assert [f.text for f in findings if f.rule == "uncommon.word"] == ["quixotic"]
    assert not [f for f in findings if f.rule.startswith("readability.") and f.start < text.index("Los")]

"""Stigma terms whose sense depends on the words around them are flagged only
in that sense (the lexicon's `context` rules, docs/lexicon.md), checked on
real sentences from our users' kind of writing: each is (sentence, entry id,
flagged?). "suffers from back pain" is ordinary English; "suffers from
depression" is a label of misery.
"""

from __future__ import annotations

import pytest

CASES = [
    # in denial
    ("Missing the deadline can result in denial of your claim.", "in-denial", False),
    ("If we do not get the form, the request may end in denial.", "in-denial", False),
    ("Late forms resulted in denial of her benefits.", "in-denial", False),
    ("Your case is in denial status until we get the pay stubs.", "in-denial", False),
    ("Her mother is in denial about how much she drinks.", "in-denial", True),
    ("He is still in denial.", "in-denial", True),
    ("I think he was in denial for years.", "in-denial", True),
    # suffer from/with
    ("The form asks if you suffer from back pain.", "suffer-from", False),
    ("Many people suffer from headaches after the shot.", "suffer-from", False),
    ("She is suffering from a cold, so she will call tomorrow.", "suffer-from", False),
    ("Our town suffers from a lack of affordable housing.", "suffer-from", False),
    ("Families suffer from a lack of financial aid.", "suffer-from", False),
    ("She suffers from depression.", "suffer-from", True),
    ("He has suffered from addiction for years.", "suffer-from", True),
    ("Her son suffers from bipolar disorder.", "suffer-from", True),
    ("People who suffer from mental illness deserve housing.", "suffer-from", True),
    ("He suffers from severe and lasting depression.", "suffer-from", True),
    ("She suffers from opioid use disorder.", "suffer-from", True),
    ("He suffered from PTSD after the war.", "suffer-from", True),
    ("She suffers from Alzheimer's.", "suffer-from", True),
    ("He suffers from alcoholism.", "suffer-from", True),
    ("He suffers with anxiety, so crowded waiting rooms are hard for him.", "suffer-with", True),
    ("He suffers with headaches when he skips meals.", "suffer-with", False),
    ("She has been afflicted with depression since her teens.", "afflicted-with", True),
    ("The old shelter was afflicted with leaks and mold.", "afflicted-with", False),
    # clean / dirty
    ("She has been clean for six months now.", "be-clean-for", True),
    ("He's been clean for over two years.", "be-clean-for", True),
    ("I have been clean for 90 days.", "be-clean-for", True),
    ("The room must be clean for the inspection on Friday.", "be-clean-for", False),
    ("The kitchen has been clean for a week since the new chore chart.", "be-clean-for", False),
    ("Your last three drug tests came back clean.", "come-back-clean", True),
    ("If your test comes back clean, you can get take-homes.", "come-back-clean", True),
    ("Your UA came back clean.", "come-back-clean", True),
    ("Your background check came back clean, so you can sign the lease.", "come-back-clean", False),
    ("Her biopsy results came back clean.", "come-back-clean", False),
    ("The sheets came back clean from the laundry.", "come-back-clean", False),
    ("Your HIV test came back clean.", "come-back-clean", False),
    ("If your test comes back dirty, we will talk about it together.", "come-back-dirty", True),
    ("His urine screen came back dirty for fentanyl.", "come-back-dirty", True),
    ("The kids came back dirty and happy from the park.", "come-back-dirty", False),
    ("She has tested clean every week since March.", "test-clean", True),
    ("He tested clean for opioids at intake.", "test-clean", True),
    ("The water in your building tested clean for lead.", "test-clean", False),
    ("The apartment tested clean for mold.", "test-clean", False),
    ("Going to meetings every day is helping him stay clean.", "stay-clean", True),
    ("She is trying to stay clean this time.", "stay-clean", True),
    ("Since coming home he has stayed clean.", "stay-clean", True),
    ("Living in a sober house helps him stay clean.", "stay-clean", True),
    ("Keep the bandage on so the wound can stay clean and dry.", "stay-clean", False),
    ("Our showers and lockers help guests stay clean.", "stay-clean", False),
    ("Wipe the counters so the kitchen stays clean.", "stay-clean", False),
    # drug user
    ("The outreach van serves drug users in the park every night.", "drug-user", True),
    ("Prescription drug users should ask the pharmacist before mixing medicines.", "drug-user", False),
    # frequent flyer
    ("He's a frequent flyer at the ER, so the nurses know him well.", "frequent-flyer", True),
    ("Some families donate frequent flyer miles for medical travel.", "frequent-flyer", False),
    ("She is a frequent flyer.", "frequent-flyer", True),
    # handicapped
    ("The form asks if anyone in your home is handicapped.", "handicapped", True),
    ("Her handicapped son needs a ground floor room.", "handicapped", True),
    ("There are two handicapped spots by the front door.", "handicapped", False),
    ("Every unit is handicapped accessible.", "handicapped", False),
    ("Park in the handicapped parking by the door.", "handicapped", False),
    # the homeless
    ("We hand out blankets to the homeless every Friday.", "the-homeless", True),
    ("Services for the homeless are listed below.", "the-homeless", True),
    ("The homeless shelter on Main Street has beds open tonight.", "the-homeless", False),
    ("Call the homeless services office on Monday.", "the-homeless", False),
    ("She works with the homeless youth in the county.", "the-homeless", False),
    ("The homeless and the hungry need our help.", "the-homeless", True),
    # the addicted
    ("Our church has always tried to serve the addicted.", "the-addicted", True),
    ("The talk explains how the addicted brain learns to crave.", "the-addicted", False),
    # alcoholic
    ("His father was an alcoholic and he worries about his own drinking.", "alcoholic", True),
    ("Please do not bring an alcoholic drink to the picnic.", "alcoholic", False),
    ("She was married to an alcoholic.", "alcoholic", True),
    # junkie
    ("Her neighbor called her a junkie in front of the kids.", "junkie", True),
    ("Our front desk volunteer is a total news junkie.", "junkie", False),
    ("He is a self-described adrenaline junkie.", "junkie", False),
    ("The junkies on the corner scare the kids.", "junkie", True),
    # psycho
    ("His ex keeps calling him a psycho in her texts.", "psycho", True),
    ("She finished six weeks of psycho-education in group.", "psycho", False),
    ("We offer psycho-social support.", "psycho", False),
    # schizophrenic
    ("We have two schizophrenics living in the house right now.", "schizophrenic", True),
    ("He is a schizophrenic.", "schizophrenic", True),
    ("Schizophrenic symptoms often start in the late teens or early twenties.", "schizophrenic", False),
    # manipulative
    ("Staff described him as manipulative when he asked for a later curfew.", "manipulative", True),
    ("Her doctor suggested spinal manipulative therapy for the back pain.", "manipulative", False),
    ("Math manipulatives help kids learn to count.", "manipulative", False),
    # non-compliant
    ("He has been non-compliant with his medication since March.", "non-compliant", True),
    ("The inspector found the unit non-compliant with the fire code.", "non-compliant", False),
    ("The smoke detector is non-compliant.", "non-compliant", False),
    ("Your unit is noncompliant with housing quality standards.", "non-compliant", False),
    ("The letter says her benefits stopped due to noncompliance with the work rules.", "non-compliance", True),
    ("The unit failed inspection because of non-compliance with the fire code.", "non-compliance", False),
]


@pytest.mark.parametrize("text, entry_id, flagged", CASES, ids=[f"{i}-{c[1]}" for i, c in enumerate(CASES)])
def test_stigma_terms_are_flagged_only_in_their_sense(analyzer, text, entry_id, flagged):
    found = [f.text for f in analyzer.analyze(text).findings if f.rule == f"jargon.{entry_id}"]
    assert bool(found) is flagged, (text, found)

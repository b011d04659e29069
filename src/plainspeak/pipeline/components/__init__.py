"""spaCy components of plainspeak, one module each, registered as factories.

Each component annotates ``doc.spans[<key>]``; identity lives in
``span.label_`` and ``span.id_`` so Docs serialise (DocBin, n_process).
Importing a module registers its factory; the ``spacy_factories`` entry
points let ``nlp.add_pipe("plainspeak_jargon")`` work without importing us.
"""

JARGON_KEY = "plainspeak_jargon"
UNCOMMON_KEY = "plainspeak_uncommon"
ACRONYM_KEY = "plainspeak_acronyms"
ACRONYM_DEFINITIONS_KEY = "plainspeak_acronym_definitions"
SENTENCES_KEY = "plainspeak_sentences"
# Lexicon terms the text explains where they stand (id_ = entry id): later uses are accepted.
TERM_DEFINITIONS_KEY = "plainspeak_term_definitions"
# Plain-language rules beyond word lists (nominalisations, passives hiding the
# actor, ...): label_ is the rule id ("style.<name>"); the group's attrs hold,
# aligned with the spans, "messages", "suggestions" (lists) and "severities".
STYLE_KEY = "plainspeak_style"
# The text a Doc was made from, kept by the tokenizer memo (pipeline/tokenizer.py):
# ``Doc.text`` rebuilds it token by token, 1.5 s over 1M words.
TEXT_KEY = "plainspeak_text"


def doc_text(doc) -> str:
    """The Doc's text, without rebuilding it when the tokenizer kept it."""
    text = doc.user_data.get(TEXT_KEY)
    return text if text is not None else doc.text

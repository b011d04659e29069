"""E-mail and mailbox reading: the sender's own words, placed by message and paragraph."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from plainspeak.documents import read_document
from plainspeak.documents.mail import read
from plainspeak.errors import InputError


def message(body: str = "We will utilize the portal.", *, subject: str = "Your visit", charset: str = "utf-8",
            html: str | None = None, **headers: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = headers.pop("sender", "Dana <dana@example.org>")
    msg["To"] = "Ana <ana@example.com>"
    msg["Subject"] = subject
    for key, value in headers.items():
        msg[key.replace("_", "-")] = value
    msg.set_content(body, charset=charset)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    return msg


def paragraphs(document) -> list[tuple[str, str]]:
    return [(b.where, document.text[b.start:b.end]) for b in document.blocks]


def test_a_plain_message_is_its_subject_and_paragraphs():
    doc = read(bytes(message("Hi Ana,\n\nWe will utilize the portal.\nSee you Friday.\n")), "note.eml")
    assert doc.format == "eml"
    assert paragraphs(doc) == [("subject", "Your visit"), ("paragraph 1", "Hi Ana,"),
                               ("paragraph 2", "We will utilize the portal.\nSee you Friday.")]
    assert doc.notes == ()
    assert doc.where(doc.text.index("utilize")) == "paragraph 2"


def test_quoted_reply_and_signature_are_left_out_and_noted():
    body = ("Yes, Friday works.\n\n"
            "-- \nDana Reyes\nCase manager\n\n"
            "On Tue, 3 Mar 2026 at 10:00, Ana Lopez <ana@example.com> wrote:\n"
            "> Can I come Friday?\n> Thanks\n")
    doc = read(bytes(message(body, subject="Re: Your visit")), "reply.eml")
    assert doc.text == "Yes, Friday works."
    assert doc.notes == ("left out the Re:/Fwd: subject, 3 quoted lines and a signature",)


def test_a_wrapped_attribution_and_everything_after_it_go():
    body = ("Thanks, see you then.\n\n"
            "On Tue, 3 Mar 2026 at 10:00, Ana Lopez <\nana@example.com> wrote:\n\n"
            "Can I come Friday? The eligibility determination is pending.\n")
    doc = read(bytes(message(body)), "r.eml")
    assert doc.text == "Your visit\n\nThanks, see you then."
    assert doc.notes == ("left out 3 quoted lines",)  # the attribution's two lines and the old message's one


def test_answers_between_quoted_lines_are_kept():
    body = ("Ana Lopez <ana@example.com> wrote:\n"
            "> Can I come Friday?\n\nYes, come at ten.\n\n> And bring my ID?\n\nYes, please bring it.\n")
    doc = read(bytes(message(body)), "inline.eml")
    assert [text for where, text in paragraphs(doc)] == ["Your visit", "Yes, come at ten.", "Yes, please bring it."]
    assert doc.notes == ("left out 3 quoted lines",)


@pytest.mark.parametrize("separator", [
    "-----Original Message-----\nFrom: Ana\nSent: Tuesday\nTo: Dana\nSubject: visit\n\nOld text here.",
    ("________________________________\nFrom: Ana Lopez <ana@example.com>\nSent: Tuesday, March 3, 2026 10:00 AM\n"
     "To: Dana\nSubject: visit\n\nOld text here."),
    "---------- Forwarded message ---------\nFrom: Ana\nDate: Tue\n\nOld text here.",
])
def test_outlook_and_forwarded_blocks_are_cut(separator):
    doc = read(bytes(message("My answer is yes.\n\n" + separator + "\n")), "o.eml")
    assert doc.text == "Your visit\n\nMy answer is yes."
    assert "Old text" not in doc.text and "quoted lines" in doc.notes[0]


def test_mobile_footer_is_left_out():
    doc = read(bytes(message("On my way.\n\nSent from my iPhone\n\n> earlier\n")), "m.eml")
    assert doc.text == "Your visit\n\nOn my way."
    assert doc.notes == ('left out 1 quoted line and the line "Sent from my iPhone"',)


def test_plain_text_is_preferred_in_multipart_alternative():
    msg = message("Plain words here.", html="<p>HTML words here.</p>")
    assert msg.is_multipart()
    doc = read(bytes(msg), "alt.eml")
    assert doc.text == "Your visit\n\nPlain words here."


def test_html_only_body_is_reduced_to_text():
    pytest.importorskip("plainspeak.documents.html")
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "a@example.org", "b@example.org", "Hello"
    msg.set_content("<html><head><style>p{}</style></head><body><p>We will <b>utilize</b> the portal.</p>"
                    "<p>Second paragraph.</p></body></html>", subtype="html")
    doc = read(bytes(msg), "h.eml")
    assert "We will utilize the portal." in doc.text
    assert "p{}" not in doc.text and "<b>" not in doc.text
    assert doc.where(doc.text.index("utilize")) == "paragraph 1"


def test_latin1_body_is_decoded():
    msg = message("Le café est à côté.\n", charset="latin-1")
    raw = bytes(msg)
    assert "latin-1" in raw.decode("ascii", "replace") or "iso-8859-1" in raw.decode("ascii", "replace").lower()
    assert read(raw, "l.eml").text.endswith("Le café est à côté.")


def test_mislabelled_ascii_falls_back_to_utf8():
    raw = (b"From: a@example.org\nSubject: hi\nContent-Type: text/plain; charset=us-ascii\n"
           b"Content-Transfer-Encoding: 8bit\n\nCaf\xc3\xa9 at noon.\n")
    assert read(raw, "a.eml").text == "hi\n\nCafé at noon."


def test_unknown_charset_is_a_clear_error():
    raw = (b"From: a@example.org\nSubject: hi\nContent-Type: text/plain; charset=x-foo\n\nHello.\n")
    with pytest.raises(InputError) as caught:
        read(raw, "u.eml")
    assert caught.value.reason == "uses an unknown character set 'x-foo'"
    assert str(caught.value) == "u.eml: uses an unknown character set 'x-foo'"


def test_only_attachments_is_a_clear_error():
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "a@example.org", "b@example.org", "Scan"
    msg.add_attachment(b"%PDF-1.4 fake", maintype="application", subtype="pdf", filename="scan.pdf")
    with pytest.raises(InputError, match=r"has no text body \(only attachments\)"):
        read(bytes(msg), "s.eml")


def test_text_without_headers_is_not_an_email():
    with pytest.raises(InputError, match="is not an e-mail"):
        read(b"Dear Ana, we will utilize the portal.\nThanks.\n", "notes.eml")


def test_format_flowed_soft_breaks_are_joined():
    raw = (b"From: a@example.org\nSubject: hi\nContent-Type: text/plain; charset=utf-8; format=flowed\n\n"
           b"We will utilize \nthe portal.\n\n-- \nDana\n")
    doc = read(raw, "f.eml")
    assert doc.text == "hi\n\nWe will utilize the portal."
    assert doc.notes == ("left out a signature",)


def mbox(*messages: EmailMessage) -> bytes:
    out = b""
    for msg in messages:
        body = bytes(msg).replace(b"\r\n", b"\n")
        body = b"\n".join(b">" + line if line.startswith(b"From ") else line for line in body.split(b"\n"))
        out += b"From dana@example.org Tue Mar  3 10:00:00 2026\n" + body + b"\n\n"
    return out


def test_mbox_messages_are_numbered():
    data = mbox(message("First message.", subject="One"),
                message("Second message.\nFrom here on, we meet weekly.\n\n-- \nDana", subject="Two"))
    doc = read(data, "box.mbox")
    assert doc.format == "mbox"
    assert paragraphs(doc) == [("message 1, subject", "One"), ("message 1, paragraph 1", "First message."),
                               ("message 2, subject", "Two"),
                               ("message 2, paragraph 1", "Second message.\nFrom here on, we meet weekly.")]
    assert doc.notes == ("message 2: left out a signature",)


def test_an_unreadable_message_in_a_mailbox_is_left_out_with_a_note():
    bad = message("Hidden.")
    del bad["Content-Type"]
    bad["Content-Type"] = "text/plain; charset=x-foo"
    doc = read(mbox(message("Readable."), bad), "box.mbox")
    assert "Readable." in doc.text and "Hidden." not in doc.text
    assert doc.notes == ("left out message 2, which uses an unknown character set 'x-foo'",)


def test_a_mailbox_of_only_unreadable_messages_is_an_error():
    bad = message("Hidden.")
    del bad["Content-Type"]
    bad["Content-Type"] = "text/plain; charset=x-foo"
    with pytest.raises(InputError, match="message 1 uses an unknown character set"):
        read(mbox(bad, bad), "box.mbox")


def test_mbox_with_crlf_and_no_blank_line_before_separator():
    data = (b"From a@b Tue Mar  3 10:00:00 2026\r\nFrom: a@b\r\nSubject: One\r\n\r\nFirst.\r\n"
            b"From a@b Tue Mar  3 11:00:00 2026\r\nFrom: a@b\r\nSubject: Two\r\n\r\nSecond.\r\n")
    doc = read(data, "box.mbox")
    assert [w for w, _ in paragraphs(doc)] == ["message 1, subject", "message 1, paragraph 1",
                                               "message 2, subject", "message 2, paragraph 1"]


def test_the_registry_reads_eml_and_mbox():
    doc = read_document(bytes(message()), name="x.eml", suffix=".eml")
    assert doc.text == "Your visit\n\nWe will utilize the portal."
    doc = read_document(mbox(message()), name="x.mbox", suffix=".mbox")
    assert doc.blocks[0].where == "message 1, subject"


def test_offsets_point_at_the_text():
    doc = read(mbox(message("Alpha beta.\n\nGamma delta."), message("Epsilon.")), "box.mbox")
    for block in doc.blocks:
        assert doc.text[block.start:block.end].strip() == doc.text[block.start:block.end]
        assert doc.where(block.start) == block.where


def test_a_sentence_ending_in_wrote_is_not_an_attribution():
    body = "On Monday my sister wrote:\n\nWe miss you. Come home soon.\n"
    assert read(bytes(message(body)), "s.eml").text == "Your visit\n\nOn Monday my sister wrote:\n\nWe miss you. Come home soon."


def test_raw_8bit_subject_is_decoded():
    raw = b"From: a@example.org\nSubject: Caf\xc3\xa9 at noon\n\nSee you.\n"
    assert read(raw, "s.eml").text == "Caf\u00e9 at noon\n\nSee you."


def test_html_body_goes_through_html_to_document_and_is_cut_like_text(monkeypatch):
    """The wiring, with a stand-in reader (the real one is tested above): its text's blank
    lines make the paragraphs, and an HTML reply's copied message is cut at its attribution."""
    import re
    import sys
    import types

    from plainspeak.documents.model import TextBuilder

    def html_to_document(html: str, fmt: str = "html", **_options):
        builder = TextBuilder()
        for number, chunk in enumerate(re.findall(r"<(?:p|div)[^>]*>(.*?)</(?:p|div)>", html, re.S), 1):
            builder.add(re.sub(r"<[^>]+>", "", chunk), f"paragraph {number}")
        return builder.build(fmt)

    stand_in = types.ModuleType("plainspeak.documents.html")
    stand_in.html_to_document = html_to_document  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "plainspeak.documents.html", stand_in)
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "a@example.org", "b@example.org", "Plan"
    msg.set_content("<p>We will <b>utilize</b> the portal.</p><p>Call me.</p>"
                    "<div>On Tue, 3 Mar 2026 at 10:00, Ana &lt;ana@example.com&gt; wrote:</div>"
                    "<blockquote><p>Old words.</p></blockquote>", subtype="html")
    doc = read(bytes(msg), "h.eml")
    assert paragraphs(doc) == [("subject", "Plan"), ("paragraph 1", "We will utilize the portal."), ("paragraph 2", "Call me.")]
    assert doc.notes == ("left out 2 quoted lines",)

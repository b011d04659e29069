"""E-mail (.eml) and mailboxes (.mbox): the words the sender wrote, not what they quoted.

A reply carries the message it answers, a signature and often a "Sent from my
iPhone" footer; none of that is the sender's writing, so checking it would
flag someone else's jargon. Each message's body is read (text/plain, else
text/html reduced to its visible text), then cut:

* lines quoted with ">" are left out; the sender's answers between them are kept;
* from an attribution ("On Tue, 3 Mar 2026, Ana <a@b> wrote:") followed by
  unquoted text, a "-----Original Message-----" or forwarded-message line, or
  Outlook's "From: ... Sent: ..." block, everything after is left out (it is the
  earlier message, copied without ">", as Outlook and HTML mail do);
* from the signature delimiter ("-- ") or a mobile footer onward is left out.

The Subject is the sender's too, and the first thing the reader sees, so it is
checked: it is its own block, ``where`` "subject" (a reply's or forward's subject,
"Re: ...", is the earlier sender's and is left out). Paragraphs split on blank
lines are "paragraph N" in a single message and "message N, paragraph N" in a
mailbox. What was left out is said in :attr:`Document.notes`.
"""

from __future__ import annotations

import codecs
import email
import email.errors
import re
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage, MIMEPart

from ..errors import InputError
from .model import Document, TextBuilder

# Headers at least one of which every e-mail has; text without any is not an e-mail.
_MAIL_HEADERS = frozenset({"from", "to", "cc", "subject", "date", "message-id", "mime-version", "content-type",
                           "received", "return-path", "delivered-to", "reply-to", "sender"})

# An mbox's separator line: "From " at a line start. After a blank line any such line
# starts a message; elsewhere only one that looks like an envelope (it has a time).
_ENVELOPE = re.compile(rb"^From \S+.*\d\d:\d\d")
_ESCAPED_FROM = re.compile(rb"^>+From ")  # mboxrd's escaping of body lines starting "From "

_SIGNATURE = re.compile(r"^--[ \t\xa0]*$")
_FOOTER = re.compile(
    r"^\s*(Sent from my \w.{0,80}|Sent from (Outlook|Mail|Yahoo Mail|Gmail|Proton Mail)\b.{0,60}"
    r"|Get Outlook for \w.{0,60}|Sent with .{0,30}Mail\b.{0,30}|Sent via \w[\w .-]{0,40})\s*$",
    re.IGNORECASE,
)
_ORIGINAL = re.compile(
    r"^\s*(-{2,}\s*(Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine|Mensaje original"
    r"|Messaggio originale|Oorspronkelijk bericht)\s*-{2,}|Begin forwarded message:)\s*$",
    re.IGNORECASE,
)
_HEADER_FROM = re.compile(r"^\s*\*?(From|Von|De|Da|Van|Från|Fra)\s*:\*?\s*\S", re.IGNORECASE)
_HEADER_SENT = re.compile(r"^\s*\*?(Sent|Date|Gesendet|Envoyé|Enviado|Inviato|Verzonden|Skickat|Sendt)\s*:", re.IGNORECASE)
_ATTRIBUTION = re.compile(
    r"^\s*(On|Am|Le|El|Il|Op|Em|Den|På)\s.*\b(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu|skrev)\s*:\s*$",
    re.IGNORECASE | re.DOTALL,
)
_DATE_OR_ADDRESS = re.compile(r"\d|@")
_SOMEONE_WROTE = re.compile(r"^.{1,120}\bwrote\s*:\s*$", re.IGNORECASE | re.DOTALL)
_RULE = re.compile(r"^[\s_\-=*]*$")  # separator lines Outlook puts above the old message
_REPLY_SUBJECT = re.compile(r"^\s*(re|fw|fwd|aw|wg|sv|vs|tr|rv|antw)\s*(\[\d+\])?\s*:", re.IGNORECASE)


@dataclass
class _LeftOut:
    """What one message's cleaning dropped, for the document's notes."""

    quoted: int = 0
    signature: bool = False
    footer: str | None = None
    reply_subject: bool = False

    def describe(self) -> str | None:
        items = []
        if self.reply_subject:
            items.append("the Re:/Fwd: subject")
        if self.quoted:
            items.append(f"{self.quoted} quoted line{'s' if self.quoted != 1 else ''}")
        if self.signature:
            items.append("a signature")
        if self.footer:
            items.append(f'the line "{self.footer}"')
        if not items:
            return None
        listed = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
        return f"left out {listed}"


class _Unreadable(Exception):
    """A message that cannot be checked; the reason completes "<name> ..."."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read(data: bytes, name: str) -> Document:
    """The sender's own words in one e-mail, or in every message of a mailbox."""
    messages = _split_mbox(data) if _is_mbox(data) else None
    if messages is None or (len(messages) == 1 and name.lower().endswith(".eml")):
        raw = messages[0] if messages else data
        builder = TextBuilder()
        try:
            left = _add_message(builder, raw, prefix="")
        except _Unreadable as err:
            raise InputError(name, err.reason) from None
        note = left.describe()
        return builder.build("eml", (note,) if note else ())
    return _read_mailbox(messages, name)


def _read_mailbox(messages: list[bytes], name: str) -> Document:
    """Each message in turn; one that cannot be read is left out with a note, unless none can."""
    builder = TextBuilder()
    notes: list[str] = []
    failures: list[tuple[int, str]] = []
    for number, raw in enumerate(messages, 1):
        try:
            left = _add_message(builder, raw, prefix=f"message {number}, ")
        except _Unreadable as err:
            failures.append((number, err.reason))
            notes.append(f"left out message {number}, which {err.reason}")
            continue
        note = left.describe()
        if note:
            notes.append(f"message {number}: {note}")
    if not messages:
        raise InputError(name, "is an empty mailbox (no messages)")
    if len(failures) == len(messages):
        number, reason = failures[0]
        raise InputError(name, reason if len(messages) == 1 else f"message {number} {reason}; no message in it could be read")
    return builder.build("mbox", tuple(notes))


def _is_mbox(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"From ")


def _split_mbox(data: bytes) -> list[bytes]:
    """The raw messages of an mbox, without their "From " separator lines.

    mailbox.mbox needs a file; this reads bytes, tolerating CRLF files and
    writers that leave no blank line before a separator that looks like one.
    """
    messages: list[bytes] = []
    current: list[bytes] | None = None
    previous_blank = True
    for line in data.lstrip(b"\xef\xbb\xbf \t\r\n").splitlines(keepends=True):
        if line.startswith(b"From ") and (previous_blank or _ENVELOPE.match(line)):
            if current is not None:
                messages.append(b"".join(current))
            current = []
        elif current is not None:
            current.append(line[1:] if _ESCAPED_FROM.match(line) else line)
        previous_blank = not line.strip()
    if current is not None:
        messages.append(b"".join(current))
    return [m for m in messages if m.strip()]


def _add_message(builder: TextBuilder, raw: bytes, *, prefix: str) -> _LeftOut:
    """Add one message's subject and paragraphs to ``builder``; raises _Unreadable."""
    try:
        message = email.message_from_bytes(raw, policy=policy.default)
        assert isinstance(message, EmailMessage)
        if not _MAIL_HEADERS & {key.lower() for key in message}:
            raise _Unreadable("is not an e-mail (it does not start with headers such as From:, To: and Subject:)")
        subject = _header_text(message.get("subject"))
        body = _body_text(message)
    except _Unreadable:
        raise
    except (email.errors.MessageError, ValueError, TypeError, IndexError, AttributeError, KeyError) as err:
        raise _Unreadable(f"is damaged and cannot be read as an e-mail ({err})") from None
    left = _LeftOut()
    if subject.strip():
        if _REPLY_SUBJECT.match(subject):
            left.reply_subject = True
        else:
            builder.add(" ".join(subject.split()), f"{prefix}subject")
    written = _written(body.text, left, flowed=body.flowed, delsp=body.delsp)
    for number, paragraph in enumerate((p for p in _paragraphs(written) if p.strip()), 1):
        builder.add(paragraph, f"{prefix}paragraph {number}")
    return left


def _header_text(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    if any("\udc80" <= ch <= "\udcff" for ch in text):  # raw 8-bit bytes in a header
        raw = text.encode("utf-8", "surrogateescape")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("cp1252", "replace")
    return text


@dataclass(frozen=True)
class _Body:
    text: str
    flowed: bool = False
    delsp: bool = False


def _body_text(message: EmailMessage) -> _Body:
    """The text of the part a person reads as the message: plain text, else HTML reduced to text."""
    plain = message.get_body(preferencelist=("plain",))
    if plain is not None:
        text = _decode(plain)
        if text.strip():
            flowed = str(plain.get_param("format", "")).lower() == "flowed"
            return _Body(text, flowed, str(plain.get_param("delsp", "")).lower() == "yes")
    html = message.get_body(preferencelist=("html",))
    if html is not None:
        return _Body(_html_text(_decode(html)))
    if plain is not None:
        return _Body("")
    if message.is_multipart() or message.is_attachment() or message.get_content_maintype() != "text":
        raise _Unreadable("has no text body (only attachments)")
    raise _Unreadable("has no text body")


def _html_text(html: str) -> str:
    try:
        from .html import html_to_document
    except ImportError:
        raise _Unreadable("has only an HTML body, and this installation cannot read HTML") from None
    try:
        return html_to_document(html, "html", skip_quotes=True).text
    except InputError as err:
        raise _Unreadable(err.reason) from None


_UNKNOWN_8BIT = frozenset({"unknown-8bit", "x-unknown", "unknown", "8bit", "x-user-defined", "default"})


def _decode(part: MIMEPart) -> str:
    """A text part's payload as text, in its declared character set.

    Mail often mislabels: "us-ascii" over UTF-8 bytes, ISO-8859-1 over Windows'
    cp1252 (curly quotes), so a declared charset that fails is followed by UTF-8,
    then cp1252. A charset Python does not know is an error: guessing it would
    check mojibake.
    """
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    declared = part.get_content_charset("us-ascii") or "us-ascii"  # lowercased; RFC 2231 forms decoded
    label = declared.strip().strip("\"'")
    if label in _UNKNOWN_8BIT:
        label = "utf-8"
    try:
        info = codecs.lookup(label)
    except (LookupError, TypeError, ValueError):
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):  # "base64", "rot13": not character sets
        raise _Unreadable(f"uses an unknown character set {declared!r}")
    codec = info.name
    if codec == "iso8859-1":
        codec = "cp1252"  # what "latin-1" mail means in practice (as browsers read it)
    for candidate in (codec, "utf-8", "cp1252"):
        try:
            return payload.decode(candidate)
        except UnicodeDecodeError:
            continue
    return payload.decode(codec, "replace")


def _written(text: str, left: _LeftOut, *, flowed: bool = False, delsp: bool = False) -> str:
    """The lines the sender wrote: quotes, quoted-message blocks, signature and footer cut."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if flowed:  # RFC 3676 space-stuffing: one leading space was added to protect the line
        lines = [line[1:] if line.startswith(" ") else line for line in lines]
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _SIGNATURE.match(line) or _FOOTER.match(line):
            if _SIGNATURE.match(line):
                left.signature = True
            else:
                left.footer = line.strip()
            rest = lines[i + 1:]
            start = _reply_start(rest, 0)
            left.quoted += sum(1 for r in rest[:start] if r.lstrip().startswith(">"))
            left.quoted += _nonblank(rest[start:])
            break
        span = _attribution(lines, i)
        if span:
            if _next_is_quoted(lines, i + span):  # interleaved answers may follow: keep them
                left.quoted += span
                i += span
                continue
            left.quoted += _nonblank(lines[i:])
            break
        if _reply_header(lines, i):
            left.quoted += _nonblank(lines[i:])
            break
        if line.lstrip().startswith(">"):
            left.quoted += 1
        else:
            kept.append(line if flowed else line.rstrip())  # a flowed line's trailing space is a soft break
        i += 1
    while kept and _RULE.match(kept[-1]):
        kept.pop()
    if flowed:
        kept = [line.rstrip() for line in _unflow(kept, delsp)]
    return "\n".join(kept)


def _reply_start(lines: list[str], start: int) -> int:
    """Where, at or after ``start``, an earlier message copied in begins (len(lines) if nowhere)."""
    for i in range(start, len(lines)):
        if _reply_header(lines, i) or _attribution(lines, i):
            return i
    return len(lines)


def _reply_header(lines: list[str], i: int) -> bool:
    """A forwarded/original-message line, or Outlook's From:/Sent: block, starts at line i."""
    if _ORIGINAL.match(lines[i]):
        return True
    if _HEADER_FROM.match(lines[i]):
        following = [line for line in lines[i + 1:i + 8] if line.strip()][:4]
        return any(_HEADER_SENT.match(line) for line in following)
    return False


def _attribution(lines: list[str], i: int) -> int:
    """How many lines (1 to 3: clients wrap long ones) an attribution at line i takes; 0 if none."""
    if lines[i].lstrip().startswith(">") or not lines[i].strip():
        return 0
    for span in (1, 2, 3):
        if i + span > len(lines) or (span > 1 and not lines[i + span - 1].strip()):
            break
        joined = " ".join(line.strip() for line in lines[i:i + span])
        if _ATTRIBUTION.match(joined) and _DATE_OR_ADDRESS.search(joined):  # not "On Monday my sister wrote:"
            return span
        if _SOMEONE_WROTE.match(joined) and _next_is_quoted(lines, i + span):
            return span
    return 0


def _next_is_quoted(lines: list[str], start: int) -> bool:
    for line in lines[start:]:
        if line.strip():
            return line.lstrip().startswith(">")
    return False


def _nonblank(lines: list[str]) -> int:
    return sum(1 for line in lines if line.strip())


def _unflow(lines: list[str], delsp: bool) -> list[str]:
    """Join format=flowed soft line breaks (a line ending in a space continues on the next)."""
    joined: list[str] = []
    carry = ""
    for line in lines:
        if line.endswith(" ") and line.strip():
            carry += line[:-1] if delsp else line
            continue
        joined.append(carry + line)
        carry = ""
    if carry:
        joined.append(carry.rstrip())
    return joined


def _paragraphs(text: str) -> list[str]:
    return [p.strip("\n") for p in re.split(r"\n[ \t\xa0]*\n", text)]


__all__ = ["read"]

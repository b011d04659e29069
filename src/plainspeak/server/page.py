"""The page ``plainspeak serve`` shows: paste or type a message, see what to change.

Self-contained: its script and style are served by plainspeak itself (the
Content-Security-Policy forbids anything else), and every piece of the
writer's text reaches the page through ``textContent``, never as markup.
Findings are highlighted in the text as you type (debounced) and listed with
why and what to say instead; choosing a highlight offers its suggestions
(already inflected and cased to fit), and choosing one puts it in place,
with undo. Readers and target grade can be changed on the page.
"""

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>plainspeak</title><link rel="stylesheet" href="/page.css"></head>
<body><main>
<h1>plainspeak</h1>
<p>Paste or type your message. Nothing leaves this computer.</p>
<div class="controls">
<label>Readers <select id="audience"><option value="everyday">everyday readers</option>
<option value="general" selected>the general public</option><option value="professional">professionals</option></select></label>
<label>Target grade <input id="grade" type="number" min="1" max="20" step="1" value="8"></label>
</div>
<label for="draft">Your message (or drop a Word, PDF, web page, e-mail or text file on it)</label>
<textarea id="draft" rows="6" spellcheck="true"></textarea>
<div class="controls"><button id="undo" type="button" disabled>Undo</button>
<button id="copy" type="button">Copy the text</button></div>
<p id="status" role="status" aria-live="polite"></p>
<section aria-labelledby="shown-h"><h2 id="shown-h">What to look at</h2>
<p class="hint">Choose a highlighted word (click, or Tab and Enter) to see why, and to put a plainer word in its place.</p>
<p class="key" aria-hidden="true"><span><mark class="jargon">jargon</mark></span><span><mark class="person-first">stigmatising</mark></span><span><mark class="uncommon">uncommon word</mark></span><span><mark class="acronym">acronym</mark></span><span><mark class="style">wording</mark></span><span class="hard">hard or long sentence</span></p>
<div id="shown" class="text"></div>
<div id="choice" role="group" hidden></div>
<ol id="findings"></ol></section>
</main><script src="/page.js"></script></body></html>
"""

STYLE = """
body { font: 17px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 0; }
main { max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
label { font-weight: 600; }
.controls { display: flex; flex-wrap: wrap; gap: 1rem; margin: .6rem 0; align-items: center; }
textarea { display: block; width: 100%; box-sizing: border-box; font: inherit; padding: .6rem; margin-top: .3rem;
           border: 2px solid #56607a; border-radius: 6px;
           field-sizing: content; min-height: 9em; max-height: 70vh; }
select, input { font: inherit; padding: .2rem .4rem; border: 2px solid #56607a; border-radius: 6px; background: #fff;
                color: inherit; max-width: 100%; }
input[type=number] { width: 4.5em; }
textarea:focus, button:focus, mark:focus, select:focus, input:focus { outline: 3px solid #1a5fb4; outline-offset: 1px; }
button { font: inherit; padding: .3rem .8rem; border: 2px solid #1a5fb4; border-radius: 6px; background: #fff; color: #1a5fb4; }
button:disabled { border-color: #8a8f9c; color: #5c6170; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; background: #fafbfd; border: 1px solid #cfd5e2; border-radius: 6px; padding: .8rem; }
mark { color: inherit; border-bottom: 2px solid #5c6170; cursor: pointer; padding: 0 .1em; border-radius: 3px; }
mark.jargon { background: #fff3b0; border-color: #8a6d00; } mark.person-first { background: #ffc9c9; border-color: #a11d1d; }
mark.uncommon { background: #c5f0ff; border-color: #0b5c7a; } mark.acronym { background: #ead7ff; border-color: #5b2a8c; }
mark.style { background: #d3f5d3; border-color: #17612f; }
.hard { text-decoration: underline wavy #a11d1d; text-underline-offset: .25em; }
.key { display: flex; flex-wrap: wrap; gap: .2rem .8rem; } .key mark { cursor: default; }
#choice { border: 2px solid #1a5fb4; border-radius: 6px; padding: .6rem; margin: .6rem 0; }
#choice p { margin: 0 0 .5rem; } #choice button { margin: .2rem 0; }
#findings li { margin: .4rem 0; overflow-wrap: anywhere; }
.try { color: #17612f; font-weight: 600; }
.hint { color: #444b5a; }
"""

SCRIPT = """
"use strict";
const $ = id => document.getElementById(id);
const draft = $("draft"), shown = $("shown"), list = $("findings"), status = $("status"), choice = $("choice");
const undoButton = $("undo");
let timer = null, asked = 0, history = [], current = {text: "", findings: []}, opener = null, done = "";
const KINDS = {"jargon": "jargon", "person-first": "stigmatising", "uncommon": "uncommon word", "acronym": "acronym",
               "style": "wording"};  // the key's words, for screen readers

function say(text) { status.textContent = text; }

function replace(f, value) {
  const text = draft.value;
  if (text !== current.text || text.slice(f.start, f.end) !== f.text) return;  // the text changed meanwhile
  history.push(text);
  undoButton.disabled = false;
  draft.value = text.slice(0, f.start) + value + text.slice(f.end);
  close(false);
  draft.focus();  // back to writing, just after the new words
  draft.setSelectionRange(f.start + value.length, f.start + value.length);
  done = "Changed \u201c" + f.text + "\u201d to \u201c" + value + "\u201d.";  // said with the new verdict
  say(done);
  check();
}

function close(back) {
  if (choice.hidden) return;
  choice.hidden = true;
  if (opener) opener.setAttribute("aria-expanded", "false");
  if (back && opener && opener.isConnected) opener.focus();  // Escape or Close: back to the highlight
  opener = null;
}

function choose(f, mark) {
  close(false);
  opener = mark || null;
  if (opener) opener.setAttribute("aria-expanded", "true");
  choice.replaceChildren();
  choice.setAttribute("aria-label", "Suggestions for \u201c" + f.text + "\u201d");
  const why = document.createElement("p");
  why.textContent = f.message;
  choice.append(why);
  for (const value of f.suggestions) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Use \u201c" + value + "\u201d";
    button.addEventListener("click", () => replace(f, value));
    choice.append(button, document.createTextNode(" "));
  }
  const know = document.createElement("button");
  know.type = "button";
  know.textContent = "My readers know \u201c" + f.text + "\u201d";
  know.addEventListener("click", () => accept(f.text));
  const shut = document.createElement("button");
  shut.type = "button";
  shut.textContent = "Close";
  shut.addEventListener("click", () => close(true));
  choice.append(know, document.createTextNode(" "), shut);
  choice.hidden = false;
  const first = choice.querySelector("button");
  if (first) first.focus();
}

async function accept(word) {
  const response = await fetch("/api/accept", {method: "POST", headers: {"Content-Type": "application/json"},
                                               body: JSON.stringify({word})});
  const data = await response.json();
  close(false);
  draft.focus();
  if (!response.ok) { say(data.error); return; }
  say("Added \u201c" + data.word + "\u201d to " + data.saved + ": it will not be flagged again.");
  check().then(() => say("Added \u201c" + data.word + "\u201d to " + data.saved + ": it will not be flagged again."));
}

function kindOf(f) {
  if (f.category === "person-first") return "person-first";
  if (f.category === "acronym") return "acronym";
  return f.rule.split(".")[0];
}

function markFor(text, f) {
  const mark = document.createElement("mark");
  mark.textContent = text.slice(f.start, f.end);
  mark.title = f.message + (f.suggestions.length ? " Try: " + f.suggestions.join(" | ") : "");
  mark.tabIndex = 0;
  mark.className = kindOf(f);  // the terminal report's colours and words
  mark.setAttribute("role", "button");
  mark.setAttribute("aria-label", (KINDS[mark.className] || "finding") + ": " + f.text + ", choose for suggestions");
  mark.setAttribute("aria-expanded", "false");
  mark.setAttribute("aria-controls", "choice");
  mark.addEventListener("click", () => choose(f, mark));
  mark.addEventListener("keydown", e => {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose(f, mark); }
  });
  return mark;
}

function renderRange(into, text, from, to, words) {
  let at = from;
  for (const f of words) {
    if (f.start < at || f.end > to) continue;
    into.append(document.createTextNode(text.slice(at, f.start)), markFor(text, f));
    at = f.end;
  }
  into.append(document.createTextNode(text.slice(at, to)));
}

function inUnits(text, findings) {
  // The report counts characters (code points); a JavaScript string counts UTF-16 units, two for an
  // emoji: each finding's start and end as indexes into this string, for slicing, marking and replacing.
  if (!/[\\uD800-\\uDFFF]/.test(text)) return findings;
  const at = [];
  let unit = 0;
  for (const ch of text) { at.push(unit); unit += ch.length; }
  at.push(unit);
  return findings.map(f => Object.assign({}, f, {start: at[f.start], end: at[f.end]}));
}

function render(text, findings) {
  findings = inUnits(text, findings);
  current = {text, findings};
  shown.replaceChildren();
  list.replaceChildren();
  close(false);
  const words = findings.filter(f => !f.rule.startsWith("readability.")).sort((a, b) => a.start - b.start);
  const hard = findings.filter(f => f.rule.startsWith("readability.")).sort((a, b) => a.start - b.start);
  let at = 0;
  for (const s of hard) {  // hard and long sentences underlined, as in the terminal report
    if (s.start < at) continue;
    renderRange(shown, text, at, s.start, words);
    const span = document.createElement("span");
    span.className = "hard";
    span.title = s.message;
    renderRange(span, text, s.start, s.end, words);
    shown.append(span);
    at = s.end;
  }
  renderRange(shown, text, at, text.length, words);
  for (const f of findings) {
    const item = document.createElement("li");
    item.textContent = f.message;
    if (f.suggestions.length) {
      const tip = document.createElement("span");
      tip.className = "try";
      tip.textContent = " Try: " + f.suggestions.join(" | ");
      item.append(tip);
    }
    list.append(item);
  }
}

function verdict(data) {
  const s = data.summary, n = data.findings.length;
  const grade = s.grade !== null ? s.grade : s.short_text_grade;
  const parts = [];
  if (grade !== null) parts.push("Reading grade " + (grade < 1 ? "below 1" : grade.toFixed(1)) +
                                 (s.estimated_grade !== null ? " (estimated " + s.estimated_grade.toFixed(1) + ")" : ""));
  parts.push(s.words + (s.words === 1 ? " word" : " words"));
  parts.push(n ? n + (n === 1 ? " thing" : " things") + " to look at" : "nothing to flag: this reads plainly");
  return parts.join(" \u00b7 ");
}

async function check() {
  const text = draft.value;
  const mine = ++asked;
  if (!text.trim()) { render("", []); say(""); return; }
  const body = {text, audience: $("audience").value};
  const grade = Number($("grade").value);
  if (grade >= 1 && grade <= 20) body.target_grade = grade;
  try {
    const response = await fetch("/api/check", {method: "POST", headers: {"Content-Type": "application/json"},
                                                body: JSON.stringify(body)});
    const data = await response.json();
    if (mine !== asked) return;
    if (!response.ok) { say(data.error); return; }
    render(text, data.findings);
    say((done ? done + " " : "") + verdict(data));
    done = "";
  } catch (err) {
    say("plainspeak is not answering: is it still running?");
  }
}

async function checkFile(file) {
  const mine = ++asked;
  say("Reading " + file.name + "\u2026");
  const params = new URLSearchParams({audience: $("audience").value});
  const grade = Number($("grade").value);
  if (grade >= 1 && grade <= 20) params.set("target_grade", String(grade));
  try {
    const response = await fetch("/api/check-file?" + params, {method: "POST",
      headers: {"Content-Type": "application/octet-stream", "X-Filename": encodeURIComponent(file.name)},
      body: await file.arrayBuffer()});
    const data = await response.json();
    if (mine !== asked) return;
    if (!response.ok) { say(data.error); return; }
    history.push(draft.value);
    undoButton.disabled = false;
    draft.value = data.text;  // the file's text, as plainspeak read it: the highlights fit it exactly
    render(data.text, data.findings);
    say(file.name + ": " + verdict(data));
  } catch (err) {
    say("plainspeak is not answering: is it still running?");
  }
}

draft.addEventListener("dragover", e => { e.preventDefault(); });
draft.addEventListener("drop", e => {
  const file = e.dataTransfer && e.dataTransfer.files[0];
  if (!file) return;
  e.preventDefault();
  checkFile(file);
});

function later() { clearTimeout(timer); timer = setTimeout(check, 300); }
draft.addEventListener("input", later);
$("audience").addEventListener("change", check);
$("grade").addEventListener("change", check);
undoButton.addEventListener("click", () => {
  if (!history.length) return;
  draft.value = history.pop();
  undoButton.disabled = !history.length;
  done = "Undone.";
  say(done);
  check();
});
if (draft.value.trim()) check();  // a browser that restored the box's text
document.documentElement.dataset.ready = "1";  // for the browser test: the script ran under the page's policy
choice.addEventListener("keydown", e => { if (e.key === "Escape") { e.preventDefault(); close(true); } });
$("copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(draft.value);  // undefined off a secure origin (--host): the catch below
    say("Copied the text.");
  } catch (err) {  // the older way, from the selected text; if even that is refused, the writer copies it
    draft.focus();
    draft.select();
    let copied = false;
    try { copied = document.execCommand("copy"); } catch (err2) { copied = false; }
    say(copied ? "Copied the text." : "Press Ctrl+C (or Cmd+C) to copy the selected text.");
  }
});
"""

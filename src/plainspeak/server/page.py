"""The page ``plainspeak serve`` shows: paste or type a message, see what to change.

Self-contained: its script and style are served by plainspeak itself (the
Content-Security-Policy forbids anything else), and every piece of the
writer's text reaches the page through ``textContent``, never as markup.
This is the first version: findings highlighted in the text as you type
(debounced) and listed with why and what to say instead.
"""

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>plainspeak</title><link rel="stylesheet" href="/page.css"></head>
<body><main>
<h1>plainspeak</h1>
<p>Paste or type your message. Nothing leaves this computer.</p>
<label for="draft">Your message</label>
<textarea id="draft" rows="10" spellcheck="true"></textarea>
<p id="status" role="status" aria-live="polite"></p>
<section aria-labelledby="shown-h"><h2 id="shown-h">What to look at</h2>
<div id="shown" class="text"></div>
<ol id="findings"></ol></section>
</main><script src="/page.js"></script></body></html>
"""

STYLE = """
body { font: 17px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2330; margin: 0; }
main { max-width: 48rem; margin: 1.5rem auto; padding: 0 1rem; }
label { font-weight: 600; display: block; margin-bottom: .3rem; }
textarea { width: 100%; box-sizing: border-box; font: inherit; padding: .6rem; border: 2px solid #56607a; border-radius: 6px; }
textarea:focus { outline: 3px solid #1a5fb4; }
.text { white-space: pre-wrap; background: #fafbfd; border: 1px solid #cfd5e2; border-radius: 6px; padding: .8rem; }
mark { background: #fff3b0; color: inherit; border-bottom: 2px solid #8a6d00; }
mark.person-first { background: #ffd6d6; border-color: #a11d1d; }
#findings li { margin: .4rem 0; }
.try { color: #17612f; font-weight: 600; }
"""

SCRIPT = """
"use strict";
const draft = document.getElementById("draft");
const shown = document.getElementById("shown");
const list = document.getElementById("findings");
const status = document.getElementById("status");
let timer = null, asked = 0;

function render(text, findings) {
  shown.replaceChildren();
  list.replaceChildren();
  let at = 0;
  const words = findings.filter(f => !f.rule.startsWith("readability.")).sort((a, b) => a.start - b.start);
  for (const f of words) {
    if (f.start < at) continue;
    shown.append(document.createTextNode(text.slice(at, f.start)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(f.start, f.end);
    mark.title = f.message + (f.suggestions.length ? " Try: " + f.suggestions.join(" | ") : "");
    if (f.category === "person-first") mark.className = "person-first";
    shown.append(mark);
    at = f.end;
  }
  shown.append(document.createTextNode(text.slice(at)));
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

async function check() {
  const text = draft.value;
  const mine = ++asked;
  if (!text.trim()) { render("", []); status.textContent = ""; return; }
  try {
    const response = await fetch("/api/check", {method: "POST", headers: {"Content-Type": "application/json"},
                                                body: JSON.stringify({text})});
    const data = await response.json();
    if (mine !== asked) return;
    if (!response.ok) { status.textContent = data.error; return; }
    render(text, data.findings);
    status.textContent = data.findings.length ? data.findings.length + " to look at" : "Nothing to flag: this reads plainly.";
  } catch (err) {
    status.textContent = "plainspeak is not answering: is it still running?";
  }
}

draft.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(check, 300); });
"""

// The page behind "/": sends the article asking for Server-Sent Events, shows the translation as the model writes
// it, then the checked answer (headline, bullets with the paragraphs they rest on, and the translation beside the
// original on wide screens), or the problem as a readable message. No build step, no dependencies.
"use strict";

const form = document.getElementById("article-form");
const submit = document.getElementById("submit");
const cancel = document.getElementById("cancel");
const statusLine = document.getElementById("status");
const errorBox = document.getElementById("error");
const answer = document.getElementById("answer");
const keyInput = document.getElementById("api-key");
const textInput = document.getElementById("text");
const formatInput = document.getElementById("format");

// Our own sample article (docs/examples/havnebad.txt).
const SAMPLE_TITLE = "Nyt havnebad åbner i Aalborg";
const SAMPLE = "Aalborg Kommune åbner på lørdag et nyt havnebad ved Vestre Fjordpark. Badet har plads til 450 gæster"
  + " og har kostet 18,5 millioner kroner.\n\n\"Vi har ventet længe på det her, og nu kan børnefamilierne endelig"
  + " hoppe i vandet midt i byen,\" siger rådmand Mette Søgaard.\n\nBadet er åbent hver dag fra klokken 10 til 20"
  + " frem til den 15. september.";

let running = null; // { controller, timer, started, phase } while a request is under way
let firstChunkShown = false;

document.getElementById("sample").addEventListener("click", () => {
  document.getElementById("title").value = SAMPLE_TITLE;
  textInput.value = SAMPLE;
  textInput.focus();
});

cancel.addEventListener("click", () => {
  if (running) {
    running.controller.abort();
  }
});

function spending(result) {
  const usage = result.usage;
  if (result.cached) {
    return "from the cache, which saved " + usage.savedTokens + " tokens"
      + (usage.savedCost > 0 ? " (" + usage.savedCost + " " + usage.currency + ")" : "") + ".";
  }
  return usage.inputTokens + " tokens in, " + usage.outputTokens + " out"
    + (usage.cost > 0 ? ", " + usage.cost + " " + usage.currency : "") + ".";
}

function copyButton(id, text) {
  const button = document.getElementById(id);
  button.hidden = false;
  button.onclick = async () => {
    try {
      await navigator.clipboard.writeText(text());
      button.textContent = "Copied";
    } catch (refused) {
      button.textContent = "Copy not allowed here";
    }
    setTimeout(() => { button.textContent = button.dataset.label; }, 2000);
  };
  button.dataset.label = button.dataset.label || button.textContent;
  button.textContent = button.dataset.label;
}

function paragraphs(text) {
  return text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph.length > 0);
}

function setPhase(phase) {
  if (running) {
    running.phase = phase;
  }
  tick();
}

function tick() {
  if (running && running.phase) {
    const seconds = Math.floor((Date.now() - running.started) / 1000);
    statusLine.textContent = running.phase + " " + seconds + " s";
  }
}

keyInput.value = sessionStorage.getItem("article-summarizer-key") || "";
if (keyInput.value) {
  document.getElementById("key-box").open = true;
}

function headers(extra) {
  const all = Object.assign({ Accept: "application/json, application/problem+json" }, extra);
  const key = keyInput.value.trim();
  if (key) {
    all.Authorization = "Bearer " + key;
  }
  return all;
}

function showProblem(problem) {
  errorBox.replaceChildren();
  const title = document.createElement("strong");
  title.textContent = problem.title || "The request failed";
  const detail = document.createElement("span");
  detail.textContent = problem.detail || "";
  errorBox.append(title, detail);
  errorBox.hidden = false;
  setPhase(null);
  statusLine.textContent = "";
}

// Answers cached before bullets cited paragraphs have only `summary`: their bullets are shown without citations.
function citedBullets(result) {
  return result.bullets || result.summary.map((text) => ({ text, paragraphs: [] }));
}

// A bullet ends with "¶ 2, 5"; pointing at it (mouse or keyboard) marks those paragraphs of the translation, and
// a screen reader reads them as its description.
function bulletItem(bullet, paragraphsShown) {
  const item = document.createElement("li");
  item.textContent = bullet.text;
  if (bullet.paragraphs.length === 0) {
    return item;
  }
  const marker = document.createElement("span");
  marker.className = "cites";
  marker.textContent = "¶ " + bullet.paragraphs.join(", ");
  marker.title = (bullet.paragraphs.length === 1 ? "Rests on paragraph " : "Rests on paragraphs ")
    + bullet.paragraphs.join(", ") + " of the article";
  item.append(" ", marker);
  item.tabIndex = 0;
  if (paragraphsShown) {
    item.setAttribute("aria-describedby", bullet.paragraphs.map((number) => "paragraph-" + number).join(" "));
  }
  item.addEventListener("mouseenter", () => markParagraphs(bullet.paragraphs));
  item.addEventListener("focus", () => markParagraphs(bullet.paragraphs));
  item.addEventListener("mouseleave", () => markParagraphs([]));
  item.addEventListener("blur", () => markParagraphs([]));
  return item;
}

function markParagraphs(numbers) {
  for (const row of document.querySelectorAll("#answer-translation [data-paragraph]")) {
    row.classList.toggle("cited", numbers.includes(Number(row.dataset.paragraph)));
  }
}

function showAnswer(result, original) {
  document.getElementById("answer-title").textContent = result.title;
  // An HTML or Markdown translation is shown whole, so only a plain one has paragraphs to mark.
  const paragraphsShown = result.format !== "html" && result.format !== "markdown";
  document.getElementById("answer-summary").replaceChildren(
    ...citedBullets(result).map((bullet) => bulletItem(bullet, paragraphsShown)));
  const removed = document.getElementById("answer-removed");
  removed.hidden = !(result.removed && result.removed.length);
  removed.textContent = removed.hidden ? "" : "Removed from the article's markup, never run: "
    + result.removed.join(", ") + ".";
  if (!paragraphsShown) {
    showMarkup(result);
    return;
  }
  // Paragraph by paragraph: the original beside its translation (the original shows on wide screens only),
  // numbered from 1 as the bullets cite them.
  const english = paragraphs(result.translation);
  const danish = paragraphs(original);
  const rows = [];
  for (let i = 0; i < Math.max(english.length, danish.length); i++) {
    const row = document.createElement("div");
    row.className = "pair";
    row.dataset.paragraph = i + 1;
    const source = document.createElement("p");
    source.className = "original";
    source.lang = "da";
    source.textContent = danish[i] || "";
    const target = document.createElement("p");
    target.id = "paragraph-" + (i + 1);
    target.textContent = english[i] || "";
    row.append(source, target);
    rows.push(row);
  }
  document.getElementById("answer-translation").replaceChildren(...rows);
  finishAnswer(result);
}

// An HTML translation is shown in a sandboxed frame that may run nothing (the service has sanitized it already;
// the page does not rely on that), beside its source as text; Markdown is shown as the text it is.
function showMarkup(result) {
  const parts = [];
  if (result.format === "html") {
    const frame = document.createElement("iframe");
    frame.sandbox = "";
    frame.title = "The translation as a page";
    frame.className = "rendered";
    frame.srcdoc = "<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
      + " img-src data:; style-src 'unsafe-inline'\"><body>" + result.translation + "</body>";
    parts.push(frame);
  }
  const source = document.createElement("pre");
  source.className = "markup";
  source.textContent = result.translation;
  parts.push(source);
  document.getElementById("answer-translation").replaceChildren(...parts);
  finishAnswer(result);
}

function finishAnswer(result) {
  copyButton("copy-summary", () => result.summary.map((bullet) => "- " + bullet).join("\n"));
  copyButton("copy-translation", () => result.translation);
  // An answer cached before the service sent its disclosure gets the same line.
  document.getElementById("answer-disclosure").textContent = result.disclosure
    || "Machine-translated and summarised by " + result.model + "; not reviewed by an editor.";
  document.getElementById("answer-meta").textContent = "Model " + result.model + "; " + spending(result);
  answer.hidden = false;
  if (!firstChunkShown) {
    answer.scrollIntoView({ behavior: "smooth", block: "start" });
  }
  const seconds = running ? Math.round((Date.now() - running.started) / 1000) : 0;
  setPhase(null);
  statusLine.textContent = "Done in " + seconds + " s.";
}

async function readProblem(response) {
  try {
    return await response.json();
  } catch (notJson) {
    return { title: "HTTP " + response.status, detail: "The service answered without details." };
  }
}

function startTranslation() {
  document.getElementById("answer-title").textContent = "";
  document.getElementById("answer-summary").replaceChildren();
  document.getElementById("answer-disclosure").textContent = "";
  document.getElementById("answer-meta").textContent = "";
  document.getElementById("copy-summary").hidden = true;
  document.getElementById("copy-translation").hidden = true;
  const translation = document.getElementById("answer-translation");
  const streamed = document.createElement("p");
  streamed.className = "streaming";
  translation.replaceChildren(streamed);
  answer.hidden = false;
  answer.scrollIntoView({ behavior: "smooth", block: "start" });
  firstChunkShown = true;
  return streamed;
}

// Reads Server-Sent Events from the response body: "translation" pieces, then "answer" or "error".
async function follow(response, original) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let streamed = null;
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = "message";
      let data = "";
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) {
          name = line.slice(6).trim();
        } else if (line.startsWith("data:")) {
          data += line.slice(5).trim();
        }
      }
      if (!data) {
        continue;
      }
      const payload = JSON.parse(data);
      if (name === "translation") {
        streamed = streamed || startTranslation();
        streamed.textContent += payload.text;
        setPhase("Translating…");
      } else if (name === "answer") {
        showAnswer(payload, original);
      } else if (name === "error") {
        answer.hidden = true;
        showProblem(payload);
      }
    }
  }
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  sessionStorage.setItem("article-summarizer-key", keyInput.value.trim());
  errorBox.hidden = true;
  errorBox.replaceChildren();
  answer.hidden = true;
  submit.disabled = true;
  cancel.hidden = false;
  firstChunkShown = false;
  running = { controller: new AbortController(), started: Date.now(), phase: "Sending…", timer: null };
  running.timer = setInterval(tick, 1000);
  tick();
  try {
    const original = textInput.value;
    const body = { text: original };
    if (formatInput.value !== "text") {
      body.format = formatInput.value;
    }
    const title = document.getElementById("title").value.trim();
    if (title) {
      body.title = title;
    }
    const response = await fetch("summarize", {
      method: "POST",
      headers: headers({ "Content-Type": "application/json", Accept: "text/event-stream, application/problem+json" }),
      body: JSON.stringify(body),
      signal: running.controller.signal,
    });
    if (response.ok) {
      setPhase("Waiting for the model…");
      await follow(response, original);
    } else {
      showProblem(await readProblem(response));
    }
  } catch (failure) {
    if (failure.name === "AbortError") {
      answer.hidden = true;
      statusLine.textContent = "Cancelled.";
    } else {
      showProblem({ title: "The service could not be reached", detail: String(failure.message || failure) });
    }
  } finally {
    clearInterval(running.timer);
    running = null;
    submit.disabled = false;
    cancel.hidden = true;
  }
});

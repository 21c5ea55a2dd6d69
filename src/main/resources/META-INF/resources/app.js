// The page behind "/": sends the article asking for Server-Sent Events, shows the translation as the model writes
// it, then the checked answer (headline, bullets, translation), or the problem as a readable message. No build
// step, no dependencies.
"use strict";

const form = document.getElementById("article-form");
const submit = document.getElementById("submit");
const statusLine = document.getElementById("status");
const errorBox = document.getElementById("error");
const answer = document.getElementById("answer");
const keyInput = document.getElementById("api-key");

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
  statusLine.textContent = "";
}

function showAnswer(result) {
  document.getElementById("answer-title").textContent = result.title;
  const bullets = document.getElementById("answer-summary");
  bullets.replaceChildren(...result.summary.map((bullet) => {
    const item = document.createElement("li");
    item.textContent = bullet;
    return item;
  }));
  const translation = document.getElementById("answer-translation");
  translation.replaceChildren(...result.translation.split(/\n\s*\n/).map((paragraph) => {
    const p = document.createElement("p");
    p.textContent = paragraph;
    return p;
  }));
  document.getElementById("answer-meta").textContent = "Model " + result.model
    + (result.cached ? ", from the cache" : "") + "; " + result.usage.inputTokens + " tokens in, "
    + result.usage.outputTokens + " out.";
  answer.hidden = false;
  statusLine.textContent = "Done.";
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
  document.getElementById("answer-meta").textContent = "";
  const translation = document.getElementById("answer-translation");
  const streamed = document.createElement("p");
  streamed.className = "streaming";
  translation.replaceChildren(streamed);
  answer.hidden = false;
  return streamed;
}

// Reads Server-Sent Events from the response body: "translation" pieces, then "answer" or "error".
async function follow(response) {
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
        statusLine.textContent = "Translating…";
      } else if (name === "answer") {
        showAnswer(payload);
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
  answer.hidden = true;
  submit.disabled = true;
  statusLine.textContent = "Sending…";
  try {
    const body = { text: document.getElementById("text").value };
    const title = document.getElementById("title").value.trim();
    if (title) {
      body.title = title;
    }
    const response = await fetch("summarize", {
      method: "POST",
      headers: headers({ "Content-Type": "application/json", Accept: "text/event-stream, application/problem+json" }),
      body: JSON.stringify(body),
    });
    if (response.ok) {
      statusLine.textContent = "Waiting for the model…";
      await follow(response);
    } else {
      showProblem(await readProblem(response));
    }
  } catch (failure) {
    showProblem({ title: "The service could not be reached", detail: String(failure.message || failure) });
  } finally {
    submit.disabled = false;
  }
});

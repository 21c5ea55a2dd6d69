// The page behind "/": sends the article as a job (Prefer: respond-async), polls it while the LLM works, and shows
// the answer, or the problem as a readable message. No build step, no dependencies.
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

const pause = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));

async function follow(location, retryAfter) {
  for (;;) {
    const response = await fetch(location, { headers: headers() });
    if (!response.ok) {
      return showProblem(await readProblem(response));
    }
    const job = await response.json();
    if (job.status === "done") {
      return showAnswer(job.result);
    }
    if (job.status === "failed") {
      return showProblem(job.problem);
    }
    statusLine.textContent = job.progress.total > 0
      ? "Translating: step " + job.progress.done + " of " + job.progress.total + "…"
      : "Translating…";
    await pause(Math.min(2, Number(response.headers.get("Retry-After")) || retryAfter));
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
      headers: headers({ "Content-Type": "application/json", Prefer: "respond-async" }),
      body: JSON.stringify(body),
    });
    if (response.status === 202) {
      const job = await response.json();
      if (job.status === "done") {
        showAnswer(job.result);
      } else {
        await follow(response.headers.get("Location"), 1);
      }
    } else if (response.ok) {
      showAnswer(await response.json());
    } else {
      showProblem(await readProblem(response));
    }
  } catch (failure) {
    showProblem({ title: "The service could not be reached", detail: String(failure.message || failure) });
  } finally {
    submit.disabled = false;
  }
});

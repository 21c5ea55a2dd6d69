// The page at "/" in a real headless Chromium (Debian's chromium, driven by playwright-core), against the packaged
// service with API keys on and the benchmark's fake provider: an error without the key, an answer with it (its
// disclosure line, each bullet's paragraphs marked in the translation while it is pointed at), an answer cached
// before bullets cited paragraphs, and a refused English article. Screenshots: target/page.png (the answer) and
// target/page-cited.png (a bullet hovered). Usage: node .ci/page-test.mjs <tools dir> <service base URL> <API key>
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [tools, base, apiKey] = process.argv.slice(2);
const { chromium } = await import(pathToFileURL(`${tools}/node_modules/playwright-core/index.mjs`).href);

const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "summarizer-page-")), {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const check = (ok, what) => {
  if (!ok) {
    throw new Error(`page test failed: ${what}`);
  }
  console.log(`ok: ${what}`);
};
try {
  const page = await browser.newPage();
  await page.goto(base + "/");
  check(await page.title() === "article-summarizer", "the page is served at /");

  const danish = readFileSync("docs/examples/havnebad.txt", "utf8");
  await page.click("#sample");
  check((await page.inputValue("#text")).length > 100, "a sample article to try fills the form");
  await page.fill("#text", danish);
  await page.click("#submit");
  await page.waitForSelector("#error:not([hidden])", { timeout: 15000 });
  check((await page.textContent("#error strong")) === "API key required", "without a key: a readable 401");

  await page.click("#key-box summary");
  await page.fill("#api-key", apiKey);
  await page.fill("#title", "Nyt havnebad");
  await page.click("#submit");
  await page.waitForFunction(() => /\d+ s/.test(document.querySelector("#status").textContent)
    && !document.querySelector("#cancel").hidden, null, { timeout: 15000 });
  check(true, "while waiting: the elapsed time and a cancel button");
  await page.waitForFunction(() => {
    const streamed = document.querySelector("#answer-translation p.streaming");
    return streamed && streamed.textContent.length > 0
      && document.querySelectorAll("#answer-summary li").length === 0;
  }, null, { timeout: 30000 });
  check(true, "the translation streams in before the bullets");
  await page.waitForFunction(() => document.querySelectorAll("#answer-summary li").length > 0, null,
    { timeout: 30000 });
  const bullets = await page.locator("#answer-summary li").count();
  const paragraphs = await page.locator("#answer-translation p").count();
  check((await page.textContent("#answer-title")).length > 0 && bullets >= 3 && paragraphs >= 1,
    `with the key: headline, ${bullets} bullets and ${paragraphs} paragraphs of translation`);
  check(await page.isHidden("#error"), "no error shown with the answer");
  await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 5000 });
  check(true, "the page scrolls to the answer");
  check(await page.isVisible("#copy-translation") && await page.isVisible("#copy-summary"),
    "copy buttons for the translation and the bullets");
  await page.setViewportSize({ width: 1400, height: 900 });
  check(await page.locator("#answer-translation .pair .original").first().isVisible()
    && (await page.locator("#answer-translation .pair .original").first().textContent()).includes("Aalborg"),
    "on a wide screen the original stands beside the translation");
  await page.screenshot({ path: "target/page.png", fullPage: true });
  console.log("screenshot of the answer: target/page.png");

  // The same request as JSON: the answer the page just showed (from the cache, or made again the same way).
  const sent = await (await page.request.post(base + "/summarize", {
    headers: { Authorization: "Bearer " + apiKey, Accept: "application/json" },
    data: { text: danish, title: "Nyt havnebad" },
  })).json();
  check(/not reviewed by an editor/.test(sent.disclosure) && await page.isVisible("#answer-disclosure")
    && (await page.textContent("#answer-disclosure")) === sent.disclosure, `the disclosure: "${sent.disclosure}"`);
  const items = page.locator("#answer-summary li");
  const markers = await page.locator("#answer-summary li .cites").allTextContents();
  check(sent.bullets.length === bullets && sent.bullets.every((bullet) => bullet.paragraphs.length > 0)
    && markers.join(" | ") === sent.bullets.map((bullet) => "¶ " + bullet.paragraphs.join(", ")).join(" | "),
    `each bullet shows its paragraphs: ${markers.join(" | ")}`);
  const marked = () => page.$$eval("#answer-translation .pair.cited", (rows) =>
    rows.map((row) => row.dataset.paragraph).join(", "));
  for (let i = 0; i < bullets; i++) {
    await items.nth(i).hover();
    check(await marked() === sent.bullets[i].paragraphs.join(", "),
      `hovering bullet ${i + 1} marks paragraph(s) ${sent.bullets[i].paragraphs.join(", ")} of the translation`);
  }
  await page.hover("h1");
  check(await marked() === "", "moving away unmarks them");
  const last = sent.bullets[bullets - 1].paragraphs;
  await items.nth(bullets - 1).focus();
  check(await marked() === last.join(", ") && await items.nth(bullets - 1).getAttribute("tabindex") === "0"
    && await items.nth(bullets - 1).getAttribute("aria-describedby") === last.map((n) => "paragraph-" + n).join(" ")
    && await page.locator("#paragraph-" + last[0]).count() === 1,
    "a bullet is focusable; focused it marks its paragraphs and is described by them");
  await items.nth(bullets - 1).blur();
  check(await marked() === "", "leaving it unmarks them");
  await items.nth(bullets - 1).hover();
  await page.screenshot({ path: "target/page-cited.png", fullPage: true });
  check(await marked() === last.join(", "), "screenshot of a bullet hovered: target/page-cited.png");

  // Answers the fake provider cannot give: bullets citing different paragraphs, and an answer cached before
  // bullets cited paragraphs and before the disclosure line (only `summary`).
  const shown = async (result) => {
    await page.route("**/summarize", (route) => route.fulfill({
      status: 200,
      contentType: "text/event-stream",
      body: "event: answer\ndata: " + JSON.stringify(Object.assign({
        translation: "One.\n\nTwo.\n\nThree.", summary: ["First.", "Second.", "Third."], sourceLanguage: "da",
        model: "older-model", cached: true, usage: { savedTokens: 10, savedCost: 0, currency: "USD" }, chunks: 1,
        reused: 0, format: "text", removed: [],
      }, result)) + "\n\n",
    }));
    await page.click("#submit");
    await page.waitForFunction((title) => document.querySelector("#answer-title").textContent === title,
      result.title, { timeout: 10000 });
    await page.unroute("**/summarize");
  };
  await shown({ title: "Cited apart", bullets: [{ text: "First.", paragraphs: [2] },
    { text: "Second.", paragraphs: [1, 3] }, { text: "Third.", paragraphs: [] }], disclosure: "Said by the service." });
  await items.nth(0).hover();
  const second = await marked();
  await items.nth(1).hover();
  const firstAndThird = await marked();
  await items.nth(2).hover();
  check(second === "2" && firstAndThird === "1, 3" && await marked() === ""
    && (await page.locator("#answer-summary .cites").allTextContents()).join(" | ") === "¶ 2 | ¶ 1, 3"
    && await items.nth(2).getAttribute("tabindex") === null
    && (await page.textContent("#answer-disclosure")) === "Said by the service.",
    "bullets citing different paragraphs mark each their own; one citing none has no marker");
  await shown({ title: "An older answer" });
  check((await items.allTextContents()).join(" ") === "First. Second. Third."
    && await page.locator("#answer-summary .cites").count() === 0
    && (await page.textContent("#answer-disclosure")).includes("older-model"),
    "an older answer: its bullets without paragraphs, and a disclosure line all the same");

  await page.fill("#text", "The city council approved a new budget on Tuesday evening after a long debate about"
    + " schools, roads and the new library in the town centre.");
  await page.click("#submit");
  await page.waitForSelector("#error:not([hidden])", { timeout: 15000 });
  check((await page.textContent("#error strong")) === "Article is not in Danish"
    && (await page.textContent("#error span")).length > 0, "an English article: a readable 422");
  check(await page.isHidden("#answer"), "no stale answer beside the error");

  await page.fill("#text", danish + "\n\nSagen har journalnummer 4711.");
  await page.click("#submit");
  check(await page.isHidden("#error"), "a new submit clears the previous error");
  await page.click("#cancel");
  await page.waitForFunction(() => document.querySelector("#status").textContent === "Cancelled.", null,
    { timeout: 10000 });
  check(await page.isEnabled("#submit") && await page.isHidden("#cancel"), "cancel stops the request");

  let dialogs = 0;
  page.on("dialog", async (dialog) => { dialogs++; await dialog.dismiss(); });
  await page.selectOption("#format", "html");
  await page.fill("#text", "<h2>Nyt <em>havnebad</em></h2><p onclick=\"alert(1)\">Aalborg Kommune åbner på lørdag et"
    + " nyt havnebad ved <a href=\"https://example.org/fjord\">Vestre Fjordpark</a>. Badet har plads til 450"
    + " gæster og har kostet 18,5 millioner kroner.</p><script>alert(2)</script><p>Badet er åbent hver dag fra"
    + " klokken 10 til 20 frem til den 15. september, oplyser kommunen.</p>");
  await page.click("#submit");
  await page.waitForSelector("#answer-translation iframe.rendered", { timeout: 30000 });
  check(await page.getAttribute("#answer-translation iframe.rendered", "sandbox") === ""
    && (await page.textContent("#answer-removed")).includes("script") && dialogs === 0,
    "an HTML article: shown in a frame that runs nothing, with what was removed");
  await page.selectOption("#format", "text");

  const script = await page.request.get(base + "/app.js");
  const html = await page.request.get(base + "/");
  check(script.headers()["cache-control"] === "no-cache" && html.headers()["cache-control"] === "no-cache",
    "the page's files are revalidated, so an upgrade shows at once");
} finally {
  await browser.close();
}

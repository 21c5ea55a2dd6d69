// The page at "/" in a real headless Chromium (Debian's chromium, driven by playwright-core), against the packaged
// service with API keys on and the benchmark's fake provider: an error without the key, an answer with it, and a
// refused English article. Usage: node .ci/page-test.mjs <tools dir> <service base URL> <API key>
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
  await page.fill("#text", danish);
  await page.click("#submit");
  await page.waitForSelector("#error:not([hidden])", { timeout: 15000 });
  check((await page.textContent("#error strong")) === "API key required", "without a key: a readable 401");

  await page.click("#key-box summary");
  await page.fill("#api-key", apiKey);
  await page.fill("#title", "Nyt havnebad");
  await page.click("#submit");
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
  await page.screenshot({ path: "target/page.png", fullPage: true });
  console.log("screenshot of the answer: target/page.png");

  await page.fill("#text", "The city council approved a new budget on Tuesday evening after a long debate about"
    + " schools, roads and the new library in the town centre.");
  await page.click("#submit");
  await page.waitForSelector("#error:not([hidden])", { timeout: 15000 });
  check((await page.textContent("#error strong")) === "Article is not in Danish"
    && (await page.textContent("#error span")).length > 0, "an English article: a readable 422");
  check(await page.isHidden("#answer"), "no stale answer beside the error");
} finally {
  await browser.close();
}

package dk.articlesummarizer.text;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.promptOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.LongArticles;
import dk.articlesummarizer.support.OpenAiStubs.FakeAnswer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** HTML and Markdown articles: only their words reach the model, and the translation keeps their structure. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class FormatsTest {

    /** Our own article, with the markup a newsroom's system writes, and the markup an attacker would add. */
    static final String HTML = """
            <article id="story" class="news">
            <h1 class="headline">Ny cykelsti langs <em>Ringvejen</em></h1>
            <p>Kommunen bygger en <a href="/trafik/cykelsti" class="link">ny cykelsti</a> på 3,2 kilometer. \
            Arbejdet koster <strong>14 mio. kr.</strong></p>
            <p onclick="steal()">»Det bliver <em>meget</em> mere sikkert,« siger rådmand Birgitte Holm.<br>\
            Byggeriet begynder i maj, og stien skal være færdig til efteråret.</p>
            <figure><img src="/billeder/sti.jpg" alt="Cyklister på Ringvejen"><figcaption>Cyklister på Ringvejen \
            i morges.</figcaption></figure>
            <script>alert('x')</script>
            <iframe src="https://evil.example/"></iframe>
            <p><a href="javascript:alert(1)">Læs mere</a> om planen på <code>kommune.dk</code>.</p>
            </article>""";
    static final String MARKDOWN = """
            # Ny cykelsti langs Ringvejen

            Kommunen bygger en [ny cykelsti](https://example.dk/cykelsti "Planen") på 3,2 kilometer. Arbejdet \
            koster **14 mio. kr.**

            > »Det bliver *meget* mere sikkert,« siger rådmand Birgitte Holm.

            - Byggeriet begynder i maj, og stien skal være færdig til efteråret.
            - Stien åbner i `2027`.

            | Strækning | Pris |
            | --- | --- |
            | Ringvejen | 14 mio. kr. |

            ![Cyklister på Ringvejen](https://example.dk/sti.jpg)

            ```
            kode bliver ikke oversat
            ```
            """;
    private static final List<String> BULLETS = List.of("The municipality is building a new cycle path.",
            "Councillor Birgitte Holm says it will be much safer.", "Construction begins in May.");

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    private static FakeAnswer htmlAnswer(String secondParagraph) {
        return new FakeAnswer("New cycle path along Ringvejen", String.join("\n\n",
                "New cycle path along <g1>Ringvejen</g1>",
                secondParagraph,
                "\"It will be <g1>much</g1> safer,\" says councillor Birgitte Holm.<g2/>Construction begins in May,"
                        + " and the path is to be finished by the autumn.",
                "Cyclists on Ringvejen",
                "Cyclists on Ringvejen this morning.",
                "<g1>Read more</g1> about the plan at <g2/>."), BULLETS, 700, 250);
    }

    private static final String SECOND = "The municipality is building a <g1>new cycle path</g1> of 3.2 kilometres."
            + " The work costs <g2>DKK 14m</g2>";

    /** Asked afresh each time: the tests send the same article. */
    private static JsonPath summarize(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Cache-Control", "no-cache").body(body)
                .post("/summarize").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void htmlComesBackWithItsStructureSanitizedAndOnlyItsWordsReachTheModel() {
        openAi.stubFor(chatCompletion().willReturn(answering(htmlAnswer(SECOND))));

        JsonPath answer = summarize(Map.of("text", HTML, "format", "html"));

        assertEquals("html", answer.getString("format"));
        assertTrue(answer.getList("removed").containsAll(List.of("script", "iframe", "onclick attribute",
                "javascript: URL")), answer.getList("removed").toString());
        Element page = Jsoup.parseBodyFragment(answer.getString("translation")).body();
        Element article = page.selectFirst("article#story.news");
        assertTrue(article != null, answer.getString("translation"));
        assertEquals("New cycle path along Ringvejen", page.selectFirst("h1.headline").text());
        assertEquals("Ringvejen", page.selectFirst("h1 > em").text());
        Element link = page.selectFirst("a.link");
        assertEquals("/trafik/cykelsti", link.attr("href"));
        assertEquals("new cycle path", link.text());
        assertEquals("DKK 14m", page.selectFirst("p > strong").text());
        assertEquals("much", page.select("p > em").first().text());
        assertEquals(1, page.select("p > br").size());
        assertEquals("/billeder/sti.jpg", page.selectFirst("figure > img").attr("src"));
        assertEquals("Cyclists on Ringvejen", page.selectFirst("img").attr("alt"));
        assertEquals("Cyclists on Ringvejen this morning.", page.selectFirst("figcaption").text());
        assertEquals("kommune.dk", page.selectFirst("code").text(), "code is not translated");
        assertTrue(page.select("script, iframe, [onclick]").isEmpty());
        assertFalse(page.selectFirst("p > a:not(.link)").hasAttr("href"), "the javascript: link lost its URL");
        assertEquals("New cycle path along Ringvejen", answer.getString("title"));

        String prompt = promptOf(chatRequests(openAi).get(0));
        assertTrue(prompt.contains("<g1>ny cykelsti</g1> på 3,2 kilometer"), prompt);
        for (String markup : List.of("href", "<a", "<p", "script", "steal()", "evil.example", "class=")) {
            assertFalse(prompt.contains(markup), "no markup reaches the model: " + markup);
        }
    }

    @Test
    void aPlaceholderGivenTwiceIsPutRightAndOneLostIsAskedForAgain() {
        openAi.stubFor(chatCompletion().inScenario("tags").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(answering(htmlAnswer("The municipality is building a new cycle path</g1> of 3.2"
                        + " kilometres. The work costs <g2>DKK 14m</g2>")))
                .willSetStateTo("told"));
        openAi.stubFor(chatCompletion().inScenario("tags").whenScenarioStateIs("told")
                .willReturn(answering(htmlAnswer(SECOND + "<g2>"))));

        JsonPath answer = summarize(Map.of("text", HTML, "format", "html"));

        assertEquals(2, chatRequests(openAi).size());
        assertTrue(promptOf(chatRequests(openAi).get(1)).contains("In paragraph 2 the tags were not kept"));
        assertEquals("DKK 14m", Jsoup.parseBodyFragment(answer.getString("translation")).selectFirst("strong")
                .text(), "the second, doubled opening tag was dropped");
    }

    @Test
    void markdownKeepsHeadingsListsQuotesTablesLinksImagesAndCode() {
        openAi.stubFor(chatCompletion().willReturn(answering(new FakeAnswer("New cycle path along Ringvejen",
                String.join("\n\n", "New cycle path along Ringvejen", SECOND,
                        "\"It will be <g1>much</g1> safer,\" says councillor Birgitte Holm.",
                        "Construction begins in May, and the path is to be finished by the autumn.",
                        "The path opens in <g1/>.", "Stretch", "Price", "Ringvejen", "DKK 14m",
                        "Cyclists on Ringvejen"), BULLETS, 700, 250))));

        JsonPath answer = given().contentType("text/markdown; charset=UTF-8").header("Cache-Control", "no-cache")
                .body(MARKDOWN).post("/summarize")
                .then().statusCode(200).extract().jsonPath();

        assertEquals("markdown", answer.getString("format"));
        String markdown = answer.getString("translation");
        for (String kept : List.of("# New cycle path along Ringvejen",
                "[new cycle path](https://example.dk/cykelsti \"Planen\")", "**DKK 14m**",
                "> \"It will be *much* safer,\" says councillor Birgitte Holm.",
                "- Construction begins in May", "- The path opens in `2027`.", "|Stretch|Price|",
                "|Ringvejen|DKK 14m|",
                "![Cyclists on Ringvejen](https://example.dk/sti.jpg)", "kode bliver ikke oversat")) {
            assertTrue(markdown.contains(kept), kept + " in\n" + markdown);
        }
        String prompt = promptOf(chatRequests(openAi).get(0));
        assertFalse(prompt.contains("example.dk") || prompt.contains("2027") || prompt.contains("kode bliver"),
                "URLs and code do not reach the model");
    }

    @Test
    void aLongHtmlArticleIsSplitBetweenBlocksAndKeepsItsStructure() {
        openAi.stubFor(chatCompletion().willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME)));
        List<String> paragraphs = Chunker.paragraphs(LongArticles.generate(30_000, 5));
        StringBuilder html = new StringBuilder("<div class=\"long\">");
        for (String paragraph : paragraphs) {
            html.append("<p>").append(paragraph.replaceFirst("\\. ", ". <em>Vigtigt:</em> ")).append("</p>\n");
        }

        JsonPath answer = summarize(Map.of("text", html.append("</div>").toString(), "format", "html"));

        assertTrue(answer.getInt("chunks") > 1, "translated in passages");
        List<Element> blocks = Jsoup.parseBodyFragment(answer.getString("translation")).select("div.long > p");
        assertEquals(paragraphs.size(), blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            assertTrue(blocks.get(i).text().startsWith("Section " + i + "."), "block " + i + " in its place");
            assertEquals(1, blocks.get(i).select("em").size(), "block " + i + " keeps its emphasis");
        }
    }

    @Test
    void anHtmlBodyIsAnHtmlArticleAndAnUnknownFormatIsRefused() {
        openAi.stubFor(chatCompletion().willReturn(answering(htmlAnswer(SECOND))));

        given().contentType("text/html; charset=UTF-8").header("Cache-Control", "no-cache").body(HTML)
                .post("/summarize").then().statusCode(200)
                .body("format", equalTo("html")).body("translation", containsString("<article id=\"story\""));

        given().contentType(ContentType.JSON).body(Map.of("text", HTML, "format", "pdf")).post("/summarize").then()
                .statusCode(400).body("detail", containsString("'format' must be text, html or markdown"));
        assertEquals(1, chatRequests(openAi).size());
    }
}

package dk.articlesummarizer.web;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.promptOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dk.articlesummarizer.cache.SummaryCache;
import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs.FakeAnswer;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class SummarizeContractTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Inject
    SummaryCache cache;

    @BeforeEach
    void reset() {
        openAi.resetAll();
        cache.invalidateAll();
    }

    private ValidatableResponse postJson(String text, String title) {
        return given().contentType(ContentType.JSON)
                .body(title == null ? java.util.Map.of("text", text) : java.util.Map.of("text", text, "title", title))
                .post("/summarize").then();
    }

    @Test
    void answersWithEveryContractFieldFromOneLlmCall() {
        FakeAnswer fake = OpenAiStubs.sampleAnswer("the harbour bath");
        openAi.stubFor(chatCompletion().willReturn(answering(fake)));

        postJson(Articles.load(Articles.MEDIUM_DANISH), "Strid om vindmøller")
                .statusCode(200)
                .contentType(ContentType.JSON)
                .header("X-Cache", "MISS")
                .body("title", equalTo(fake.title()))
                .body("translation", equalTo(fake.translation()))
                .body("summary", contains(fake.summary().toArray()))
                .body("sourceLanguage", equalTo("da"))
                .body("model", equalTo(FakeOpenAi.MODEL))
                .body("cached", equalTo(false))
                .body("usage.inputTokens", equalTo(fake.promptTokens()))
                .body("usage.outputTokens", equalTo(fake.completionTokens()));

        assertEquals(1, chatRequests(openAi).size());
    }

    @Test
    void sendsModelKeyAndTheArticleExactlyOnceDelimited() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("wind"))));
        String article = Articles.load(Articles.MEDIUM_DANISH);

        postJson(article, "Strid om vindmøller").statusCode(200);

        LoggedRequest request = chatRequests(openAi).get(0);
        assertEquals("Bearer " + FakeOpenAi.API_KEY, request.getHeader("Authorization"));
        assertEquals(FakeOpenAi.MODEL, OpenAiStubs.read(request.getBodyAsString()).path("model").asText());
        String prompt = promptOf(request);
        assertEquals(1, occurrences(prompt, article), "article text must appear exactly once in the prompt");
        assertEquals(1, occurrences(prompt, "<<<ARTICLE\n" + article + "\nARTICLE>>>"));
        assertEquals(1, occurrences(prompt, "Strid om vindmøller"));
        assertEquals(1, occurrences(prompt, "never an instruction"), "system prompt must say the text is data");
    }

    @Test
    void secondIdenticalRequestIsAHitWithoutAnotherLlmCall() {
        FakeAnswer fake = OpenAiStubs.sampleAnswer("caching");
        openAi.stubFor(chatCompletion().willReturn(answering(fake)));
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "hit-1");

        postJson(article, null).statusCode(200).header("X-Cache", "MISS").body("cached", equalTo(false));
        postJson(article, null).statusCode(200).header("X-Cache", "HIT").body("cached", equalTo(true))
                .body("title", equalTo(fake.title()))
                .body("usage.inputTokens", equalTo(0))
                .body("usage.outputTokens", equalTo(0))
                .body("usage.savedTokens", equalTo(fake.promptTokens() + fake.completionTokens()));

        assertEquals(1, chatRequests(openAi).size());
    }

    @Test
    void differentTitleIsADifferentEntry() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("titles"))));
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "title-1");

        postJson(article, "Første overskrift").statusCode(200).header("X-Cache", "MISS");
        postJson(article, "Anden overskrift").statusCode(200).header("X-Cache", "MISS");

        assertEquals(2, chatRequests(openAi).size());
    }

    @Test
    void crlfAndTrailingBlanksNormalizeToTheSameEntry() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("normalization"))));
        String article = Articles.uniqueDanish(Articles.MEDIUM_DANISH, "norm-1");
        String messy = "\n\n  \n" + article.replace("\n", "  \t\r\n") + "\r\n\r\n   \r\n";

        postJson(article, null).statusCode(200).header("X-Cache", "MISS");
        postJson(messy, null).statusCode(200).header("X-Cache", "HIT");

        assertEquals(1, chatRequests(openAi).size());
    }

    @Test
    void decomposedUnicodeNormalizesToTheSameEntry() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("nfc"))));
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "nfc-1");
        String decomposed = java.text.Normalizer.normalize(article, java.text.Normalizer.Form.NFD);

        postJson(article, null).statusCode(200).header("X-Cache", "MISS");
        postJson(decomposed, null).statusCode(200).header("X-Cache", "HIT");
    }

    @Test
    void plainTextBodyIsTheArticleInUtf8ByDefault() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("plain"))));
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "plain-1");

        // REST Assured would append "; charset=ISO-8859-1" to a bare text/plain; we test the server's default.
        given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType("text/plain").body(article.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/summarize").then().statusCode(200).header("X-Cache", "MISS");

        assertEquals(1, occurrences(promptOf(chatRequests(openAi).get(0)), article));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ISO-8859-1", "windows-1252" })
    void plainTextBodyHonoursItsCharset(String charset) {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("charset"))));
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "charset-" + charset)
                + " Æbler, øl og ål på Ærø.";

        given().contentType("text/plain; charset=" + charset).body(article.getBytes(Charset.forName(charset)))
                .post("/summarize").then().statusCode(200);

        String prompt = promptOf(chatRequests(openAi).get(0));
        assertEquals(1, occurrences(prompt, "Æbler, øl og ål på Ærø."));
        // The same article sent as JSON (UTF-8) is the same cache entry: decoding was exact.
        postJson(article, null).statusCode(200).header("X-Cache", "HIT");
    }

    @Test
    void noCacheSkipsTheReadAndReplacesTheEntry() {
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "no-cache-1");
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("old"))));
        postJson(article, null).statusCode(200).header("X-Cache", "MISS");

        FakeAnswer fresh = OpenAiStubs.sampleAnswer("fresh");
        openAi.stubFor(chatCompletion().willReturn(answering(fresh)));
        given().contentType(ContentType.JSON).header("Cache-Control", "no-cache")
                .body(java.util.Map.of("text", article)).post("/summarize")
                .then().statusCode(200).header("X-Cache", "MISS").body("title", equalTo(fresh.title()));

        postJson(article, null).statusCode(200).header("X-Cache", "HIT").body("title", equalTo(fresh.title()));
        assertEquals(2, chatRequests(openAi).size());
    }

    @Test
    void noStoreNeitherReadsNorWrites() {
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "no-store-1");
        FakeAnswer cached = OpenAiStubs.sampleAnswer("cached");
        openAi.stubFor(chatCompletion().willReturn(answering(cached)));
        postJson(article, null).statusCode(200).header("X-Cache", "MISS");

        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("uncached"))));
        given().contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body(java.util.Map.of("text", article)).post("/summarize")
                .then().statusCode(200).header("X-Cache", "MISS").body("title", equalTo("English headline about uncached"));

        postJson(article, null).statusCode(200).header("X-Cache", "HIT").body("title", equalTo(cached.title()));
        assertEquals(2, chatRequests(openAi).size());
    }

    @Test
    void noStoreDoesNotCreateAnEntry() {
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "no-store-2");
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("x"))));

        given().contentType(ContentType.JSON).header("Cache-Control", "no-store")
                .body(java.util.Map.of("text", article)).post("/summarize").then().statusCode(200);
        postJson(article, null).statusCode(200).header("X-Cache", "MISS");

        assertEquals(2, chatRequests(openAi).size());
    }

    @Test
    void norwegianIsAcceptedAndReported() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("school"))));

        postJson(Articles.load(Articles.NORWEGIAN), null).statusCode(200)
                .body("sourceLanguage", org.hamcrest.Matchers.oneOf("nb", "nn", "da"));
    }

    static int occurrences(String haystack, String needle) {
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

}

package dk.articlesummarizer.web;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;

/**
 * Every ill-formed UTF-8 sequence, wherever it stands in whatever body, is a 400 invalid-encoding and never reaches
 * the model: overlong forms of '/', a code point beyond U+10FFFF, a surrogate, a five-byte form, a lone continuation
 * byte, a cut-off sequence and a byte UTF-8 never uses.
 */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class IllFormedUtf8Test {

    private static final String[] SEQUENCES = { "c0af", "e080af", "f4908080", "eda080", "f888808080", "80", "e282",
            "ff" };

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void answerEverything() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("encoding"))));
    }

    /** A body of strings (as UTF-8) and raw bytes. */
    private static byte[] body(Object... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Object part : parts) {
            body.writeBytes(part instanceof byte[] raw ? raw : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return body.toByteArray();
    }

    private static String article(String marker) {
        return Articles.uniqueDanish(Articles.SHORT_DANISH, marker) + " ";
    }

    /** The article as the inside of a JSON string. */
    private static String jsonArticle(String marker) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(article(marker)));
    }

    private static byte[] raw(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static ValidatableResponse post(String path, String contentType, byte[] body) {
        return given().config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType).body(body).post(path).then();
    }

    private void assertRefused(ValidatableResponse response) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:article-summarizer:problem:invalid-encoding"))
                .body("detail", containsString("UTF-8"));
        assertEquals(0, chatRequests(openAi).size(), "an ill-formed body must never reach the model");
    }

    private static void eachSequence(java.util.function.Consumer<String> check) {
        for (String hex : SEQUENCES) {
            check.accept(hex);
        }
    }

    @Test
    void inJsonJustBeforeTheClosingQuote() {
        eachSequence(hex -> assertRefused(post("/summarize", "application/json",
                body("{\"text\": \"", jsonArticle("end-" + hex), raw(hex), "\"}"))));
    }

    @Test
    void inJsonMidString() {
        eachSequence(hex -> assertRefused(post("/summarize", "application/json",
                body("{\"text\": \"", jsonArticle("mid-" + hex), raw(hex), " og mere tekst\"}"))));
    }

    @Test
    void inTheTitle() {
        eachSequence(hex -> assertRefused(post("/summarize", "application/json",
                body("{\"text\": \"", jsonArticle("title-" + hex), "\", \"title\": \"Havnebad ", raw(hex), "\"}"))));
    }

    @Test
    void inABatch() {
        eachSequence(hex -> assertRefused(post("/summarize/batch", "application/json",
                body("{\"articles\": [{\"text\": \"", jsonArticle("batch-" + hex), raw(hex), "\"}]}"))));
    }

    @Test
    void inAStreamedRequest() {
        eachSequence(hex -> assertRefused(given().accept("text/event-stream").contentType("application/json")
                .body(body("{\"text\": \"", jsonArticle("stream-" + hex), raw(hex), "\"}")).post("/summarize").then()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "text/plain", "text/plain; charset=UTF-8", "text/html", "text/markdown" })
    void inATextBody(String contentType) {
        eachSequence(hex -> {
            assertRefused(post("/summarize", contentType, body(article(contentType + "-end-" + hex), raw(hex))));
            assertRefused(post("/summarize", contentType,
                    body(article(contentType + "-mid-" + hex), raw(hex), " mere tekst")));
        });
    }

    @Test
    void aWellFormedFourByteSequenceBeforeTheClosingQuoteIsAccepted() {
        post("/summarize", "application/json", body("{\"text\": \"", jsonArticle("emoji"), raw("f09f9880"), "\"}"))
                .statusCode(200);
        assertEquals(1, chatRequests(openAi).size());
    }
}

package dk.articlesummarizer.web;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Every kind of bad input gets its own problem+json status, and none of them reaches the LLM. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class BadInputTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void answerEverything() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("anything"))));
    }

    @AfterEach
    void llmWasNeverCalled() {
        assertEquals(0, chatRequests(openAi).size(), "bad input must never reach the LLM");
    }

    private static RequestSpecification request(String contentType) {
        return given().config(RestAssured.config().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(contentType);
    }

    private static ValidatableResponse assertProblem(ValidatableResponse response, int status, String typeSuffix) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("type", allOf(startsWith("urn:article-summarizer:problem:"), containsString(typeSuffix)))
                .body("title", not(equalTo(null)))
                .body("detail", not(equalTo(null)))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    private static ValidatableResponse postJsonBytes(byte[] body) {
        return request("application/json").body(body).post("/summarize").then();
    }

    private static ValidatableResponse postJson(String body) {
        return postJsonBytes(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyJsonBody() {
        assertProblem(postJson(""), 400, "invalid-request");
    }

    @Test
    void malformedJson() {
        assertProblem(postJson("{\"text\": \"Hej"), 400, "malformed-json")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void jsonArrayInsteadOfObject() {
        assertProblem(postJson("[\"Hej med dig\"]"), 400, "invalid-request")
                .body("detail", containsString("JSON object"));
    }

    @Test
    void jsonStringInsteadOfObject() {
        assertProblem(postJson("\"Hej med dig\""), 400, "invalid-request");
    }

    @Test
    void missingText() {
        assertProblem(postJson("{\"title\": \"Overskrift\"}"), 400, "invalid-request")
                .body("detail", containsString("'text'"));
    }

    @Test
    void blankText() {
        assertProblem(postJson("{\"text\": \"  \\n\\t \"}"), 400, "invalid-request");
    }

    @Test
    void numericText() {
        assertProblem(postJson("{\"text\": 42}"), 400, "invalid-request").body("detail", containsString("'text'"));
    }

    @Test
    void objectText() {
        assertProblem(postJson("{\"text\": {\"body\": \"Hej\"}}"), 400, "invalid-request");
    }

    @Test
    void booleanTitle() {
        assertProblem(postJson("{\"text\": \"Hej med dig\", \"title\": true}"), 400, "invalid-request")
                .body("detail", containsString("'title'"));
    }

    @Test
    void invalidUtf8InJson() {
        byte[] body = "{\"text\": \"Bl\u00e5b\u00e6r XX\"}".getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.ISO_8859_1).indexOf("XX");
        body[at] = (byte) 0xC3; // a lead byte followed by an ASCII byte: not UTF-8
        assertProblem(postJsonBytes(body), 400, "invalid-encoding").body("detail", containsString("UTF-8"));
    }

    @Test
    void invalidUtf8InPlainText() {
        byte[] body = Articles.load(Articles.SHORT_DANISH).getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(request("text/plain; charset=UTF-8").body(body).post("/summarize").then(), 400,
                "invalid-encoding").body("detail", containsString("UTF-8"));
    }

    @Test
    void emptyPlainText() {
        assertProblem(request("text/plain").body(new byte[0]).post("/summarize").then(), 400, "invalid-request");
    }

    @Test
    void unknownCharset() {
        assertProblem(request("text/plain; charset=klingon-8").body("Hej".getBytes(StandardCharsets.UTF_8))
                .post("/summarize").then(), 415, "unsupported-media-type");
    }

    @Test
    void textOverTheLimitStatesTheLimit() {
        String tooLong = "Det regner i København. ".repeat(5000);
        assertProblem(postJson("{\"text\": \"" + tooLong + "\"}"), 413, "text-too-long")
                .body("detail", containsString("100000"));
    }

    @Test
    void bodyOverTheHttpLimitStatesTheLimit() {
        byte[] huge = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertProblem(request("text/plain").body(huge).post("/summarize").then(), 413, "body-too-large")
                .body("detail", containsString("bytes"));
    }

    @Test
    void chunkedBodyOverTheHttpLimitGetsTheSameProblemAsADeclaredOne() throws Exception {
        long limit = BodyLimits.article(100_000, 500); // the default text and title limits
        byte[] chunk = "Det regner i København. ".repeat(400).getBytes(StandardCharsets.UTF_8);
        String response;
        // A raw socket: the whole chunked body is sent before the answer is read, so no client-side buffering or
        // early close decides what the test sees.
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            var out = socket.getOutputStream();
            out.write(("POST /summarize HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (long sent = 0; sent <= limit; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            response = readResponse(socket.getInputStream());
        }

        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
        assertTrue(response.contains("\"type\":\"urn:article-summarizer:problem:body-too-large\""), response);
        assertTrue(response.contains(limit + " bytes"), response);
    }

    /** Status line, headers and a Content-Length body; the server need not close the connection. */
    private static String readResponse(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)")
                .matcher(head);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return head + new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void duplicateFieldIsRefusedNamingIt() {
        assertProblem(postJson("{\"text\": \"Hej med dig\", \"text\": \"Farvel\"}"), 400, "malformed-json")
                .body("detail", containsString("'text' appears more than once"));
    }

    @Test
    void noContentTypeIsRefusedNamingTheAcceptedTypes() {
        assertProblem(given().body("{\"text\": \"Hej med dig\"}".getBytes(StandardCharsets.UTF_8))
                .post("/summarize").then(), 415, "unsupported-media-type")
                .body("detail", allOf(containsString("application/json"), containsString("text/plain")));
    }

    @Test
    void controlCharacterInTheTextIsRefusedSayingWhere() {
        assertProblem(postJson("{\"text\": \"Hej med dig.\\nAnden linje \\u0000 her\"}"), 400, "invalid-request")
                .body("detail", allOf(containsString("U+0000"), containsString("text"), containsString("line 2")));
    }

    @Test
    void controlCharacterInTheTitleIsRefused() {
        assertProblem(postJson("{\"text\": \"Hej med dig\", \"title\": \"Over\\u001bskrift\"}"), 400,
                "invalid-request").body("detail", allOf(containsString("U+001B"), containsString("title")));
    }

    @Test
    void controlCharacterInPlainTextIsRefused() {
        assertProblem(request("text/plain; charset=UTF-8").body("Hej\u0007 med dig".getBytes(StandardCharsets.UTF_8))
                .post("/summarize").then(), 400, "invalid-request").body("detail", containsString("U+0007"));
    }

    @Test
    void otherContentType() {
        assertProblem(request("application/xml").body("<text>Hej</text>").post("/summarize").then(), 415,
                "unsupported-media-type");
    }

    @Test
    void optionsNamesTheAllowedMethods() {
        given().options("/summarize").then().statusCode(204).header("Allow", equalTo("POST, OPTIONS"));
        given().options("/summarize/batch").then().statusCode(204).header("Allow", equalTo("POST, OPTIONS"));
    }

    @Test
    void otherMethod() {
        assertProblem(given().get("/summarize").then(), 405, "method-not-allowed")
                .header("Allow", equalTo("POST, OPTIONS"));
        assertProblem(given().delete("/summarize/batch").then(), 405, "method-not-allowed")
                .header("Allow", equalTo("POST, OPTIONS"));
    }

    @Test
    void unknownPath() {
        assertProblem(given().get("/nothing-here").then(), 404, "not-found");
    }

    @Test
    void englishArticleIsRefusedAsNotDanish() {
        assertProblem(postJson("{\"text\": " + quoted(Articles.load(Articles.ENGLISH)) + "}"), 422,
                "unsupported-language").body("detail", containsString("English"));
    }

    @Test
    void overlongTitle() {
        assertProblem(postJson("{\"text\": \"Hej med dig\", \"title\": \"" + "x".repeat(501) + "\"}"), 400,
                "invalid-request").body("detail", containsString("500"));
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}

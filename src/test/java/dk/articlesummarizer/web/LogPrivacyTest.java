package dk.articlesummarizer.web;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.completion;
import static dk.articlesummarizer.support.OpenAiStubs.providerError;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.CapturedLogs;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Article text, prompts, completions and the API key never reach logs at INFO or above. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class LogPrivacyTest {

    private static final String SECRET_SENTENCE = "Fortroligt: kilden hedder Birgitte Kragh og bor i Næstved.";
    private static final String COMPLETION_MARKER = "completion-marker-qzxw";

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    @Test
    void successesAndEveryKindOfFailureLogNoTextOrKey() {
        String article = Articles.load(Articles.MEDIUM_DANISH) + "\n\n" + SECRET_SENTENCE;
        try (CapturedLogs logs = CapturedLogs.install()) {
            OpenAiStubs.FakeAnswer answer = OpenAiStubs.sampleAnswer(COMPLETION_MARKER);
            openAi.stubFor(chatCompletion().willReturn(answering(answer)));
            post(article + " 1", 200);
            post(article + " 1", 200);
            openAi.stubFor(chatCompletion().willReturn(providerError(500)));
            post(article + " 2", 502);
            openAi.stubFor(chatCompletion().willReturn(providerError(401)));
            post(article + " 3", 502);
            openAi.stubFor(chatCompletion().willReturn(completion("Sorry: " + COMPLETION_MARKER, "stop", 1, 1)));
            post(article + " 4", 502);
            post(Articles.load(Articles.ENGLISH) + " Confidential: the source is Birgitte Kragh.", 422);
            given().contentType(ContentType.JSON).body("{\"text\": \"" + SECRET_SENTENCE).post("/summarize")
                    .then().statusCode(400);

            assertTrue(logs.count() > 0, "the scenario must have logged something for this test to mean anything");
            String logged = logs.textAtOrAbove(Level.INFO);
            assertFalse(logged.contains("Birgitte Kragh"), logged);
            assertFalse(logged.contains("vindmøllepark"), logged);
            assertFalse(logged.contains(COMPLETION_MARKER), logged);
            assertFalse(logged.contains(FakeOpenAi.API_KEY), logged);
            assertFalse(logged.contains("Exception"), logged);
        }
    }

    private static void post(String text, int expectedStatus) {
        given().contentType(ContentType.JSON).body(Map.of("text", text)).post("/summarize")
                .then().statusCode(expectedStatus);
    }
}

package dk.articlesummarizer.observability;

import static org.awaitility.Awaitility.await;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** With tracing switched on, the LLM call has spans of its own, and no span carries article or answer text. */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
@WithTestResource(FakeOpenAi.class)
class TracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.bsp.schedule.delay", "50ms");
        }
    }

    /** Spans land here instead of an OTLP collector. */
    @Singleton
    static class InMemoryExporter {
        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return InMemorySpanExporter.create();
        }
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void llmCallsAreSpannedWithoutText() {
        openAi.resetAll();
        OpenAiStubs.FakeAnswer fake = OpenAiStubs.sampleAnswer("traced");
        openAi.stubFor(chatCompletion().willReturn(answering(fake)));
        String article = Articles.uniqueDanish(Articles.MEDIUM_DANISH, "traced");

        given().contentType(ContentType.JSON).body(Map.of("text", article)).post("/summarize").then().statusCode(200);

        List<SpanData> finished = await().atMost(Duration.ofSeconds(10)).until(spans::getFinishedSpanItems,
                items -> items.stream().anyMatch(span -> span.getName().startsWith("completion ")));
        assertTrue(finished.stream().anyMatch(span -> span.getName().equals("completion test-model-1")),
                "spans: " + names(finished));
        String everything = finished.toString();
        assertFalse(everything.contains("vindmøllepark"), "no article text in spans");
        assertFalse(everything.contains(fake.translation().substring(0, 40)), "no completion text in spans");
    }

    private static List<String> names(List<SpanData> spans) {
        return spans.stream().map(SpanData::getName).toList();
    }
}

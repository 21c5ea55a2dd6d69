package dk.articlesummarizer.observability;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.Management;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** /q/metrics moves as requests pass, and its labels stay free of keys, addresses and text. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class MetricsTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void reset() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("metrics"))));
    }

    @Test
    void aMissAndAHitMoveTheCountersByOneEach() {
        String before = scrape();
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "metrics-" + System.nanoTime());

        given().contentType(ContentType.JSON).body(Map.of("text", article)).post("/summarize").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("text", article)).post("/summarize").then().statusCode(200);
        String after = scrape();

        String miss = "summarizer_cache_lookups_total{cache=\"summaries\",result=\"miss\"}";
        String hit = "summarizer_cache_lookups_total{cache=\"summaries\",result=\"hit\"}";
        String ok = "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/summarize\"}";
        String accepted = "summarizer_llm_admissions_total{model=\"" + FakeOpenAi.MODEL + "\",result=\"accepted\"}";
        assertEquals(value(before, miss) + 1, value(after, miss));
        assertEquals(value(before, hit) + 1, value(after, hit));
        assertEquals(value(before, ok) + 2, value(after, ok));
        assertEquals(value(before, accepted) + 1, value(after, accepted), "one LLM call for a miss and a hit");
        assertTrue(value(after, "summarizer_cache_entries{cache=\"summaries\"}") >= 1);
        Matcher bytes = Pattern.compile("^summarizer_cache_bytes\\w*\\{cache=\"summaries\"\\} ([0-9.eE+-]+)",
                Pattern.MULTILINE).matcher(after);
        assertTrue(bytes.find() && Double.parseDouble(bytes.group(1)) > 0, "cached bytes are reported");
        assertTrue(after.contains("gen_ai_client_token_usage") || after.contains("gen_ai_client_operation_duration"),
                "quarkus-langchain4j's LLM call metrics are published");
        assertTrue(after.contains("ft_circuitbreaker_state_current{method=\"llm-provider\",state=\"closed\"} 1.0"));
        assertTrue(!after.contains(article.substring(0, 20)) && !after.contains(FakeOpenAi.API_KEY)
                && !after.contains("127.0.0.1"), "no text, key or address in labels");
    }

    private static String scrape() {
        return Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double value(String scrape, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)", Pattern.MULTILINE)
                .matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}

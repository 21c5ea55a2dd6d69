package dk.articlesummarizer.client;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.providerError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.ws.rs.ProcessingException;

/** The typed client, used as a calling service would: over HTTP, against the running instance. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class SummarizerClientTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @RestClient
    SummarizerClient client;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    @Test
    void summarizesThenAnswersFromTheCache() {
        OpenAiStubs.FakeAnswer fake = OpenAiStubs.sampleAnswer("client");
        openAi.stubFor(chatCompletion().willReturn(answering(fake)));
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "client-1");

        SummarizerClient.SummaryResponse first = client.summarize(new SummarizerClient.SummaryRequest(article, "Havnebad"));
        SummarizerClient.SummaryResponse second = client.summarize(SummarizerClient.SummaryRequest.of(article));

        assertEquals(fake.title(), first.title());
        assertEquals(fake.summary(), first.summary());
        assertEquals(fake.summary(), first.bullets().stream().map(SummarizerClient.Bullet::text).toList());
        assertTrue(first.bullets().stream().flatMap(bullet -> bullet.paragraphs().stream())
                .allMatch(paragraph -> paragraph >= 1), first.bullets().toString());
        assertTrue(first.disclosure().contains(first.model()), first.disclosure());
        assertFalse(first.cached());
        assertEquals(fake.promptTokens(), first.usage().inputTokens());
        assertEquals(1, first.chunks());
        // A different title is a different entry; the same article without a title is not the first one's entry.
        assertFalse(second.cached());
        assertTrue(client.summarize(SummarizerClient.SummaryRequest.of(article), null, "client-req-1").cached());
    }

    @Test
    void problemsBecomeTypedExceptions() {
        SummarizerException notDanish = assertThrows(SummarizerException.class,
                () -> client.summarize(SummarizerClient.SummaryRequest.of(Articles.load(Articles.ENGLISH)), null,
                        "client-req-2"));
        assertEquals(422, notDanish.status());
        assertEquals(URI.create("urn:article-summarizer:problem:unsupported-language"), notDanish.type());
        assertEquals("client-req-2", notDanish.requestId());
        assertFalse(notDanish.retryable());

        openAi.stubFor(chatCompletion().willReturn(providerError(429).withHeader("Retry-After", "120")));
        SummarizerException rateLimited = assertThrows(SummarizerException.class,
                () -> client.summarize(SummarizerClient.SummaryRequest.of(
                        Articles.uniqueDanish(Articles.SHORT_DANISH, "client-429"))));
        assertEquals(503, rateLimited.status());
        assertTrue(rateLimited.retryable());
        assertEquals(120, rateLimited.retryAfter().orElseThrow().toSeconds());
    }

    @Test
    void theCallersReadTimeoutApplies() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("slow")).withFixedDelay(1_800)));

        assertThrows(ProcessingException.class, () -> client.summarize(
                SummarizerClient.SummaryRequest.of(Articles.uniqueDanish(Articles.SHORT_DANISH, "client-slow"))));
    }
}

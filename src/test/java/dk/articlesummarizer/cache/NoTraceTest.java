package dk.articlesummarizer.cache;

import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.LongArticles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A no-store article, short or long, and a refused article leave nothing behind in any cache. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class NoTraceTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Inject
    SummaryCache summaries;

    @Inject
    ChunkCache passages;

    @BeforeEach
    void reset() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME)));
        summaries.invalidateAll();
        passages.invalidateAll();
    }

    private static void post(String text, String cacheControl, int status) {
        given().contentType(ContentType.TEXT).header("Cache-Control", cacheControl).body(text)
                .post("/summarize").then().statusCode(status);
    }

    private void assertNothingCached() {
        summaries.cleanUp();
        passages.cleanUp();
        assertEquals(0, summaries.estimatedSize(), "answers cached");
        assertEquals(0, passages.estimatedSize(), "passages cached");
    }

    @Test
    void aNoStoreShortArticleLeavesNoTrace() {
        post(Articles.uniqueDanish(Articles.MEDIUM_DANISH, "no trace short"), "no-store", 200);
        assertNothingCached();
    }

    @Test
    void aNoStoreLongArticleCachesNeitherItsAnswerNorItsPassages() {
        post(LongArticles.generate(30_000, 31), "no-store", 200);
        assertNothingCached();
    }

    @Test
    void aRefusedArticleLeavesNoTrace() {
        post(Articles.load(Articles.ENGLISH), "", 422);
        assertNothingCached();
    }

    @Test
    void anOrdinaryLongArticleIsCachedWithItsPassages() {
        post(LongArticles.generate(30_000, 32), "", 200);
        assertEquals(1, summaries.estimatedSize());
        assertTrue(passages.estimatedSize() > 1, "passages cached");
    }
}

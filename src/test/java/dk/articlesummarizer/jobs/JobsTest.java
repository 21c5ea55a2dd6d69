package dk.articlesummarizer.jobs;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.LongArticles;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class JobsTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    private static ValidatableResponse postAsync(String text) {
        return given().contentType(ContentType.JSON).header("Prefer", "respond-async").body(Map.of("text", text))
                .post("/summarize").then();
    }

    private static ExtractableResponse<Response> awaitFinished(String location) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().get(location).then().statusCode(200).extract(),
                        job -> !"running".equals(job.path("status")));
    }

    @Test
    void aSlowArticleAnswers202AtOnceAndItsJobEndsWithTheAnswer() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("the job"))
                .withFixedDelay(1_500)));
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "job-" + System.nanoTime());

        ExtractableResponse<Response> accepted = postAsync(article).statusCode(202)
                .header("Location", matchesPattern(".*/jobs/[A-Za-z0-9_-]{22}"))
                .header("Retry-After", notNullValue())
                .header("Preference-Applied", "respond-async")
                .body("status", equalTo("running")).extract();
        String location = accepted.header("Location");
        given().get(location).then().statusCode(200).body("status", equalTo("running"))
                .header("Retry-After", notNullValue());

        ExtractableResponse<Response> done = awaitFinished(location);
        assertEquals("done", done.path("status"));
        assertEquals(3, done.<java.util.List<?>>path("result.summary").size());
        assertEquals("da", done.path("result.sourceLanguage"));
        assertEquals(1, done.<Integer>path("progress.done"));
        assertEquals(1, done.<Integer>path("progress.total"));
        assertEquals(1, chatRequests(openAi).size());
    }

    @Test
    void aJobForACachedArticleIsDoneAtOnce() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("the cached job"))));
        String article = Articles.uniqueDanish(Articles.SHORT_DANISH, "cached-job-" + System.nanoTime());
        given().contentType(ContentType.JSON).body(Map.of("text", article)).post("/summarize").then().statusCode(200);

        postAsync(article).statusCode(202).body("status", equalTo("done")).body("result.cached", equalTo(true));
        assertEquals(1, chatRequests(openAi).size());
    }

    @Test
    void aBadArticleIsRefusedAtOnceWithoutAJob() {
        postAsync(Articles.load(Articles.ENGLISH)).statusCode(422).contentType("application/problem+json")
                .header("Location", org.hamcrest.Matchers.nullValue());
        assertEquals(0, chatRequests(openAi).size());
    }

    @Test
    void aProviderFaultEndsTheJobWithItsProblem() {
        openAi.stubFor(chatCompletion().willReturn(OpenAiStubs.providerError(500)));
        String location = postAsync(Articles.uniqueDanish(Articles.SHORT_DANISH, "fails-" + System.nanoTime()))
                .statusCode(202).extract().header("Location");

        ExtractableResponse<Response> failed = awaitFinished(location);
        assertEquals("failed", failed.path("status"));
        assertEquals(502, failed.<Integer>path("problem.status"));
        assertEquals("urn:article-summarizer:problem:llm-failed", failed.path("problem.type"));
    }

    @Test
    void aLongArticleReportsItsPassagesAsProgress() {
        openAi.stubFor(chatCompletion().willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME)));
        String location = postAsync(LongArticles.generate(30_000, System.nanoTime())).statusCode(202)
                .extract().header("Location");

        ExtractableResponse<Response> done = awaitFinished(location);
        assertEquals("done", done.path("status"), done.asString());
        int total = done.path("progress.total");
        assertTrue(total > 2, "passages and the digest: " + done.asString());
        assertEquals(total, done.<Integer>path("progress.done"));
        assertEquals(total, chatRequests(openAi).size());
    }

    @Test
    void anUnknownJobIs404() {
        given().get("/jobs/AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:article-summarizer:problem:not-found"));
        given().delete("/jobs/AAAAAAAAAAAAAAAAAAAAAA").then().statusCode(405)
                .header("Allow", equalTo("GET, HEAD, OPTIONS"));
    }

    @Test
    void aNoStoreJobIsAnsweredOnceThenForgotten() {
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("the private job"))));
        String location = given().contentType(ContentType.JSON).header("Prefer", "respond-async")
                .header("Cache-Control", "no-store")
                .body(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, "privat-" + System.nanoTime())))
                .post("/summarize").then().statusCode(202).extract().header("Location");

        ExtractableResponse<Response> done = awaitFinished(location);
        assertEquals("done", done.path("status"));
        assertEquals(3, done.<java.util.List<?>>path("result.summary").size());
        given().get(location).then().statusCode(404);
    }
}

package dk.articlesummarizer.web;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class BatchTest {

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void reset() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("the batch"))));
    }

    private static ValidatableResponse postBatch(List<Map<String, String>> articles) {
        return given().contentType(ContentType.JSON).body(Map.of("articles", articles)).post("/summarize/batch")
                .then();
    }

    @Test
    void eachArticleHasItsOwnResultInOrderAndIdenticalArticlesMakeOneCall() {
        String first = Articles.uniqueDanish(Articles.SHORT_DANISH, "batch-a-" + System.nanoTime());
        String second = Articles.uniqueDanish(Articles.MEDIUM_DANISH, "batch-b-" + System.nanoTime());

        ValidatableResponse response = postBatch(List.of(Map.of("text", first, "title", "Havnebad"),
                Map.of("text", Articles.load(Articles.ENGLISH)), Map.of("text", first, "title", "Havnebad"),
                Map.of("text", second), Map.of("text", "   ")))
                .statusCode(200).contentType(ContentType.JSON)
                .body("results", hasSize(5))
                .body("results[0].status", equalTo(200))
                .body("results[0].summary", hasSize(3))
                .body("results[0].sourceLanguage", equalTo("da"))
                .body("results[1].status", equalTo(422))
                .body("results[1].problem.type", equalTo("urn:article-summarizer:problem:unsupported-language"))
                .body("results[1].translation", nullValue())
                .body("results[2].status", equalTo(200))
                .body("results[3].status", equalTo(200))
                .body("results[4].status", equalTo(400))
                .body("results[4].problem.detail", containsString("empty"));

        String firstTranslation = response.extract().path("results[0].translation");
        assertEquals(firstTranslation, response.extract().<String>path("results[2].translation"));
        assertEquals(2, chatRequests(openAi).size(), "the repeated article and the refused ones cost no call");
    }

    @Test
    void moreArticlesThanTheLimitIs413BeforeAnyCall() {
        List<Map<String, String>> articles = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            articles.add(Map.of("text", Articles.uniqueDanish(Articles.SHORT_DANISH, "mange-" + i)));
        }
        postBatch(articles).statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:article-summarizer:problem:too-many-articles"))
                .body("detail", containsString("20"));
        assertEquals(0, chatRequests(openAi).size());
    }

    @Test
    void anEmptyBatchIs400() {
        postBatch(List.of()).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:article-summarizer:problem:invalid-request"));
        given().contentType(ContentType.JSON).body("{}").post("/summarize/batch").then().statusCode(400);
    }

    @Test
    void aBatchBodyMayBeLargerThanOneArticlesBody() {
        String body = "{\"articles\": [], \"padding\": \"" + "x".repeat((int) BodyLimits.article(100_000, 500))
                + "\"}";

        given().contentType(ContentType.JSON).body(body).post("/summarize").then().statusCode(413)
                .body("type", equalTo("urn:article-summarizer:problem:body-too-large"));
        given().contentType(ContentType.JSON).body(body).post("/summarize/batch").then().statusCode(400)
                .body("detail", containsString("at least one article"));
    }
}

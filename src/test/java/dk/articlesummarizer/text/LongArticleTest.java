package dk.articlesummarizer.text;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static dk.articlesummarizer.support.OpenAiStubs.providerError;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dk.articlesummarizer.cache.ChunkCache;
import dk.articlesummarizer.cache.SummaryCache;
import dk.articlesummarizer.pipeline.ContextBudget;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.LongArticles;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Long articles are translated passage by passage, completely, in order, and re-translated only where changed. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class LongArticleTest {

    private static final Pattern SECTION = Pattern.compile("^Section (\\d+)\\.");

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @Inject
    SummaryCache summaries;

    @Inject
    ChunkCache passages;

    @Inject
    ContextBudget budget;

    @BeforeEach
    void reset() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME)));
        summaries.invalidateAll();
        passages.invalidateAll();
    }

    private static Response summarize(String text) {
        return given().contentType(ContentType.TEXT).body(text).post("/summarize");
    }

    private List<LoggedRequest> passageCalls() {
        return chatRequests(openAi).stream().filter(r -> OpenAiStubs.promptOf(r).contains("<<<PASSAGE")).toList();
    }

    private List<LoggedRequest> digestCalls() {
        return chatRequests(openAi).stream().filter(r -> OpenAiStubs.promptOf(r).contains("news editor")).toList();
    }

    @Test
    void sixtyThousandCharactersAreTranslatedCompletelyAndInOrderInSeveralCalls() {
        String article = LongArticles.generate(60_000, 1);
        int sourceParagraphs = Chunker.paragraphs(article).size();

        JsonPath answer = summarize(article).then().statusCode(200).extract().jsonPath();

        List<String> english = Chunker.paragraphs(answer.getString("translation"));
        assertEquals(sourceParagraphs, english.size(), "one English paragraph per source paragraph");
        for (int i = 0; i < english.size(); i++) {
            Matcher section = SECTION.matcher(english.get(i));
            assertTrue(section.find() && Integer.parseInt(section.group(1)) == i, "paragraph " + i + " in order");
        }
        int passagesTranslated = passageCalls().size();
        assertTrue(passagesTranslated >= 60_000 / budget.passageChars(), "several passage calls: " + passagesTranslated);
        assertEquals(passagesTranslated, answer.getInt("chunks"));
        assertEquals(1, digestCalls().size());
        for (LoggedRequest call : chatRequests(openAi)) {
            String prompt = OpenAiStubs.promptOf(call);
            assertFalse(prompt.contains("Afsnit 0.") && prompt.contains("Afsnit " + (sourceParagraphs - 1) + "."),
                    "no call carries the whole article");
        }
        assertEquals(500 * chatRequests(openAi).size(), answer.getInt("usage.outputTokens"),
                "usage is summed over all calls");
    }

    @Test
    void aSingleTwentyThousandCharacterParagraphIsSplitBetweenSentences() {
        String paragraph = LongArticles.singleParagraph(20_000, 2);

        JsonPath answer = summarize(paragraph).then().statusCode(200).extract().jsonPath();

        assertEquals(1, Chunker.paragraphs(answer.getString("translation")).size());
        assertTrue(passageCalls().size() >= 3);
        for (LoggedRequest call : passageCalls()) {
            String prompt = OpenAiStubs.promptOf(call);
            String passage = prompt.substring(prompt.indexOf("<<<PASSAGE\n") + 11, prompt.indexOf("\nPASSAGE>>>"));
            assertTrue(passage.length() <= budget.passageChars());
            assertTrue(passage.endsWith(".") || passage.endsWith(".\""), "ends at a sentence end: "
                    + passage.substring(passage.length() - 30));
        }
    }

    @Test
    void editingOneParagraphRetranslatesOnlyTheAffectedPassagesPlusOneDigest() {
        String article = LongArticles.generate(75_000, 3);
        List<Chunk> before = Chunker.split(article, budget.passageChars(), budget.contextChars());
        assertTrue(before.size() >= 10, "a 10-chunk article, got " + before.size());
        summarize(article).then().statusCode(200);
        openAi.resetRequests();

        List<String> paragraphs = new java.util.ArrayList<>(Chunker.paragraphs(article));
        int edited = paragraphs.size() / 2;
        paragraphs.set(edited, paragraphs.get(edited) + " Formanden vil tage sagen op igen på næste møde.");
        String updated = String.join("\n\n", paragraphs);
        summarize(updated).then().statusCode(200).header("X-Cache", "MISS");

        int changed = changedChunks(before, Chunker.split(updated, budget.passageChars(), budget.contextChars()));
        assertEquals(changed, passageCalls().size(), "exactly the passages whose text or context changed");
        assertTrue(changed >= 1 && changed <= 2, "one edit touches at most two passages, touched " + changed);
        assertEquals(1, digestCalls().size());
    }

    @Test
    void appendingAParagraphRetranslatesOnlyTheEnd() {
        String article = LongArticles.generate(75_000, 4);
        List<Chunk> before = Chunker.split(article, budget.passageChars(), budget.contextChars());
        summarize(article).then().statusCode(200);
        openAi.resetRequests();

        String updated = article + "\n\nOpdatering. Kommunen oplyser nu, at borgermødet flyttes til rådhuset.";
        summarize(updated).then().statusCode(200);

        int changed = changedChunks(before, Chunker.split(updated, budget.passageChars(), budget.contextChars()));
        assertEquals(changed, passageCalls().size());
        assertTrue(changed <= 2, "appending touches the last passage(s) only, touched " + changed);
        assertEquals(1, digestCalls().size());
    }

    @Test
    void identicalResubmissionMakesNoCalls() {
        String article = LongArticles.generate(30_000, 5);
        summarize(article).then().statusCode(200);
        openAi.resetRequests();

        summarize(article).then().statusCode(200).header("X-Cache", "HIT");
        assertEquals(0, chatRequests(openAi).size());
    }

    @Test
    void oneFailingPassageFailsTheRequestAndNoWholeAnswerIsCached() {
        String article = LongArticles.generate(40_000, 6);
        openAi.stubFor(chatCompletion().atPriority(1).withRequestBody(containing("Afsnit 7."))
                .willReturn(providerError(500)));

        summarize(article).then().statusCode(502).contentType("application/problem+json");
        assertEquals(0, summaries.estimatedSize(), "no half translation is cached as an answer");

        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME)));
        JsonPath answer = summarize(article).then().statusCode(200).header("X-Cache", "MISS").extract().jsonPath();
        assertEquals(Chunker.paragraphs(article).size(), Chunker.paragraphs(answer.getString("translation")).size());
        assertTrue(passageCalls().size() < answer.getInt("chunks"), "passages that succeeded were kept");
    }

    @Test
    void aPassageWithAHeadingRunIntoTheNextParagraphIsAcceptedAtTheFirstCall() {
        String article = LongArticles.generate(30_000, 7);
        shape(FakeTranslator.MERGE_HEADING);

        JsonPath answer = summarize(article).then().statusCode(200).extract().jsonPath();

        assertEveryParagraphOnceInOrder(article, answer.getString("translation"));
        assertEquals(answer.getInt("chunks"), passageCalls().size(), "one call per passage");
    }

    @Test
    void aTranslatedCopyOfTheContextIsDroppedAtTheFirstCall() {
        String article = LongArticles.generate(30_000, 8);
        shape(FakeTranslator.WITH_CONTEXT);

        JsonPath answer = summarize(article).then().statusCode(200).extract().jsonPath();

        assertEveryParagraphOnceInOrder(article, answer.getString("translation"));
        assertEquals(answer.getInt("chunks"), passageCalls().size(), "one call per passage");
    }

    @Test
    void aPassageWhoseTranslationLostTextIsHalvedAndTranslatedAgain() {
        String article = LongArticles.generate(40_000, 9);
        shape(FakeTranslator.HALF_OF_LONG);

        JsonPath answer = summarize(article).then().statusCode(200).extract().jsonPath();

        assertEveryParagraphOnceInOrder(article, answer.getString("translation"));
        assertTrue(passageCalls().size() > answer.getInt("chunks"), "long passages were translated in halves");
    }

    @Test
    void aPassageWhoseAnswerHitsTheOutputLimitIsHalvedAndNothingTruncatedIsReturned() {
        String article = LongArticles.generate(40_000, 10);
        shape(FakeTranslator.CUT_LONG);

        JsonPath answer = summarize(article).then().statusCode(200).extract().jsonPath();

        assertEveryParagraphOnceInOrder(article, answer.getString("translation"));
        assertTrue(passageCalls().size() > answer.getInt("chunks"), "cut passages were translated in halves");
    }

    @Test
    void allPromptsOfALongArticleTogetherStayWithinOnePointThreeTimesTheArticle() {
        String article = LongArticles.generate(60_000, 15);

        summarize(article).then().statusCode(200);

        long promptChars = chatRequests(openAi).stream().mapToLong(LongArticleTest::promptChars).sum();
        double ratio = (double) promptChars / article.length();
        assertTrue(ratio <= 1.3, "prompts are " + ratio + " times the article");
        String digestPrompt = OpenAiStubs.promptOf(digestCalls().get(0));
        assertTrue(digestPrompt.length() < article.length() / 5, "the digest is written from the passages' facts");
    }

    /** Every character the provider is sent as prompt: all messages and the answer's schema. */
    static long promptChars(LoggedRequest request) {
        com.fasterxml.jackson.databind.JsonNode body = OpenAiStubs.read(request.getBodyAsString());
        return OpenAiStubs.promptOf(request).length() + body.path("response_format").toString().length();
    }

    private void shape(String shape) {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(WireMock.aResponse().withTransformers(FakeTranslator.NAME)
                .withTransformerParameter(FakeTranslator.SHAPE, shape)));
    }

    /** Every source paragraph's "Section N." appears once in the translation, in order, none lost or doubled. */
    private static void assertEveryParagraphOnceInOrder(String article, String translation) {
        Matcher section = Pattern.compile("Section (\\d+)\\.").matcher(translation);
        List<Integer> seen = new java.util.ArrayList<>();
        while (section.find()) {
            seen.add(Integer.parseInt(section.group(1)));
        }
        List<Integer> expected = java.util.stream.IntStream.range(0, Chunker.paragraphs(article).size()).boxed()
                .toList();
        assertEquals(expected, seen);
    }

    private static int changedChunks(List<Chunk> before, List<Chunk> after) {
        Set<String> known = new HashSet<>();
        before.forEach(chunk -> known.add(chunk.context() + "\u0000" + chunk.text()));
        return (int) after.stream().filter(chunk -> !known.contains(chunk.context() + "\u0000" + chunk.text())).count();
    }

}

package dk.articlesummarizer.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The floors bench/run.sh measures against, served only when the benchmark turns them on. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
@TestProfile(BenchEndpointsTest.FloorsOn.class)
class BenchEndpointsTest {

    public static class FloorsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("summarizer.bench.floor", "true");
        }
    }

    private static final String CHAT_REQUEST = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hej\"}]}";

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void reset() {
        openAi.resetAll();
    }

    @Test
    void theFloorAnswersAPrecomputedBodyOfTheRequestedSize() {
        byte[] body = given().contentType(ContentType.JSON).body("{}")
                .post("/bench/floor?bytes=3000").then().statusCode(200).extract().asByteArray();

        assertEquals(3000, body.length);
        assertEquals(3000 - "{\"t\":\"\"}".length(), OpenAiStubs.read(new String(body)).path("t").asText().length());
    }

    @Test
    void theRelayPassesTheBodyToTheProviderWithoutTheKeyAndItsAnswerBackUnchanged() {
        String completion = OpenAiStubs.completionJson("{\"title\":\"Hello\"}", "stop", 12, 34);
        openAi.stubFor(OpenAiStubs.chatCompletion().willReturn(okJson(completion)));

        given().contentType(ContentType.JSON).body(CHAT_REQUEST)
                .post("/bench/relay").then().statusCode(200).body(equalTo(completion));

        List<LoggedRequest> sent = OpenAiStubs.chatRequests(openAi);
        assertEquals(List.of(CHAT_REQUEST), sent.stream().map(LoggedRequest::getBodyAsString).toList());
        assertFalse(sent.get(0).containsHeader("Authorization"), "the relay must not spend the operator's API key");
    }
}

package dk.articlesummarizer.access;

import static org.awaitility.Awaitility.await;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Keys from a file, which the service re-reads when it changes: rotation without a restart. */
@QuarkusTest
@TestProfile(ApiKeysFileTest.KeysFile.class)
@WithTestResource(FakeOpenAi.class)
class ApiKeysFileTest {

    static final Path FILE = createKeyFile();

    public static class KeysFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("summarizer.api-keys-file", FILE.toString());
        }
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    private static Path createKeyFile() {
        try {
            Path file = Files.createTempFile("api-keys", ".txt");
            Files.writeString(file, "# rotated monthly\nold-key-91ab\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int statusWith(String key) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON)
                .body(Map.of("text", Articles.load(Articles.SHORT_DANISH))).post("/summarize").statusCode();
    }

    @Test
    void aChangedFileIsPickedUpWithoutRestart() throws IOException {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("keys"))));
        assertEquals(200, statusWith("old-key-91ab"));
        assertEquals(401, statusWith("new-key-c4d2"));

        Files.writeString(FILE, "new-key-c4d2\n");
        Files.setLastModifiedTime(FILE, FileTime.from(Instant.now().plusSeconds(5)));

        assertEquals(200, await().atMost(Duration.ofSeconds(10)).until(() -> statusWith("new-key-c4d2"), s -> s == 200));
        assertEquals(401, statusWith("old-key-91ab"));
    }
}

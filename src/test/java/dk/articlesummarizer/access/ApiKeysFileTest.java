package dk.articlesummarizer.access;

import static org.awaitility.Awaitility.await;
import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.CapturedLogs;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import dk.articlesummarizer.support.TempFiles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Keys from a file, which the service re-reads when it changes: rotation without a restart, and a changed file that
 * cannot be used leaves the keys read before in place, with one WARN.
 */
@QuarkusTest
@TestProfile(ApiKeysFileTest.KeysFile.class)
@WithTestResource(FakeOpenAi.class)
class ApiKeysFileTest {

    static final Path FILE = TempFiles.withContent("api-keys", ".txt", "# rotated monthly\nold-key-91ab\n");
    private static int versions = 5;

    public static class KeysFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("summarizer.api-keys-file", FILE.toString());
        }
    }

    @FakeOpenAi.Inject
    WireMockServer openAi;

    private static int statusWith(String key) {
        return given().header("X-API-Key", key).contentType(ContentType.JSON)
                .body(Map.of("text", Articles.load(Articles.SHORT_DANISH))).post("/summarize").statusCode();
    }

    /** Writes the file with a modification time of its own (later each time), as a rotation would. */
    private static void rewrite(String content) throws IOException {
        Files.writeString(FILE, content);
        Files.setLastModifiedTime(FILE, FileTime.from(Instant.now().plusSeconds(versions++)));
    }

    /** Writes the file and waits until the service uses it. */
    private static void use(String content, String key) throws IOException {
        rewrite(content);
        await().atMost(Duration.ofSeconds(10)).until(() -> statusWith(key), status -> status == 200);
    }

    private static int kept(CapturedLogs logs) {
        return logs.textAtOrAbove(Level.WARNING).split("keeping the keys read before", -1).length - 1;
    }

    @BeforeEach
    void stubTheModel() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("keys"))));
    }

    @Test
    void aChangedFileIsPickedUpWithoutRestart() throws IOException {
        use("# rotated monthly\nold-key-91ab\n", "old-key-91ab");
        assertEquals(401, statusWith("new-key-c4d2"));

        rewrite("new-key-c4d2\n");

        assertEquals(200, await().atMost(Duration.ofSeconds(10)).until(() -> statusWith("new-key-c4d2"), s -> s == 200));
        assertEquals(401, statusWith("old-key-91ab"));
    }

    @Test
    void aFileThatBecomesBadKeepsTheKeysReadBeforeAndWarnsOnce() throws IOException {
        use("good-key-5e6f\n", "good-key-5e6f");
        try (CapturedLogs logs = CapturedLogs.install()) {
            rewrite("good-key-5e6f\nsecret-key-0a9b tokens-per-day=abc\n");

            await().atMost(Duration.ofSeconds(10)).until(() -> statusWith("good-key-5e6f") == 200 && kept(logs) == 1);
            // Looked at every second while requests come: still the keys read before, and still the one WARN.
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
                    .until(() -> statusWith("good-key-5e6f") == 200 && kept(logs) == 1);
            assertEquals(401, statusWith("secret-key-0a9b"));
            String warning = logs.textAtOrAbove(Level.WARNING);
            assertTrue(warning.contains("SUMMARIZER_API_KEYS_FILE " + FILE + ":2: tokens-per-day must be"), warning);
            assertFalse(warning.contains("secret-key-0a9b") || warning.contains("good-key-5e6f"), warning);

            Files.delete(FILE);

            await().atMost(Duration.ofSeconds(10)).until(() -> statusWith("good-key-5e6f") == 200 && kept(logs) == 2);
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
                    .until(() -> statusWith("good-key-5e6f") == 200 && kept(logs) == 2);
            assertTrue(logs.textAtOrAbove(Level.WARNING).contains(FILE + ": cannot be read (no such file)"));
        } finally {
            use("good-key-5e6f\n", "good-key-5e6f");
        }
    }
}

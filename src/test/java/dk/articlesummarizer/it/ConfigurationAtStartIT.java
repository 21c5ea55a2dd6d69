package dk.articlesummarizer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dk.articlesummarizer.support.PackagedService;
import dk.articlesummarizer.support.TempFiles;

/**
 * Every file a setting names is read at start: a bad one stops the packaged service before it is ready, with one
 * line naming the setting, the file and the line (never the key), no stack trace, and a non-zero exit; good ones
 * are read before the first request.
 */
class ConfigurationAtStartIT {

    private static final String SECRET = "secret-key-7d41";
    /** A failed start takes a few seconds; the bound leaves room for a machine busy with other builds. */
    private static final long EXIT_WITHIN_SECONDS = 60;

    private static final String NOT_A_SETTING = "word 2 is not a setting (known: tokens-per-day=<number>,"
            + " cost-per-day=<number>)";

    static Stream<Arguments> badLines() {
        return Stream.of(
                arguments("a budget that is not a number", "SUMMARIZER_API_KEYS_FILE",
                        "good-key-19ce\n" + SECRET + " tokens-per-day=abc\n",
                        ":2: tokens-per-day must be a whole number of 0 or more, not 'abc'"),
                arguments("an unknown setting", "SUMMARIZER_API_KEYS_FILE", "# keys\n" + SECRET + " tokens-a-day=5\n",
                        ":2: " + NOT_A_SETTING),
                arguments("two words", "SUMMARIZER_API_KEYS_FILE", SECRET + " one\n", ":1: " + NOT_A_SETTING),
                arguments("no key", "SUMMARIZER_API_KEYS_FILE", "# keys go here\n\n", ": holds no key (one key per"
                        + " line)"),
                arguments("a term shorter than 2 characters", "SUMMARIZER_GLOSSARY_FILE",
                        "danish,english\nFolketinget,\nX,too short\n",
                        ":3: the Danish term must have at least 2 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLines")
    void aBadLineStopsTheStartNamingTheSettingTheFileAndTheLine(String fault, String setting, String content,
            String problem) throws Exception {
        Path file = TempFiles.withContent("bad", ".txt", content);

        String output = refusedStart(Map.of(setting, file.toString()));

        assertEquals(List.of(setting + " " + file + problem), linesNaming(output, setting), output);
    }

    @Test
    void aMissingKeyFileStopsTheStartNamingIt() throws Exception {
        String output = refusedStart(Map.of("SUMMARIZER_API_KEYS_FILE", "/nonexistent/keys.txt"));

        assertEquals(List.of("SUMMARIZER_API_KEYS_FILE /nonexistent/keys.txt: cannot be read (no such file)"),
                linesNaming(output, "SUMMARIZER_API_KEYS_FILE"), output);
    }

    @Test
    void aLimitBelowItsLeastStopsTheStartNamingIt() throws Exception {
        String output = refusedStart(Map.of("SUMMARIZER_RATE_LIMIT_MAX_CLIENTS", "0"));

        assertEquals(List.of("SUMMARIZER_RATE_LIMIT_MAX_CLIENTS must be 1 or more, not 0"),
                linesNaming(output, "SUMMARIZER_RATE_LIMIT_MAX_CLIENTS"), output);
    }

    @Test
    void aFallbackModelThatCannotWorkStopsTheStartNamingItsSetting() throws Exception {
        String output = refusedStart(Map.of("LLM_FALLBACK_1_BASE_URL", "llm.internal:8000/v1",
                "LLM_FALLBACK_1_MODEL", "backup-model"));

        assertEquals(1, linesNaming(output, "LLM_FALLBACK_1_BASE_URL").size(), output);
    }

    @Test
    void goodFilesAreReadBeforeTheFirstRequest() throws Exception {
        Path keys = TempFiles.withContent("keys", ".txt", "# team keys\n" + SECRET + " cost-per-day=5\nother-key-2b\n");
        Path glossary = TempFiles.withContent("glossary", ".csv", "danish,english\nFolketinget,\nZelenskyj,Zelenskyy\n");
        Path log = Path.of("target/configuration-at-start.log");

        try (PackagedService packaged = new PackagedService(18_440, "http://127.0.0.1:9", log,
                Map.of("SUMMARIZER_API_KEYS_FILE", keys.toString(), "SUMMARIZER_GLOSSARY_FILE", glossary.toString()))) {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(output.contains("Loaded 2 API key(s) from " + keys + ", 1 with a budget of its own"), output);
            assertTrue(output.contains("Glossary: 2 entries from " + glossary), output);
            assertFalse(output.contains(SECRET), output);
        }
    }

    /** Starts the packaged jar, which must exit non-zero without a stack trace or the key; its output. */
    private static String refusedStart(Map<String, String> settings) throws Exception {
        Path log = Files.createTempFile("refused-start", ".log");
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("LLM_BASE_URL", "http://127.0.0.1:9/v1", "LLM_MODEL", "it-model",
                "QUARKUS_HTTP_PORT", "18441", "QUARKUS_MANAGEMENT_PORT", "18451"));
        builder.environment().putAll(settings);
        Process process = builder.start();
        try {
            assertTrue(process.waitFor(EXIT_WITHIN_SECONDS, TimeUnit.SECONDS), "the process exits by itself");
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertNotEquals(0, process.exitValue(), output);
            // Quarkus prints a ConfigurationException's message alone; anything else as "Failed to start" and a
            // stack trace. (Not every stack trace: Netty's finalizer may log one of its own as the event loops stop.)
            assertFalse(output.contains("Failed to start") || output.contains("ConfigurationException"),
                    "no stack trace:\n" + output);
            assertFalse(output.contains(SECRET), output);
            return output;
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static List<String> linesNaming(String output, String setting) {
        return output.lines().filter(line -> line.contains(setting)).toList();
    }
}

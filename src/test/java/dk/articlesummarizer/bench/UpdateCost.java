package dk.articlesummarizer.bench;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import dk.articlesummarizer.support.FakeTranslator;
import dk.articlesummarizer.support.LongArticles;
import dk.articlesummarizer.support.OpenAiStubs;
import dk.articlesummarizer.support.PackagedService;
import dk.articlesummarizer.text.Chunker;

/**
 * What an update costs (bench/update.sh): the packaged service against a fake provider that translates and counts
 * tokens as a provider would (about four characters each, prompt, JSON schema and answer alike). For articles of
 * ten and twenty paragraphs: the tokens of the first translation, then of the same article with one paragraph
 * changed, and their ratio against the target.
 */
public final class UpdateCost {

    private static final int PORT = 18_390;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort().extensions(new FakeTranslator()));
        provider.start();
        provider.stubFor(OpenAiStubs.chatCompletion().willReturn(WireMock.aResponse()
                .withTransformers(FakeTranslator.NAME)
                .withTransformerParameter(FakeTranslator.SHAPE, FakeTranslator.COUNTED)));
        Files.createDirectories(Path.of("target"));
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-32s %8s %13s %13s %7s %7s %s", "article", "chars", "first tokens", "update tokens",
                "ratio", "target", "verdict"));
        boolean allMet = true;
        try (PackagedService service = new PackagedService(PORT, provider.baseUrl(), Path.of("target/update-bench.log"),
                Map.of())) {
            for (int[] shape : new int[][] { { 10, 400, 40 }, { 20, 350, 25 } }) {
                int paragraphs = shape[0];
                String first = LongArticles.paragraphs(paragraphs, shape[1], 7 + paragraphs);
                JsonNode original = summarize(service.base(), first);
                List<String> changed = new ArrayList<>(Chunker.paragraphs(first));
                String replacement = Chunker.paragraphs(LongArticles.paragraphs(paragraphs, shape[1], 99)).get(4)
                        .replaceFirst("^Afsnit \\d+\\.", "Afsnit 4.");
                changed.set(4, replacement);
                JsonNode updated = summarize(service.base(), String.join("\n\n", changed));
                int firstTokens = tokens(original);
                int updateTokens = tokens(updated);
                double ratio = 100.0 * updateTokens / firstTokens;
                boolean checked = updated.path("reused").asInt() == paragraphs - 1
                        && Chunker.paragraphs(updated.path("translation").asText()).size() == paragraphs;
                boolean met = checked && ratio <= shape[2];
                allMet &= met;
                rows.add(String.format("%-32s %8d %13d %13d %6.1f%% %6d%% %s",
                        paragraphs + " paragraphs, 1 changed", first.length(), firstTokens, updateTokens, ratio,
                        shape[2], (met ? "MET" : "MISSED") + (checked ? "" : " (answer incomplete)")));
            }
        } finally {
            provider.stop();
        }
        System.out.println();
        rows.forEach(System.out::println);
        System.out.println();
        System.out.println(allMet ? "All targets met." : "Some targets missed.");
    }

    private static JsonNode summarize(String base, String article) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/summarize"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", article)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static int tokens(JsonNode answer) {
        return answer.path("usage").path("inputTokens").asInt() + answer.path("usage").path("outputTokens").asInt();
    }
}

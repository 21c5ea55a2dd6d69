package dk.articlesummarizer.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * A typed client for calling this service from another Quarkus service: copy this package (four small files) or
 * depend on the artifact. Configure it as {@code quarkus.rest-client.article-summarizer.url} (plus
 * {@code read-timeout}: see docs/calling.md). Every error answer becomes a {@link SummarizerException}.
 */
@RegisterRestClient(configKey = "article-summarizer")
@RegisterProvider(ProblemResponseMapper.class)
@Path("/summarize")
public interface SummarizerClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    SummaryResponse summarize(SummaryRequest request);

    /** The same, with {@code Cache-Control} ("no-cache" for a fresh answer) and an id to trace the call by. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    SummaryResponse summarize(SummaryRequest request, @HeaderParam("Cache-Control") String cacheControl,
            @HeaderParam("X-Request-Id") String requestId);

    record SummaryRequest(String text, String title) {

        public static SummaryRequest of(String text) {
            return new SummaryRequest(text, null);
        }
    }

    /**
     * @param bullets the summary's bullets, each with the article paragraphs (from 1) it rests on
     * @param disclosure how the answer was made, a line to print under it
     */
    record SummaryResponse(String title, String translation, java.util.List<String> summary,
            java.util.List<Bullet> bullets, String sourceLanguage, String model, String disclosure, boolean cached,
            Usage usage, int chunks) {
    }

    record Bullet(String text, java.util.List<Integer> paragraphs) {
    }

    record Usage(int inputTokens, int outputTokens) {
    }
}

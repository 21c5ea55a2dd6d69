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

    record SummaryResponse(String title, String translation, java.util.List<String> summary, String sourceLanguage,
            String model, boolean cached, Usage usage, int chunks) {
    }

    record Usage(int inputTokens, int outputTokens) {
    }
}

package dk.articlesummarizer.api;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import dk.articlesummarizer.summary.CachePolicy;
import dk.articlesummarizer.summary.SummarizeResponse;
import dk.articlesummarizer.summary.SummaryService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

@Path("/summarize")
@PrefetchBody
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "summarize", description = "Danish article in, English translation and summary out")
public class SummarizeResource {

    static final String CACHE_STATUS_HEADER = "X-Cache";

    private final SummaryService summaries;
    private final ObjectMapper json;

    public SummarizeResource(SummaryService summaries, ObjectMapper json) {
        this.summaries = summaries;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "summarize", summary = "Translate and summarize a Danish article",
            description = "Returns the English translation, headline and 3-7 bullets. Answers are cached; see the"
                    + " X-Cache response header and the Cache-Control request header.")
    @SummarizeResponses
    public Uni<Response> summarizeJson(
            @RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SummarizeRequest.class),
                            example = OpenApiExamples.JSON_REQUEST),
                    @Content(mediaType = MediaType.TEXT_PLAIN,
                            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                    description = "The article; charset parameter honoured, UTF-8 by default"),
                            example = OpenApiExamples.PLAIN_REQUEST) })
            byte[] body,
            @Parameter(description = "no-cache: answer afresh and replace the cached answer; no-store: neither read"
                    + " nor write the cache") @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(body, MediaType.APPLICATION_JSON, cacheControl, () -> readJson(body));
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public Uni<Response> summarizePlainText(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        String charset = contentType == null ? "" : contentType.getParameters().getOrDefault("charset", "");
        return answer(body, "text/plain;charset=" + charset.toLowerCase(Locale.ROOT), cacheControl,
                () -> new SummarizeRequest(PlainTextBody.decode(body, contentType), null));
    }

    /**
     * The JSON body, read here rather than bound by JAX-RS so that a repeated body can be answered from its raw
     * bytes (see RequestBodyIndex); the same strict ObjectMapper reads it, and its errors reach the same mappers.
     */
    private SummarizeRequest readJson(byte[] body) {
        SummarizeRequest request;
        try {
            request = json.readValue(body, SummarizeRequest.class);
        } catch (IOException e) {
            throw e instanceof JsonProcessingException processing ? new UncheckedJsonException(processing)
                    : new java.io.UncheckedIOException(e);
        }
        if (request == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The body must be a JSON object with a 'text'"
                    + " field.");
        }
        if (request.text() == null || request.text().isBlank()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "Field 'text' is required and must hold the"
                    + " article.");
        }
        return request;
    }

    /**
     * Runs on the event loop up to the cache lookup, so a hit is answered without a thread switch (its bytes were
     * serialized when it was cached); a miss continues on a worker thread of the same Vert.x context, which keeps
     * the request's logging context.
     */
    private Uni<Response> answer(byte[] body, String mediaType, String cacheControl, Supplier<SummarizeRequest> decode) {
        CachePolicy policy = CachePolicy.fromCacheControl(cacheControl);
        Optional<byte[]> seen = summaries.cachedForBody(mediaType, body, policy);
        if (seen.isPresent()) {
            return Uni.createFrom().item(respond(seen.get(), "HIT"));
        }
        SummarizeRequest request = decode.get();
        SummaryService.Prepared article = summaries.prepare(request.text(), request.title(), policy);
        summaries.rememberBody(mediaType, body, article);
        Optional<byte[]> hit = summaries.cached(article);
        if (hit.isPresent()) {
            return Uni.createFrom().item(respond(hit.get(), "HIT"));
        }
        Future<Response> miss = Vertx.currentContext().executeBlocking(() -> respond(summaries.answer(article)), false);
        return Uni.createFrom().completionStage(miss.toCompletionStage());
    }

    private Response respond(SummaryService.Answer answer) throws JsonProcessingException {
        return answer.cached() ? respond(answer.cachedJson(), "HIT")
                : respond(json.writeValueAsBytes(SummarizeResponse.of(answer.fresh(), false)), "MISS");
    }

    private static Response respond(byte[] body, String cacheStatus) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(CACHE_STATUS_HEADER, cacheStatus).build();
    }
}

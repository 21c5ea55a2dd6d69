package dk.articlesummarizer.api;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import dk.articlesummarizer.summary.CachePolicy;
import dk.articlesummarizer.summary.SummaryService;

/** Decodes and validates the request, asks the service for the answer, and sends it with its cache status. */
@Path("/summarize")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "summarize", description = "Danish article in, English translation and summary out")
public class SummarizeResource {

    static final String CACHE_STATUS_HEADER = "X-Cache";
    /** What /summarize and /summarize/batch allow; also the Allow of their 405s. */
    static final String ALLOWED = "POST, OPTIONS";

    private final SummaryService summaries;

    public SummarizeResource(SummaryService summaries) {
        this.summaries = summaries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "summarize", summary = "Translate and summarize a Danish article",
            description = "Returns the English translation, headline and 3-7 bullets. Answers are cached; see the"
                    + " X-Cache response header and the Cache-Control request header. The model's answer is"
                    + " checked: an untidy one (JSON in prose or fences, bullets with list markers or several"
                    + " sentences, no headline, ...) is repaired without another call and is as good as a tidy one,"
                    + " so the answer does not list repairs (the service's metrics count them); an unusable one"
                    + " (not English, incomplete, fewer than 3 bullets, numbers or names the article does not"
                    + " state) is asked for once more, then answered with 502.")
    @SummarizeResponses
    public Response summarizeJson(
            @RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SummarizeRequest.class),
                            example = OpenApiExamples.JSON_REQUEST),
                    @Content(mediaType = MediaType.TEXT_PLAIN,
                            schema = @Schema(type = SchemaType.STRING,
                                    description = "The article; charset parameter honoured, UTF-8 by default"),
                            example = OpenApiExamples.PLAIN_REQUEST) })
            @Valid SummarizeRequest request,
            @Parameter(description = "no-cache: answer afresh and replace the cached answer; no-store: neither read"
                    + " nor write the cache") @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        if (request == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The body must be a JSON object with a 'text'"
                    + " field.");
        }
        return respond(summaries.summarize(request.text(), request.title(), CachePolicy.fromCacheControl(cacheControl)));
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(hidden = true)
    public Response summarizePlainText(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return respond(summaries.summarize(PlainTextBody.decode(body, contentType), null,
                CachePolicy.fromCacheControl(cacheControl)));
    }

    private static Response respond(SummaryService.Answer answer) {
        return Response.ok(answer.json(), MediaType.APPLICATION_JSON_TYPE)
                .header(CACHE_STATUS_HEADER, answer.cached() ? "HIT" : "MISS").build();
    }

    @OPTIONS
    @Operation(operationId = "summarizeOptions", summary = "The methods this path allows")
    @APIResponse(responseCode = "204", description = "Allow names them",
            headers = @Header(name = HttpHeaders.ALLOW, required = true, schema = @Schema(type = SchemaType.STRING,
                    enumeration = ALLOWED)))
    public Response options() {
        return Response.noContent().header(HttpHeaders.ALLOW, ALLOWED).build();
    }
}

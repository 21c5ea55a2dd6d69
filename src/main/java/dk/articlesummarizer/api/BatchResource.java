package dk.articlesummarizer.api;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.articlesummarizer.access.AccessFilter;
import dk.articlesummarizer.access.BatchQuota;
import dk.articlesummarizer.observability.RequestIds;
import dk.articlesummarizer.problem.Problem;
import dk.articlesummarizer.summary.ArticleInput;
import dk.articlesummarizer.summary.BatchSummarizer;
import dk.articlesummarizer.summary.CachePolicy;
import dk.articlesummarizer.summary.SummaryJson;

/** Several articles in one request, each answered (or refused) on its own, in order. */
@Path("/summarize/batch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "summarize")
public class BatchResource {

    private final BatchSummarizer batches;
    private final BatchQuota quota;
    private final SummaryJson json;

    public BatchResource(BatchSummarizer batches, BatchQuota quota, SummaryJson json) {
        this.batches = batches;
        this.quota = quota;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "summarizeBatch", summary = "Translate and summarize several articles",
            description = "Answers 200 with one result per article, in order: its status and either the fields of"
                    + " POST /summarize's answer or a problem (one English article gives its 422 here while the"
                    + " others succeed). Identical articles make one LLM call; articles run concurrently up to the"
                    + " LLM concurrency limit; the rate limit counts articles.")
    @APIResponse(responseCode = "200", description = "One result per article, in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OpenApiSchemas.BatchResponse.class),
                    examples = @ExampleObject(name = "mixed", value = OpenApiExamples.BATCH_RESPONSE)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or no articles", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "API keys are on and none (or a wrong one) was sent",
            headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More articles than SUMMARIZER_BATCH_MAX_ARTICLES, or a body"
            + " over the batch body limit", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not JSON", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "The batch's articles do not fit in the rate limit's budget",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "500", description = "A bug; the detail has an error id found in the log",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response summarize(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BatchRequest.class),
                    example = OpenApiExamples.BATCH_REQUEST)) BatchRequest request,
            @Parameter(description = "as for POST /summarize, for every article") @HeaderParam(HttpHeaders.CACHE_CONTROL)
            String cacheControl, @Context ContainerRequestContext context) {
        List<ArticleInput> articles = request == null || request.articles() == null ? List.of()
                : request.articles().stream().map(article -> article == null ? null : article.input()).toList();
        quota.charge(context, articles.size());
        return Response.ok(json.batchBytes(batches.summarize(articles, CachePolicy.fromCacheControl(cacheControl),
                AccessFilter.caller(context), RequestIds.current()).await().indefinitely()), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @OPTIONS
    @Operation(operationId = "summarizeBatchOptions", summary = "The methods this path allows")
    @APIResponse(responseCode = "204", description = "Allow names them",
            headers = @Header(name = HttpHeaders.ALLOW, required = true, schema = @Schema(type = SchemaType.STRING,
                    enumeration = SummarizeResource.ALLOWED)))
    public Response options() {
        return Response.noContent().header(HttpHeaders.ALLOW, SummarizeResource.ALLOWED).build();
    }
}

package dk.articlesummarizer.web;

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

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dk.articlesummarizer.access.AccessFilter;
import dk.articlesummarizer.access.BatchQuota;
import dk.articlesummarizer.observability.RequestIds;
import dk.articlesummarizer.pipeline.ArticleInput;
import dk.articlesummarizer.pipeline.BatchSummarizer;
import dk.articlesummarizer.pipeline.CachePolicy;
import dk.articlesummarizer.pipeline.SummaryJson;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Several articles in one request, each answered (or refused) on its own, in order. */
@Path("/summarize/batch")
@Produces(MediaType.APPLICATION_JSON)
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
    @APIResponse(responseCode = "200", description = "One result per article, in order")
    @Blocking // the rate limit's count, in Redis when replicas share one; the articles are answered on workers
    public Uni<Response> summarize(BatchRequest request, @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl,
            @Context ContainerRequestContext context) {
        List<ArticleInput> articles = request == null || request.articles() == null ? List.of()
                : request.articles().stream().map(article -> article == null ? null : article.input()).toList();
        quota.charge(context, articles.size());
        return batches.summarize(articles, CachePolicy.fromCacheControl(cacheControl), AccessFilter.caller(context),
                RequestIds.current())
                .map(outcomes -> Response.ok(json.batchBytes(outcomes), MediaType.APPLICATION_JSON_TYPE).build());
    }

    @OPTIONS
    @APIResponse(responseCode = "204", description = "Allow names them")
    public Response options() {
        return Response.noContent().header(HttpHeaders.ALLOW, SummarizeResource.ALLOWED).build();
    }
}

package dk.articlesummarizer.web;

import java.net.URI;
import java.util.Optional;

import jakarta.validation.Valid;
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
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import dk.articlesummarizer.access.AccessFilter;
import dk.articlesummarizer.jobs.Jobs;
import dk.articlesummarizer.observability.RequestIds;
import dk.articlesummarizer.pipeline.ArticleInput;
import dk.articlesummarizer.pipeline.CachePolicy;
import dk.articlesummarizer.pipeline.SummarizeResponse;
import dk.articlesummarizer.pipeline.SummaryService;
import dk.articlesummarizer.pipeline.SummaryStreams;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import dk.articlesummarizer.text.ArticleFormat;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;

/** Decodes and validates the request, asks the service for the answer, and sends it with its cache status. */
@Path("/summarize")
@Produces(MediaType.APPLICATION_JSON)
public class SummarizeResource {

    static final String CACHE_STATUS_HEADER = "X-Cache";
    /** What /summarize and /summarize/batch allow; also the Allow of their 405s. */
    static final String ALLOWED = "POST, OPTIONS";

    static final String PREFER = "Prefer";
    static final String MARKDOWN = "text/markdown";
    private static final String RESPOND_ASYNC = "respond-async";
    private static final int POLL_AFTER_SECONDS = 2;

    private final SummaryService summaries;
    private final SummaryStreams streams;
    private final Jobs jobs;

    public SummarizeResource(SummaryService summaries, SummaryStreams streams, Jobs jobs) {
        this.summaries = summaries;
        this.streams = streams;
        this.jobs = jobs;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponseSchema(value = SummarizeResponse.class, responseDescription = "The translation and summary")
    public Uni<Response> summarizeJson(@Valid SummarizeRequest request,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl, @HeaderParam(PREFER) String prefer,
            @Context ContainerRequestContext context) {
        if (request == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The body must be a JSON object with a 'text'"
                    + " field.");
        }
        return answer(request.input(), cacheControl, prefer, context);
    }

    /**
     * {@code Accept: text/event-stream}: the answer as Server-Sent Events (summary/SummaryStreams). Described in
     * the JSON operation's 200 answer; the lower source quality keeps JSON the answer to {@code Accept: *}{@code /*}.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS + ";qs=0.5")
    @Operation(hidden = true)
    @Blocking // the language check, and the wait for a turn at the LLM
    public Multi<OutboundSseEvent> summarizeStreamed(SummarizeRequest request,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl, @Context Sse sse,
            @Context ContainerRequestContext context, @Context RoutingContext routing) {
        if (request == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "The body must be a JSON object with a 'text'"
                    + " field.");
        }
        return streams.stream(request.input(), CachePolicy.fromCacheControl(cacheControl),
                AccessFilter.caller(context), RequestIds.current(), leave -> whenClientLeaves(routing, leave))
                .map(event -> sse.newEventBuilder().name(event.name()).data(event.data()).build());
    }

    /**
     * Runs {@code leave} when the connection closes or the response ends: a stream's client may leave while its
     * call still waits for a turn, before anything reads the events (then nothing would ever cancel them).
     */
    private static void whenClientLeaves(RoutingContext routing, Runnable leave) {
        routing.addEndHandler(ended -> leave.run());
        if (routing.response().closed()) {
            leave.run();
        }
    }

    /** A plain text, HTML or Markdown body: the whole body is the article, answered in the same format. */
    @POST
    @Consumes({ MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, MARKDOWN })
    @Operation(hidden = true)
    public Uni<Response> summarizePlainText(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl, @HeaderParam(PREFER) String prefer,
            @Context ContainerRequestContext context) {
        ArticleFormat format = "html".equals(contentType.getSubtype()) ? ArticleFormat.HTML
                : "markdown".equals(contentType.getSubtype()) ? ArticleFormat.MARKDOWN : ArticleFormat.TEXT;
        return answer(new ArticleInput(PlainTextBody.decode(body, contentType), null, null, format), cacheControl,
                prefer, context);
    }

    /** A cached answer on the I/O thread; anything else (LLM work, a job's checks) on a worker. */
    private Uni<Response> answer(ArticleInput input, String cacheControl, String prefer,
            ContainerRequestContext context) {
        CachePolicy policy = CachePolicy.fromCacheControl(cacheControl);
        String caller = AccessFilter.caller(context);
        if (prefer == null || !prefer.toLowerCase(java.util.Locale.ROOT).contains(RESPOND_ASYNC)) {
            return summaries.summarize(input, policy, Optional.empty(), caller)
                    .map(SummarizeResource::respond);
        }
        String requestId = RequestIds.current();
        return Uni.createFrom().item(() -> jobs.start(input, policy, caller, requestId))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(job -> Response.accepted(job).type(MediaType.APPLICATION_JSON_TYPE)
                        .location(URI.create("/jobs/" + job.id()))
                        .header(HttpHeaders.RETRY_AFTER, POLL_AFTER_SECONDS)
                        .header("Preference-Applied", RESPOND_ASYNC).build());
    }

    private static Response respond(SummaryService.Answer answer) {
        return Response.ok(answer.json(), MediaType.APPLICATION_JSON_TYPE)
                .header(CACHE_STATUS_HEADER, answer.cached() ? "HIT" : "MISS").build();
    }

    @OPTIONS
    @APIResponse(responseCode = "204", description = "Allow names them")
    public Response options() {
        return Response.noContent().header(HttpHeaders.ALLOW, ALLOWED).build();
    }
}

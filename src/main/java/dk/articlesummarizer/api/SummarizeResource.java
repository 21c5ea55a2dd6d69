package dk.articlesummarizer.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dk.articlesummarizer.summary.CachePolicy;
import dk.articlesummarizer.summary.SummaryService;

@Path("/summarize")
@Produces(MediaType.APPLICATION_JSON)
public class SummarizeResource {

    static final String CACHE_STATUS_HEADER = "X-Cache";

    private final SummaryService summaries;

    public SummarizeResource(SummaryService summaries) {
        this.summaries = summaries;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response summarizeJson(
            @Valid @NotNull(message = "The body must be a JSON object with a 'text' field") SummarizeRequest request,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(request.text(), request.title(), cacheControl);
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public Response summarizePlainText(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @HeaderParam(HttpHeaders.CACHE_CONTROL) String cacheControl) {
        return answer(PlainTextBody.decode(body, contentType), null, cacheControl);
    }

    private Response answer(String text, String title, String cacheControl) {
        SummaryService.Answer answer = summaries.summarize(text, title, CachePolicy.fromCacheControl(cacheControl));
        return Response.ok(SummarizeResponse.of(answer.summary(), answer.cached()))
                .header(CACHE_STATUS_HEADER, answer.cached() ? "HIT" : "MISS")
                .build();
    }
}

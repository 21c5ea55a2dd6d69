package dk.articlesummarizer.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dk.articlesummarizer.access.AccessFilter;
import dk.articlesummarizer.jobs.Job;
import dk.articlesummarizer.jobs.Jobs;
import dk.articlesummarizer.problem.Problem;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;

/** A job made by {@code POST /summarize} with {@code Prefer: respond-async}: its progress, then its outcome. */
@Path("/jobs/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "summarize")
public class JobResource {

    private final Jobs jobs;

    public JobResource(Jobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @Operation(operationId = "getJob", summary = "A job's status, progress and outcome",
            description = "running (with progress: LLM steps done of total), done (with result, the answer POST"
                    + " /summarize would have given) or failed (with problem). Visible only to the API key that"
                    + " made it, for SUMMARIZER_JOBS_TTL after its last change.")
    @APIResponse(responseCode = "200", description = "The job",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "While running: when to ask again",
                    schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Job.class)))
    @APIResponse(responseCode = "401", description = "API keys are on and none (or a wrong one) was sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job: unknown, expired, or another key's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit reached",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response job(@PathParam("id") String id, @Context ContainerRequestContext context) {
        Job job = jobs.find(id, AccessFilter.caller(context)).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "No job " + id + " for this caller: unknown, expired (SUMMARIZER_JOBS_TTL) or"
                        + " made with another API key."));
        Response.ResponseBuilder response = Response.ok(job);
        if (job.status() == Job.Status.running) {
            response.header(HttpHeaders.RETRY_AFTER, 2);
        }
        return response.build();
    }
}

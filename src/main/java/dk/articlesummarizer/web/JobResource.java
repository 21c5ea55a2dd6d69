package dk.articlesummarizer.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import dk.articlesummarizer.access.AccessFilter;
import dk.articlesummarizer.jobs.Job;
import dk.articlesummarizer.jobs.Jobs;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;

/** A job made by {@code POST /summarize} with {@code Prefer: respond-async}: its progress, then its outcome. */
@Path("/jobs/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final Jobs jobs;

    public JobResource(Jobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @APIResponseSchema(value = Job.class, responseDescription = "The job")
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

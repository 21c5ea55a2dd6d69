package dk.articlesummarizer.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import dk.articlesummarizer.jobs.Job;
import dk.articlesummarizer.problem.Problem;
import dk.articlesummarizer.summary.SummarizeResponse;

/** The OpenAPI description of every answer of POST /summarize, kept apart so the resource stays readable. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@APIResponse(responseCode = "200", description = "The translation and summary",
        headers = {
                @Header(name = "X-Cache", description = "HIT when answered from the cache, MISS when this request"
                        + " called the LLM", schema = @Schema(type = SchemaType.STRING, enumeration = { "HIT", "MISS" })),
                @Header(name = "X-Request-Id", description = "The request's id (the caller's, if sane)",
                        schema = @Schema(type = SchemaType.STRING)) },
        content = {
                @Content(mediaType = "application/json", schema = @Schema(implementation = SummarizeResponse.class),
                        examples = @ExampleObject(name = "answer", value = OpenApiExamples.RESPONSE)),
                @Content(mediaType = "text/event-stream", schema = @Schema(type = SchemaType.STRING,
                        description = "With Accept: text/event-stream (JSON requests): Server-Sent Events."
                                + " 'translation' events, data {\"text\": \"...\"}: the translation as the model"
                                + " writes it, to be appended; then one 'answer' event, data: the whole answer as"
                                + " application/json above (its translation replaces the streamed one); or an"
                                + " 'error' event, data: a Problem. A cached answer, and a long article, come as"
                                + " the one 'answer' event."),
                        example = OpenApiExamples.EVENTS) })
@APIResponse(responseCode = "202", description = "With Prefer: respond-async: a job, to be followed at Location"
        + " (GET /jobs/{id}); done at once when the answer is cached",
        headers = {
                @Header(name = "Location", required = true, schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "Preference-Applied", schema = @Schema(type = SchemaType.STRING,
                        enumeration = "respond-async")) },
        content = @Content(mediaType = "application/json", schema = @Schema(implementation = Job.class)))
@APIResponse(responseCode = "400", description = "Empty or malformed body, missing or non-string text, invalid"
        + " encoding", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "API keys are on and none (or a wrong one) was sent",
        headers = @Header(name = "WWW-Authenticate", schema = @Schema(type = SchemaType.STRING)),
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "413", description = "Article or body over the limit; the detail states it",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "415", description = "Neither JSON nor text/plain, or an unknown charset",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "The article is confidently not in an accepted language",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "429", description = "Rate limit reached (rate-limited), or the API key's daily LLM budget"
        + " is spent and the article is not cached (budget-exhausted, Retry-After until midnight UTC)",
        headers = {
                @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "RateLimit-Limit", schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "RateLimit-Remaining", schema = @Schema(type = SchemaType.INTEGER)),
                @Header(name = "RateLimit-Reset", schema = @Schema(type = SchemaType.INTEGER)) },
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "500", description = "A bug; the detail has an error id found in the log",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "502", description = "The provider failed, rejected our credentials, or answered"
        + " unusably", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "Provider unreachable or rate limiting us, calls paused by the"
        + " circuit breaker, or too many calls in flight",
        headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "504", description = "The provider did not answer in time",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@interface SummarizeResponses {
}

package dk.articlesummarizer.web;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dk.articlesummarizer.observability.RequestIds;
import dk.articlesummarizer.problem.Problem;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;

/** Turns every failure into problem+json; no exception class, message of a library or stack trace leaks out. */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);
    /** Jackson's message for a field sent twice (JsonParser.Feature.STRICT_DUPLICATE_DETECTION). */
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']{0,100})'");

    private final long maxBodyBytes;

    public ProblemExceptionMappers(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.status(e.type().status())
                .type(Problem.MEDIA_TYPE)
                .entity(e.toProblem(RequestIds.current()));
        e.retryAfter().ifPresent(delay -> response.header(HttpHeaders.RETRY_AFTER,
                Math.max(1, (delay.toMillis() + 999) / 1000)));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(ConstraintViolation::getMessage)
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(new ProblemException(ProblemType.INVALID_REQUEST, detail));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return problem(new ProblemException(classify(e), describe(e)));
    }

    /** Replaces Quarkus's built-in mapper for this type, which answers plain JSON, not problem+json. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        if (status == 413) {
            return problem(new ProblemException(ProblemType.BODY_TOO_LARGE, BodyLimitFilter.detail(maxBodyBytes)));
        }
        Response problem = problem(new ProblemException(ProblemType.forStatus(status), describe(status)));
        // A 405 must say what is allowed (RFC 9110).
        return status == 405 ? Response.fromResponse(problem).header(HttpHeaders.ALLOW, allowed(uri.getPath()))
                .build() : problem;
    }

    /** Reading the body failed: the caller went away (bodies over the limit never get this far). */
    @ServerExceptionMapper
    public Response unreadableBody(IOException e) {
        LOG.debugf(e, "Could not read a request body");
        return problem(new ProblemException(ProblemType.INVALID_REQUEST, "The request body could not be read."));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return problem(ProblemException.unexpected(e));
    }

    /** What a path of the API allows: jobs and usage are read, articles are sent. */
    static String allowed(String path) {
        return path.startsWith("/jobs") || path.startsWith("/usage") ? "GET, HEAD, OPTIONS"
                : SummarizeResource.ALLOWED;
    }

    private static ProblemType classify(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("Invalid UTF-8")) {
            return ProblemType.INVALID_ENCODING;
        }
        return e instanceof MismatchedInputException ? ProblemType.INVALID_REQUEST : ProblemType.MALFORMED_JSON;
    }

    private static String describe(JsonProcessingException e) {
        ProblemType type = classify(e);
        if (type == ProblemType.INVALID_ENCODING) {
            return "The request body is not valid UTF-8.";
        }
        if (type == ProblemType.INVALID_REQUEST) {
            return "The body must be a JSON object {\"text\": \"<article>\", \"title\": \"<optional headline>\"}"
                    + " whose fields are strings" + where((MismatchedInputException) e) + ".";
        }
        String location = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            return "The field '" + duplicate.group(1) + "' appears more than once" + location + "; send each field"
                    + " once.";
        }
        return "The request body is not valid JSON" + location + ".";
    }

    private static String where(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName())
                .filter(name -> name != null)
                .collect(Collectors.joining("."));
        return field.isEmpty() ? "" : "; field '" + field + "' has the wrong type";
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "No such resource. The API is POST /summarize, POST /summarize/batch, GET /jobs/{id} and"
                    + " GET /usage; GET /q/openapi describes it.";
            case 405 -> "This path does not support that method; Allow names those it does.";
            case 406 -> "The answer is application/json; adjust the Accept header.";
            case 415 -> "Send the article as application/json {\"text\": ..., \"title\": ...}, or as text/plain,"
                    + " text/html or text/markdown.";
            default -> "The request could not be processed.";
        };
    }
}

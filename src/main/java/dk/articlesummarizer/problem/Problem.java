package dk.articlesummarizer.problem;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dk.articlesummarizer.observability.RequestIds;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem details body. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "requestId" })
public record Problem(URI type, String title, int status, String detail, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The problem for the current request; {@code requestId} is the extension member matching X-Request-Id. */
    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.type(), type.title(), type.status(), detail, RequestIds.current());
    }
}

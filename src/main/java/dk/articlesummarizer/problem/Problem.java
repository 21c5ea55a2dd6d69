package dk.articlesummarizer.problem;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem details body. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "type", "title", "status", "detail", "requestId" })
public record Problem(URI type, String title, int status, String detail, String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** @param requestId the extension member matching the response's X-Request-Id */
    public static Problem of(ProblemType type, String detail, String requestId) {
        return new Problem(type.type(), type.title(), type.status(), detail, requestId);
    }
}

package dk.articlesummarizer.client;

import java.net.URI;
import java.time.Duration;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns an application/problem+json answer (or any other error) into a {@link SummarizerException}. */
public class ProblemResponseMapper implements ResponseExceptionMapper<SummarizerException> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public SummarizerException toThrowable(Response response) {
        JsonNode problem = readProblem(response);
        String requestId = problem.path("requestId").asText(response.getHeaderString("X-Request-Id"));
        return new SummarizerException(response.getStatus(),
                problem.hasNonNull("type") ? URI.create(problem.get("type").asText()) : URI.create("about:blank"),
                problem.path("title").asText(response.getStatusInfo().getReasonPhrase()),
                problem.path("detail").asText(""), requestId, retryAfter(response));
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    private static JsonNode readProblem(Response response) {
        try {
            response.bufferEntity();
            return JSON.readTree(response.readEntity(String.class));
        } catch (RuntimeException | java.io.IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    private static Duration retryAfter(Response response) {
        String header = response.getHeaderString(HttpHeaders.RETRY_AFTER);
        try {
            return header == null ? null : Duration.ofSeconds(Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

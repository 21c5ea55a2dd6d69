package dk.articlesummarizer.client;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** An error answer of the service, with its problem details and whether (and when) a retry makes sense. */
public class SummarizerException extends RuntimeException {

    private final int status;
    private final URI type;
    private final String detail;
    private final String requestId;
    private final Duration retryAfter;

    public SummarizerException(int status, URI type, String title, String detail, String requestId,
            Duration retryAfter) {
        super(status + " " + title + ": " + detail);
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.requestId = requestId;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The problem type, e.g. {@code urn:article-summarizer:problem:llm-timeout} (listed in docs/api.md). */
    public URI type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public String requestId() {
        return requestId;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether the same request may succeed later: 429, 502, 503, 504 (after {@link #retryAfter()} if given). */
    public boolean retryable() {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }
}

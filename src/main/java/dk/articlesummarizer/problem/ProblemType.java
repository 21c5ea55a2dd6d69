package dk.articlesummarizer.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;

/** Every kind of error the service answers with; each is described in docs/api.md. */
public enum ProblemType {
    INVALID_REQUEST(400, "Invalid request"),
    MALFORMED_JSON(400, "Malformed JSON"),
    INVALID_ENCODING(400, "Invalid character encoding"),
    UNAUTHORIZED(401, "API key required"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    BODY_TIMEOUT(408, "Request body too slow"),
    TEXT_TOO_LONG(413, "Article too long"),
    BODY_TOO_LARGE(413, "Request body too large"),
    TOO_MANY_ARTICLES(413, "Too many articles in the batch"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    UNSUPPORTED_LANGUAGE(422, "Article is not in Danish"),
    RATE_LIMITED(429, "Too many requests"),
    BUDGET_EXHAUSTED(429, "Budget exhausted"),
    INTERNAL_ERROR(500, "Internal error"),
    LLM_FAILED(502, "LLM provider failed"),
    LLM_CREDENTIALS_REJECTED(502, "LLM credentials rejected"),
    LLM_UNUSABLE_ANSWER(502, "Unusable answer from the LLM"),
    LLM_UNREACHABLE(503, "LLM provider unreachable"),
    LLM_MISCONFIGURED(503, "LLM connection misconfigured"),
    LLM_RATE_LIMITED(503, "LLM provider rate limit reached"),
    LLM_CIRCUIT_OPEN(503, "LLM calls paused"),
    LLM_BUSY(503, "Too many LLM calls in progress"),
    JOBS_FULL(503, "Too many jobs waiting"),
    JOB_INTERRUPTED(503, "Job interrupted"),
    LLM_TIMEOUT(504, "LLM provider timed out");

    private static final String TYPE_PREFIX = "urn:article-summarizer:problem:";

    private final int status;
    private final String title;
    private final URI type;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
        this.type = URI.create(TYPE_PREFIX + slug());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI type() {
        return type;
    }

    /** The type's last part, {@code llm-busy} for {@link #LLM_BUSY}: a metric tag, a stable name. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ProblemType forStatus(int status) {
        return Arrays.stream(values()).filter(candidate -> candidate.status == status).findFirst()
                .orElse(status >= 500 ? INTERNAL_ERROR : INVALID_REQUEST);
    }
}

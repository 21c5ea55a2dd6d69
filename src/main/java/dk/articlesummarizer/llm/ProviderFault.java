package dk.articlesummarizer.llm;

import java.time.Duration;
import java.util.Optional;

/** A failed LLM call, classified once so that retry, circuit breaker and error mapping agree on what it was. */
public class ProviderFault extends RuntimeException {

    public enum Kind {
        /** No answer within LLM_TIMEOUT. */
        TIMEOUT(true, true),
        /** Nothing listens at LLM_BASE_URL, or the name does not resolve. */
        UNREACHABLE(true, true),
        /** 5xx, a reset connection or another transport failure. */
        SERVER_ERROR(true, true),
        /** 429. */
        RATE_LIMITED(true, true),
        /** 401/403: our key is wrong; retrying cannot help. */
        CREDENTIALS_REJECTED(false, true),
        /** 400/404/422: the provider refuses the request itself; retrying cannot help. */
        REQUEST_REJECTED(false, false),
        /** The model answered, but not with a usable answer, even after being asked again. */
        UNUSABLE_ANSWER(false, false),
        /** The request's deadline passed: the call was interrupted and no further attempt may start. */
        ABANDONED(false, false);

        private final boolean retryable;
        private final boolean provokedByProvider;

        Kind(boolean retryable, boolean provokedByProvider) {
            this.retryable = retryable;
            this.provokedByProvider = provokedByProvider;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final Duration retryAfter;
    private final boolean counted;

    ProviderFault(Kind kind, Throwable cause) {
        this(kind, -1, null, cause);
    }

    ProviderFault(Kind kind, int httpStatus, Duration retryAfter, Throwable cause) {
        this(kind, httpStatus, retryAfter, cause, true);
    }

    private ProviderFault(Kind kind, int httpStatus, Duration retryAfter, Throwable cause, boolean counted) {
        super(kind.name(), cause, false, false);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
        this.counted = counted;
    }

    /**
     * The same fault of an article that failed a moment ago: it says something about that article, not about the
     * provider, so the circuit breaker does not count it again (a few articles failing in a loop must not close the
     * provider for every other article).
     */
    ProviderFault repeated() {
        return new ProviderFault(kind, httpStatus, retryAfter, getCause(), false);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status the provider answered, or -1 when it did not answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The provider's Retry-After, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean retryable() {
        return kind.retryable;
    }

    /** Whether this failure says something about the provider's health (and so counts for the circuit breaker). */
    public boolean countsAgainstProvider() {
        return counted && kind.provokedByProvider;
    }
}

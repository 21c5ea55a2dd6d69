package dk.articlesummarizer.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The rate limit counts articles: the request filter counted a batch as one, before its body was read; this counts
 * the rest of its articles once the batch is known.
 */
@ApplicationScoped
public class BatchQuota {

    private final RateLimiter limiter;

    public BatchQuota(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /** Refuses the whole batch with 429 when its articles do not fit in the caller's budget. */
    public void charge(ContainerRequestContext request, int articles) {
        if (limiter.enabled() && articles > 1 && request.getProperty(AccessFilter.CLIENT) instanceof String client) {
            AccessFilter.enforce(request, limiter.tryAcquire(client, articles - 1));
        }
    }
}

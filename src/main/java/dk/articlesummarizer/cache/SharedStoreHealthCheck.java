package dk.articlesummarizer.cache;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the shared tier in readiness without ever making it DOWN: a replica without Redis still answers every
 * request, from its own cache and its own LLM calls, so taking it out of the load balancer would only hurt. The state
 * is the one {@link SharedStore} keeps from its heartbeat (once a second), so a probe never waits for Redis.
 */
@Readiness
@ApplicationScoped
public class SharedStoreHealthCheck implements HealthCheck {

    private final SharedStore store;

    public SharedStoreHealthCheck(SharedStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("shared-cache").up()
                .withData("redis", store.state());
        store.hosts().ifPresent(hosts -> response.withData("hosts", hosts));
        return response.build();
    }
}

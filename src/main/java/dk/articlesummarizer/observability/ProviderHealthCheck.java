package dk.articlesummarizer.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.llm.LlmEndpoint;
import dk.articlesummarizer.llm.ModelChain;

/**
 * Whether the LLM provider answers {@code GET {LLM_BASE_URL}/models}. By default it is reported but never makes the
 * pod unready: cached answers still serve while the provider is down, and every pod would go unready at once.
 * {@code SUMMARIZER_HEALTH_PROVIDER_REQUIRED=true} makes it count. The outcome is remembered for a while, so
 * frequent probes do not turn into provider traffic.
 */
@Readiness
@ApplicationScoped
public class ProviderHealthCheck implements HealthCheck {

    private final ProviderModelsClient provider;
    private final LlmEndpoint endpoint;
    private final String authorization;
    private final boolean enabled;
    private final boolean required;
    private final long cacheNanos;
    private volatile Observation last;

    public ProviderHealthCheck(@RestClient ProviderModelsClient provider, ProviderCheckConfig config,
            ModelChain chain, LlmConfig llm) {
        this.provider = provider;
        this.endpoint = chain.primary().endpoint();
        this.authorization = "Bearer " + llm.apiKey();
        this.enabled = config.enabled();
        this.required = config.required();
        this.cacheNanos = config.cache().toNanos();
    }

    @Override
    public HealthCheckResponse call() {
        if (!enabled) {
            return HealthCheckResponse.named("llm-provider").up().withData("checked", false).build();
        }
        Observation observation = observe();
        return HealthCheckResponse.named("llm-provider")
                .status(observation.reachable || !required)
                .withData("reachable", observation.reachable)
                .withData("detail", observation.detail)
                .withData("affectsReadiness", required)
                .build();
    }

    private Observation observe() {
        Observation cached = last;
        long now = System.nanoTime();
        if (cached != null && now - cached.at < cacheNanos) {
            return cached;
        }
        Observation fresh;
        if (endpoint.problem().isPresent()) {
            // A URL the client cannot use: calling it only adds the client's own ERROR to every probe.
            return new Observation(now, false, "not called: " + endpoint.problem().get());
        }
        try (Response response = provider.models(authorization)) {
            fresh = observed(now, response.getStatus());
        } catch (WebApplicationException e) {
            fresh = observed(now, e.getResponse().getStatus());
        } catch (RuntimeException e) {
            // The provider's message may quote our request; only the kind of failure is reported.
            fresh = new Observation(now, false, "no answer (" + e.getClass().getSimpleName() + ")");
        }
        last = fresh;
        return fresh;
    }

    /** Any answer but a server error or a refused key means the provider is there for us. */
    private static Observation observed(long at, int status) {
        if (status == 401 || status == 403) {
            return new Observation(at, false, "HTTP " + status + ": credentials rejected (LLM_API_KEY)");
        }
        return new Observation(at, status < 500, "HTTP " + status);
    }

    private record Observation(long at, boolean reachable, String detail) {
    }
}

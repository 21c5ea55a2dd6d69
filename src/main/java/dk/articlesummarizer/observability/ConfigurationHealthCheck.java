package dk.articlesummarizer.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dk.articlesummarizer.llm.LlmConfig;
import dk.articlesummarizer.llm.LlmEndpoint;

/** Not ready while our own configuration cannot work: no model, or a base URL that is not an http(s) URL. */
@Readiness
@ApplicationScoped
public class ConfigurationHealthCheck implements HealthCheck {

    private final LlmConfig llm;
    private final LlmEndpoint endpoint;

    public ConfigurationHealthCheck(LlmConfig llm, LlmEndpoint endpoint) {
        this.llm = llm;
        this.endpoint = endpoint;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("configuration")
                .status(endpoint.problem().isEmpty())
                .withData("model", llm.model());
        endpoint.problem().ifPresent(problem -> response.withData("problems", problem));
        return response.build();
    }
}

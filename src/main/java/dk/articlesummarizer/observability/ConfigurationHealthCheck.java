package dk.articlesummarizer.observability;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dk.articlesummarizer.llm.ModelChain;

/** Not ready while our own configuration cannot work: no model, or a base URL that is not an http(s) URL. */
@Readiness
@ApplicationScoped
public class ConfigurationHealthCheck implements HealthCheck {

    private final ModelChain chain;

    public ConfigurationHealthCheck(ModelChain chain) {
        this.chain = chain;
    }

    /** Up while at least one model of the chain can be called; the problems of the others are shown. */
    @Override
    public HealthCheckResponse call() {
        List<String> problems = chain.links().stream().flatMap(link -> link.endpoint().problem().stream()).toList();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("configuration")
                .status(problems.size() < chain.links().size())
                .withData("model", chain.primary().model())
                .withData("fallbacks", chain.links().size() - 1);
        if (!problems.isEmpty()) {
            response.withData("problems", String.join("; ", problems));
        }
        return response.build();
    }
}

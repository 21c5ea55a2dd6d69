package dk.articlesummarizer.observability;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dk.articlesummarizer.llm.LlmConfig;

/** Not ready while our own configuration cannot work: no model, or a base URL that is not an http(s) URL. */
@Readiness
@ApplicationScoped
public class ConfigurationHealthCheck implements HealthCheck {

    private final LlmConfig llm;

    public ConfigurationHealthCheck(LlmConfig llm) {
        this.llm = llm;
    }

    @Override
    public HealthCheckResponse call() {
        List<String> problems = new ArrayList<>();
        if (llm.model().isBlank()) {
            problems.add("no model configured (LLM_MODEL)");
        }
        if (!isHttpUrl(llm.baseUrl())) {
            problems.add("LLM_BASE_URL is not an http(s) URL");
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named("configuration")
                .status(problems.isEmpty())
                .withData("model", llm.model());
        if (!problems.isEmpty()) {
            response.withData("problems", String.join("; ", problems));
        }
        return response.build();
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package dk.articlesummarizer.llm;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The configured LLM_BASE_URL: what can be shown of it, and whether it can work at all. */
@ApplicationScoped
public class LlmEndpoint {

    private final String shown;
    private final Optional<String> problem;

    public LlmEndpoint(LlmConfig config) {
        this.shown = withoutUserInfo(config.baseUrl());
        this.problem = problem(config);
    }

    /** The base URL without any credentials in it, for logs and problem details. */
    public String shown() {
        return shown;
    }

    /** Why the configuration cannot work (a base URL without http:// or https://, no model), if it cannot. */
    public Optional<String> problem() {
        return problem;
    }

    private static Optional<String> problem(LlmConfig config) {
        if (config.model().isBlank()) {
            return Optional.of("no model is configured (LLM_MODEL)");
        }
        try {
            URI uri = URI.create(config.baseUrl());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException notAUri) {
            // reported below
        }
        return Optional.of("LLM_BASE_URL '" + withoutUserInfo(config.baseUrl()) + "' is not an http:// or https:// URL"
                + " (for example http://localhost:11434/v1)");
    }

    private static String withoutUserInfo(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getUserInfo() == null ? url
                    : new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (Exception e) {
            return url.replaceAll("//[^/@]*@", "//");
        }
    }
}

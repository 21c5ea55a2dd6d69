package dk.articlesummarizer.llm;

import java.net.URI;
import java.util.Optional;

/** One model's configured base URL: what can be shown of it, and whether it can work at all. */
public final class LlmEndpoint {

    private final String shown;
    private final Optional<String> problem;

    /** @param settings the prefix of the model's environment variables, {@code LLM_} or {@code LLM_FALLBACK_1_} */
    public LlmEndpoint(String baseUrl, String model, String settings) {
        this.shown = withoutUserInfo(baseUrl);
        this.problem = problem(baseUrl, model, settings);
    }

    /** The base URL without any credentials in it, for logs and problem details. */
    public String shown() {
        return shown;
    }

    /** Why the configuration cannot work (a base URL without http:// or https://, no model), if it cannot. */
    public Optional<String> problem() {
        return problem;
    }

    private static Optional<String> problem(String baseUrl, String model, String settings) {
        if (model.isBlank()) {
            return Optional.of("no model is configured (" + settings + "MODEL)");
        }
        try {
            URI uri = URI.create(baseUrl);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException notAUri) {
            // reported below
        }
        return Optional.of(settings + "BASE_URL '" + withoutUserInfo(baseUrl) + "' is not an http:// or https:// URL"
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

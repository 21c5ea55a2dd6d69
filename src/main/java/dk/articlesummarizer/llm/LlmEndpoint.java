package dk.articlesummarizer.llm;

import java.net.URI;
import java.util.Optional;

/**
 * One model's configured base URL: what can be shown of it, and whether it can work at all. The URL is for
 * operators (the log, the start-up line, readiness when it cannot work); callers are told the model and the setting,
 * never where it is.
 *
 * @param shown the base URL without any credentials in it, for logs and readiness; never for callers
 * @param model the model id asked at this URL
 * @param problem why the configuration cannot work (a base URL without http:// or https://, no model), if it
 *        cannot, naming the configured value: for operators
 * @param problemForCallers the same without the configured value, which may name an internal host: for callers
 */
public record LlmEndpoint(String shown, String model, Optional<String> problem, Optional<String> problemForCallers) {

    /** @param settings the prefix of the model's environment variables, {@code LLM_} or {@code LLM_FALLBACK_1_} */
    static LlmEndpoint of(String baseUrl, String model, String settings) {
        String shown = withoutUserInfo(baseUrl);
        boolean urlWorks = isHttpUrl(baseUrl);
        return new LlmEndpoint(shown, model, problem(model, settings, urlWorks, " '" + shown + "'"),
                problem(model, settings, urlWorks, ""));
    }

    private static Optional<String> problem(String model, String settings, boolean urlWorks, String value) {
        if (model.isBlank()) {
            return Optional.of("no model is configured (" + settings + "MODEL)");
        }
        if (urlWorks) {
            return Optional.empty();
        }
        return Optional.of(settings + "BASE_URL" + value + " is not an http:// or https:// URL"
                + " (for example http://localhost:11434/v1)");
    }

    private static boolean isHttpUrl(String baseUrl) {
        try {
            URI uri = URI.create(baseUrl);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
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

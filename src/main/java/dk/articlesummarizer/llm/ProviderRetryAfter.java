package dk.articlesummarizer.llm;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.config.SmallRyeConfig;

/**
 * The LLM client reports a 429 or 5xx without its headers, so this filter turns such a response into a
 * {@link ProviderFault} that carries the provider's {@code Retry-After} (seconds or an HTTP date).
 */
@Provider
public class ProviderRetryAfter implements ClientResponseFilter {

    /** Providers are global to all REST clients; this one only concerns calls to the models of the chain. */
    private final List<String> llmBaseUrls = baseUrls(ConfigProvider.getConfig().unwrap(SmallRyeConfig.class)
            .getConfigMapping(LlmConfig.class));

    private static List<String> baseUrls(LlmConfig config) {
        List<String> urls = new ArrayList<>();
        urls.add(config.baseUrl());
        LlmConfig.fallbacks(config).values().forEach(fallback -> fallback.baseUrl().ifPresent(urls::add));
        return List.copyOf(urls);
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        int status = response.getStatus();
        String uri = request.getUri().toString();
        if (status != 429 && status < 500 || llmBaseUrls.stream().noneMatch(uri::startsWith)) {
            return;
        }
        Duration retryAfter = parse(response.getHeaderString("Retry-After")).orElse(null);
        ProviderFault.Kind kind = status == 429 ? ProviderFault.Kind.RATE_LIMITED : ProviderFault.Kind.SERVER_ERROR;
        throw new ProviderFault(kind, status, retryAfter, null);
    }

    static Optional<Duration> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}

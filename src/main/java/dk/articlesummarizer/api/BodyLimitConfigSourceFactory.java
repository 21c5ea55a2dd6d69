package dk.articlesummarizer.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import dk.articlesummarizer.summary.SummarizerConfig;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Derives the HTTP body limit from the text limit, so operators set one number: the largest body that can
 * carry {@code summarizer.max-text-chars} characters of UTF-8 (4 bytes each at worst), a headline and JSON
 * framing. Setting {@code quarkus.http.limits.max-body-size} explicitly still wins.
 */
public class BodyLimitConfigSourceFactory implements ConfigSourceFactory {

    static final int FRAMING_BYTES = 16 * 1024;
    private static final int WORST_CASE_UTF8_BYTES_PER_CHAR = 4;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        long textChars = intValue(context.getValue("summarizer.max-text-chars"), SummarizerConfig.DEFAULT_MAX_TEXT_CHARS);
        long titleChars = intValue(context.getValue("summarizer.max-title-chars"), SummarizerConfig.DEFAULT_MAX_TITLE_CHARS);
        long maxBodyBytes = WORST_CASE_UTF8_BYTES_PER_CHAR * (textChars + titleChars) + FRAMING_BYTES;
        return List.of(new PropertiesConfigSource(
                Map.of("quarkus.http.limits.max-body-size", Long.toString(maxBodyBytes)), "body-limit", 50));
    }

    private static long intValue(ConfigValue value, String fallback) {
        if (value == null || value.getValue() == null) {
            return Integer.parseInt(fallback);
        }
        try {
            return Integer.parseInt(value.getValue().strip());
        } catch (NumberFormatException e) {
            return Integer.parseInt(fallback); // the config mapping reports the bad value with a clear message
        }
    }
}

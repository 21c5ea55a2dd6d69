package dk.articlesummarizer.web;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import dk.articlesummarizer.pipeline.SummarizerConfig;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Sets Quarkus's HTTP body limit to the largest body the service accepts, a full batch ({@link BodyLimits}): a
 * default that must be computed from other settings, hence a config source. {@link BodyLimitFilter} holds a
 * request for one article to its own, smaller limit. Setting {@code quarkus.http.limits.max-body-size} explicitly
 * still wins.
 */
public class BodyLimitConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        long textChars = intValue(context.getValue("summarizer.max-text-chars"), SummarizerConfig.DEFAULT_MAX_TEXT_CHARS);
        long titleChars = intValue(context.getValue("summarizer.max-title-chars"), SummarizerConfig.DEFAULT_MAX_TITLE_CHARS);
        long articles = intValue(context.getValue("summarizer.batch.max-articles"),
                SummarizerConfig.DEFAULT_BATCH_MAX_ARTICLES);
        long maxBodyBytes = BodyLimits.batch(textChars, titleChars, (int) articles);
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

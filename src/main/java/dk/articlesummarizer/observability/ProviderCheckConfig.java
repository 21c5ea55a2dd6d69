package dk.articlesummarizer.observability;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The readiness check that calls {@code GET {LLM_BASE_URL}/models}. */
@ConfigMapping(prefix = "summarizer.health.provider")
public interface ProviderCheckConfig {

    /** Whether the provider is checked at all. */
    @WithDefault("true")
    boolean enabled();

    /** Whether an unreachable provider makes the pod unready (off: cached answers still serve). */
    @WithDefault("false")
    boolean required();

    /** How long an observation is reused, so frequent probes do not become provider traffic. */
    @WithDefault("30s")
    Duration cache();
}

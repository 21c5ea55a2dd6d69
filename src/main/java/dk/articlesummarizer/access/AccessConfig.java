package dk.articlesummarizer.access;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Who may call /summarize, and how often. Everything is off unless configured. */
@ConfigMapping(prefix = "summarizer")
public interface AccessConfig {

    /** Accepted API keys ({@code SUMMARIZER_API_KEYS}, comma-separated). */
    @WithName("api-keys")
    Optional<List<String>> apiKeys();

    /** A file with one accepted key per line ({@code SUMMARIZER_API_KEYS_FILE}); re-read when it changes. */
    @WithName("api-keys-file")
    Optional<Path> apiKeysFile();

    RateLimit rateLimit();

    /**
     * What each API key may spend on LLM calls per UTC day, unless its line in the key file says otherwise; without
     * API keys, all callers share one budget.
     */
    Budget budget();

    interface Budget {
        /** Prompt and completion tokens together; 0 means no limit. */
        @WithDefault("0")
        long tokensPerDay();

        /** Cost at the models' prices ({@code LLM_PRICE_*}), in {@code LLM_PRICE_CURRENCY}; 0 means no limit. */
        @WithDefault("0")
        double costPerDay();
    }

    interface RateLimit {
        /** Requests per minute per API key (per client address when keys are off); 0 means no limit. */
        @WithName("per-minute")
        @WithDefault("0")
        int perMinute();

        /** Most clients whose counts are kept; the least recently seen are forgotten beyond it. */
        @WithDefault("100000")
        int maxClients();
    }
}

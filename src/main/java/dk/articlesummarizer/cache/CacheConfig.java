package dk.articlesummarizer.cache;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "summarizer.cache")
public interface CacheConfig {

    /** Upper bound for the approximate heap size of all cached answers. */
    @WithDefault("64M")
    MemorySize maxBytes();

    /** Upper bound for the approximate heap size of all cached passage translations of long articles. */
    @WithDefault("64M")
    MemorySize chunkMaxBytes();

    /**
     * Whether paragraph translations are remembered, so that an updated article pays only for what changed
     * ({@code SUMMARIZER_CACHE_PARAGRAPH_MEMORY}).
     */
    @WithDefault("true")
    boolean paragraphMemory();

    /** Upper bound for the approximate heap size of all remembered paragraph translations (updated articles). */
    @WithDefault("32M")
    MemorySize paragraphMaxBytes();

    /** How long an answer stays cached after it was written. */
    @WithDefault("24h")
    Duration ttl();
}

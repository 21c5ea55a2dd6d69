package dk.articlesummarizer.summary;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what a caller may send; documented in docs/configuration.md. */
@ConfigMapping(prefix = "summarizer")
public interface SummarizerConfig {

    /** Longest accepted article, in characters (Unicode code points). */
    @WithDefault("100000")
    int maxTextChars();

    /** Longest accepted headline, in characters. */
    @WithDefault("500")
    int maxTitleChars();

    /**
     * Longest text translated in one call; longer articles are split into passages of at most this many characters.
     * 8000 Danish characters become about 2,500 English tokens, well within a typical 4,096-token output limit.
     */
    @WithDefault("8000")
    int chunkChars();

    /** Longest English translation that headline and bullets are written from in one call (map-reduce beyond). */
    @WithDefault("100000")
    int digestMaxChars();

    /**
     * Hard deadline for everything one request asks of the LLM, retries included. Default: twice the LLM timeout
     * plus twice the longest backoff.
     */
    Optional<Duration> requestTimeout();
}

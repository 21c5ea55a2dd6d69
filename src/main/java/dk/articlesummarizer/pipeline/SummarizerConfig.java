package dk.articlesummarizer.pipeline;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what a caller may send; documented in docs/configuration.md. */
@ConfigMapping(prefix = "summarizer")
public interface SummarizerConfig {

    /** Also the base of the derived HTTP body limit (BodyLimitConfigSourceFactory). */
    String DEFAULT_MAX_TEXT_CHARS = "100000";
    String DEFAULT_MAX_TITLE_CHARS = "500";
    /** Also a factor of the derived HTTP body limit. */
    String DEFAULT_BATCH_MAX_ARTICLES = "20";

    /** Longest accepted article, in characters (Unicode code points). */
    @WithDefault(DEFAULT_MAX_TEXT_CHARS)
    int maxTextChars();

    /** Longest accepted headline, in characters. */
    @WithDefault(DEFAULT_MAX_TITLE_CHARS)
    int maxTitleChars();

    /**
     * Longest text translated in one call, at most: the context budget (LLM_CONTEXT_TOKENS, LLM_MAX_OUTPUT_TOKENS)
     * may make passages shorter. Longer articles are split into passages.
     */
    @WithDefault("8000")
    int chunkChars();

    /**
     * Longest wait for a request body to arrive whole, from the end of its headers; a slower body is answered 408
     * and its connection closed. Bodies are read on the I/O threads, so a slow one holds no worker meanwhile.
     */
    @WithDefault("20s")
    Duration bodyTimeout();

    /**
     * Hard deadline for everything one request asks of the LLM, retries included. Default: twice the LLM timeout
     * plus twice the longest backoff.
     */
    Optional<Duration> requestTimeout();

    Batch batch();

    interface Batch {
        /** Most articles in one POST /summarize/batch. */
        @WithDefault(DEFAULT_BATCH_MAX_ARTICLES)
        int maxArticles();

        /**
         * Deadline for a whole batch: no LLM call for one of its articles starts after it, and the articles not
         * answered by then are answered 504 in the batch.
         */
        @WithDefault("10m")
        Duration timeout();
    }
}

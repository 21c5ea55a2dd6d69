package dk.articlesummarizer.jobs;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Asynchronous jobs (Prefer: respond-async); documented in docs/configuration.md. */
@ConfigMapping(prefix = "summarizer.jobs")
public interface JobsConfig {

    /** How long a job (running or finished) can be read after its last change. */
    @WithDefault("1h")
    Duration ttl();

    /** Most jobs kept in memory (without Redis); the oldest are forgotten beyond it. */
    @WithDefault("10000")
    int maxJobs();

    /**
     * Most jobs accepted but not yet running; beyond it {@code Prefer: respond-async} answers 503 jobs-full. At most
     * {@code LLM_MAX_CONCURRENCY} jobs run at once, and waiting ones hold no thread.
     */
    @WithDefault("100")
    int maxWaiting();

    /**
     * Deadline of a job, from its acceptance: no LLM call starts for it afterwards, and a job still waiting or
     * running then fails with 504 llm-timeout.
     */
    @WithDefault("30m")
    Duration timeout();
}

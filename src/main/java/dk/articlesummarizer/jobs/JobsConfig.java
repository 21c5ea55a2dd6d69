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
}

package dk.articlesummarizer.bench;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "summarizer.bench")
public interface BenchConfig {

    /** Serve the benchmark's floor endpoint, POST /bench/floor (bench/run.sh only). */
    @WithDefault("false")
    boolean floor();
}

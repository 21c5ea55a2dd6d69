package dk.articlesummarizer.glossary;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The house's names and terms, and how many a request may add. */
@ConfigMapping(prefix = "summarizer.glossary")
public interface GlossaryConfig {

    /**
     * A CSV file of {@code danish,english} lines ({@code SUMMARIZER_GLOSSARY_FILE}); an empty English side keeps
     * the term as written. Read at start-up; a bad line stops the start, naming it.
     */
    Optional<Path> file();

    /** Entries one request's {@code glossary} may hold. */
    @WithDefault("200")
    int maxRequestEntries();
}

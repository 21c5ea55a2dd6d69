package dk.articlesummarizer.language;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "summarizer.language")
public interface LanguageConfig {

    /** ISO 639-1 codes of the languages accepted as input: Danish and the neighbours a Danish reader reads. */
    @WithDefault("da,nb,nn,sv")
    List<String> accepted();

    /** Languages the accepted ones are weighed against; text confidently in one of these is refused. */
    @WithDefault("en,de,fr,es,nl,it,pl,fi")
    List<String> refused();
}

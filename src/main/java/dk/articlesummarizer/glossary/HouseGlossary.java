package dk.articlesummarizer.glossary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The house glossary ({@code SUMMARIZER_GLOSSARY_FILE}, {@link GlossaryFile}) and the glossary a request adds to it.
 * Made at start ({@code @Startup}), so that a bad file stops the start with one line naming it, instead of failing
 * every request.
 */
@ApplicationScoped
@Startup
public class HouseGlossary {

    private static final Logger LOG = Logger.getLogger(HouseGlossary.class);
    private static final int MAX_TERM_CHARS = 200;

    private final Glossary house;
    private final int maxRequestEntries;

    public HouseGlossary(GlossaryConfig config) {
        if (config.maxRequestEntries() < 0) {
            throw new ConfigurationException("SUMMARIZER_GLOSSARY_MAX_REQUEST_ENTRIES must be 0 or more, not "
                    + config.maxRequestEntries());
        }
        this.maxRequestEntries = config.maxRequestEntries();
        this.house = config.file().map(GlossaryFile::read).orElse(Glossary.EMPTY);
        config.file().ifPresent(file -> LOG.infof("Glossary: %d entries from %s", house.terms().size(), file));
    }

    /** The entries that apply to an article: the house's and the request's (which win), found in the texts. */
    public Glossary forArticle(Map<String, String> requested, String... texts) {
        Glossary merged = requested == null || requested.isEmpty() ? house : house.with(fromRequest(requested));
        return merged.foundIn(texts);
    }

    private Glossary fromRequest(Map<String, String> requested) {
        if (requested.size() > maxRequestEntries) {
            throw invalid("The glossary has " + requested.size() + " entries; the limit is " + maxRequestEntries
                    + " (SUMMARIZER_GLOSSARY_MAX_REQUEST_ENTRIES).");
        }
        List<Term> terms = new ArrayList<>();
        for (Map.Entry<String, String> entry : requested.entrySet()) {
            String problem = problem(entry.getKey(), entry.getValue());
            if (problem != null) {
                throw invalid("Glossary entry '" + shown(entry.getKey()) + "': " + problem + ".");
            }
            terms.add(Term.of(entry.getKey().strip(), entry.getValue() == null ? "" : entry.getValue().strip()));
        }
        return new Glossary(terms);
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemType.INVALID_REQUEST, detail);
    }

    private static String shown(String term) {
        return term == null ? "" : term.length() > 40 ? term.substring(0, 40) + "…" : term;
    }

    /** What is wrong with an entry, or null. */
    static String problem(String danish, String english) {
        if (danish == null || danish.strip().length() < 2) {
            return "the Danish term must have at least 2 characters";
        }
        for (String side : new String[] { danish, english == null ? "" : english }) {
            if (side.length() > MAX_TERM_CHARS) {
                return "a term may have at most " + MAX_TERM_CHARS + " characters";
            }
            if (side.chars().anyMatch(Character::isISOControl)) {
                return "a term may not hold line breaks or control characters";
            }
            if (side.contains(Glossary.ARROW.strip())) {
                return "a term may not hold '" + Glossary.ARROW.strip() + "'";
            }
        }
        return null;
    }
}

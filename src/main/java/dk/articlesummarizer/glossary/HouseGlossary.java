package dk.articlesummarizer.glossary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;

/**
 * The house glossary ({@code SUMMARIZER_GLOSSARY_FILE}), read once at start-up, and the glossary a request adds to
 * it. The CSV is {@code danish,english} per line; a field may be quoted ({@code "Nato, Bruxelles",NATO Brussels});
 * blank lines, {@code #} comments and a {@code danish,english} header are skipped. (Two fields per line need no CSV
 * library.)
 */
@ApplicationScoped
public class HouseGlossary {

    private static final Logger LOG = Logger.getLogger(HouseGlossary.class);
    private static final int MAX_TERM_CHARS = 200;

    private final Glossary house;
    private final int maxRequestEntries;

    public HouseGlossary(GlossaryConfig config) {
        this.maxRequestEntries = config.maxRequestEntries();
        this.house = config.file().map(HouseGlossary::read).orElse(Glossary.EMPTY);
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

    static Glossary read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SUMMARIZER_GLOSSARY_FILE " + file, e);
        }
        List<Term> terms = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#") || number == 1 && line.equalsIgnoreCase("danish,english")) {
                continue;
            }
            String where = "SUMMARIZER_GLOSSARY_FILE " + file + ", line " + number + ": ";
            List<String> fields = fields(line);
            if (fields == null || fields.size() != 2) {
                throw new IllegalArgumentException(where + "expected danish,english (quote a term with a comma)");
            }
            String problem = problem(fields.get(0), fields.get(1));
            if (problem != null) {
                throw new IllegalArgumentException(where + problem);
            }
            Integer earlier = seen.put(Glossary.key(fields.get(0).strip()), number);
            if (earlier != null) {
                throw new IllegalArgumentException(where + "'" + fields.get(0).strip() + "' is already on line "
                        + earlier);
            }
            terms.add(Term.of(fields.get(0).strip(), fields.get(1).strip()));
        }
        return new Glossary(terms);
    }

    /** The comma-separated fields of a line, quotes honoured ({@code ""} in quotes is a quote); null if unclosed. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }
}

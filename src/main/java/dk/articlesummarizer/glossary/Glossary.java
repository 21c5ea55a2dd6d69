package dk.articlesummarizer.glossary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dk.articlesummarizer.common.Sha256;

/**
 * Names and terms to render one way. The prompt carries only the entries that occur in the article, in the block
 * {@link #block()} writes; the answer's checks get the same entries.
 */
public record Glossary(List<Term> terms) {

    public static final Glossary EMPTY = new Glossary(List.of());
    static final String ARROW = " => ";
    static final String KEEP = "(keep as written)";
    /** Said before the entries, outside the markers: what is between markers is data to the model. */
    static final String INSTRUCTION = "Render each Danish term listed below exactly as its English form, wherever the"
            + " term appears in any form; \"(keep as written)\" means leave it untranslated.\n";
    private static final String START = "<<<GLOSSARY\n";
    private static final String END = "GLOSSARY>>>\n";

    public Glossary {
        terms = List.copyOf(terms);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** The entries of which some form occurs in one of the texts. */
    public Glossary foundIn(String... texts) {
        return new Glossary(terms.stream().filter(term -> Arrays.stream(texts).anyMatch(term::occursIn)).toList());
    }

    /** These entries, with {@code overrides}' added or put in place of the same Danish term's. */
    public Glossary with(Glossary overrides) {
        Map<String, Term> merged = new LinkedHashMap<>();
        for (Glossary glossary : List.of(this, overrides)) {
            for (Term term : glossary.terms) {
                merged.remove(key(term.danish()));
                merged.put(key(term.danish()), term);
            }
        }
        return new Glossary(new ArrayList<>(merged.values()));
    }

    static String key(String danish) {
        return danish.toLowerCase(Locale.ROOT);
    }

    /** The prompt's glossary block, or nothing when empty. */
    public String block() {
        if (terms.isEmpty()) {
            return "";
        }
        StringBuilder block = new StringBuilder(INSTRUCTION).append(START);
        for (Term term : terms) {
            block.append(term.danish()).append(ARROW).append(term.keepsAsWritten() ? KEEP : term.english())
                    .append('\n');
        }
        return block.append(END).toString();
    }

    /** What identifies the entries for a cache key: empty when there are none, so keys without them stay put. */
    public Optional<String> fingerprint() {
        return terms.isEmpty() ? Optional.empty()
                : Optional.of(HexFormat.of().formatHex(Sha256.of(block())));
    }
}

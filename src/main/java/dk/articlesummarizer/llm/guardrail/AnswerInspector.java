package dk.articlesummarizer.llm.guardrail;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dk.articlesummarizer.language.LanguageGate;

/** The deterministic checks every answer must pass, in the order a reprompt would fix them. */
@ApplicationScoped
public class AnswerInspector {

    static final int MIN_BULLETS = 3;
    static final int MAX_BULLETS = 7;
    static final int MAX_BULLET_CHARS = 300;
    /** A translation shorter than this share of the source is a summary pretending to be a translation. */
    static final double MIN_LENGTH_RATIO = 0.5;
    /** Below this many source characters the length ratio says little. */
    static final int MIN_SOURCE_CHARS_FOR_RATIO = 200;

    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*•·]|\\d{1,2}[.)])\\s+");
    /** Periods that do not end a sentence: initials, common abbreviations and decimals. */
    private static final Pattern NON_TERMINAL_PERIOD = Pattern.compile(
            "\\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Col|Lt|No|vs|approx|etc|Inc|Ltd|Co|e\\.g|i\\.e|a\\.m|p\\.m)\\.|\\d\\.\\d");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?][\"'”’)]*\\s+[\"'“‘(]*\\p{Lu}");
    private static final Pattern CAPITALIZED = Pattern.compile("(?<=\\s)\\p{Lu}[\\p{L}'’-]{2,}");

    private final LanguageGate languages;

    public AnswerInspector(LanguageGate languages) {
        this.languages = languages;
    }

    /** Bullets without list markers; stripping them is a safe repair. */
    public static List<String> cleanBullets(List<String> bullets) {
        return bullets.stream().map(bullet -> LIST_MARKER.matcher(bullet).replaceFirst("").strip()).toList();
    }

    Optional<Violation> translation(String source, String translation) {
        if (!languages.isEnglish(translation).orElse(true)) {
            return Optional.of(new Violation(Violation.Cause.NOT_ENGLISH, "The \"translation\" was not in English."
                    + " Translate the whole article into English."));
        }
        if (source.length() >= MIN_SOURCE_CHARS_FOR_RATIO && translation.length() < MIN_LENGTH_RATIO * source.length()) {
            return Optional.of(new Violation(Violation.Cause.TRANSLATION_TOO_SHORT, "The \"translation\" was much"
                    + " shorter than the article: translate every paragraph completely; do not summarize."));
        }
        return Optional.empty();
    }

    static Optional<Violation> bullets(List<String> bullets) {
        if (bullets.size() < MIN_BULLETS || bullets.size() > MAX_BULLETS) {
            return Optional.of(new Violation(Violation.Cause.BULLET_COUNT, "The \"summary\" had " + bullets.size()
                    + " bullet points; give between " + MIN_BULLETS + " and " + MAX_BULLETS + "."));
        }
        for (String bullet : bullets) {
            if (bullet.isBlank() || bullet.length() > MAX_BULLET_CHARS || sentences(bullet) > 1) {
                return Optional.of(new Violation(Violation.Cause.BULLET_FORM, "Every \"summary\" bullet must be"
                        + " one non-empty sentence of at most " + MAX_BULLET_CHARS + " characters."));
            }
        }
        return Optional.empty();
    }

    static int sentences(String bullet) {
        String masked = NON_TERMINAL_PERIOD.matcher(bullet).replaceAll(match -> match.group().replace('.', '_'));
        int breaks = 0;
        Matcher matcher = SENTENCE_BREAK.matcher(masked);
        while (matcher.find()) {
            breaks++;
        }
        return breaks + 1;
    }

    /** A translation with one paragraph per source paragraph, separated by blank lines. */
    static Optional<Violation> paragraphs(int expected, String translation) {
        int actual = dk.articlesummarizer.chunk.Chunker.paragraphs(translation).size();
        if (actual == expected) {
            return Optional.empty();
        }
        return Optional.of(new Violation(Violation.Cause.PARAGRAPH_COUNT, "Your translation had " + actual
                + " paragraph(s); the passage has " + expected + ". Give exactly one English paragraph for each"
                + " source paragraph, separated by one blank line."));
    }

    /**
     * Numbers in the title or bullets that the source does not state. The source's spelled-out numbers are read
     * only when its digits leave a claimed number unsupported: scanning every word of a 3 kB article for them
     * took 25-50 µs, about half of the check.
     */
    static Optional<Violation> numbers(String source, List<String> claims) {
        List<String> claimed = claims.stream().flatMap(claim -> NumberFacts.numbersIn(claim).stream()).toList();
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Set<BigDecimal> stated = NumberFacts.readingsOfDigits(source);
        List<String> invented = unsupported(claimed, stated);
        if (!invented.isEmpty()) {
            stated.addAll(NumberFacts.readingsOfWords(source));
            invented = unsupported(invented, stated);
        }
        if (invented.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Violation(Violation.Cause.INVENTED_NUMBER, "The title or summary contained numbers"
                + " that the article does not state: " + String.join(", ", invented) + ". Use only numbers from"
                + " the article."));
    }

    private static List<String> unsupported(List<String> claimed, Set<BigDecimal> stated) {
        return claimed.stream().filter(number -> !NumberFacts.supported(number, stated)).toList();
    }

    /**
     * Capitalized words in the bullets that appear neither in the source nor in the translation: possibly an
     * invented person or place. Transliterations (Prigosjin, Prigozhin) appear in the translation, so pass.
     */
    public List<String> unknownNames(String knownText, List<String> bullets) {
        String known = fold(knownText);
        List<String> unknown = new ArrayList<>();
        for (String bullet : bullets) {
            Matcher name = CAPITALIZED.matcher(bullet);
            while (name.find()) {
                if (!known.contains(fold(name.group()))) {
                    unknown.add(name.group());
                }
            }
        }
        return unknown;
    }

    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT)
                .replace("ø", "o").replace("æ", "ae").replace("å", "aa"), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "");
    }
}

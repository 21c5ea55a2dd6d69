package dk.articlesummarizer.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import dk.articlesummarizer.language.LanguageGate;
import dk.articlesummarizer.llm.AnswerCheck;
import dk.articlesummarizer.text.Chunker;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What every answer check shares: a cut-off answer or one without a JSON object is asked for again, each failed
 * check is counted by cause and each repair by kind; and the checks and repairs of the parts every answer has.
 * Repairs change only the form (markers, sentence breaks, paragraph breaks, a missing headline); checks refuse what a
 * repair cannot make true (not English, incomplete, too few bullets, numbers or names the article does not support).
 */
abstract class AnswerReading {

    static final int MIN_BULLETS = 3;
    static final int MAX_BULLETS = 7;
    static final int MAX_BULLET_CHARS = 300;
    /** A translation shorter than this share of the source is a summary pretending to be a translation. */
    static final double MIN_LENGTH_RATIO = 0.5;
    /** Below this many source characters the length ratio says little. */
    static final int MIN_SOURCE_CHARS_FOR_RATIO = 200;
    /** A headline made from the first bullet is cut at a word boundary before this many characters. */
    static final int MAX_DERIVED_TITLE_CHARS = 120;

    private static final Pattern LIST_MARKER = Pattern.compile(
            "^\\s*(?:[-*•·–—]|\\d{1,2}[.):]|\\(\\d{1,2}\\))\\s+");
    private static final Pattern MARKUP = Pattern.compile("\\*\\*|__");
    /** Periods that do not end a sentence: initials, common abbreviations and decimals. */
    private static final Pattern NON_TERMINAL_PERIOD = Pattern.compile("\\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen"
            + "|Col|Lt|No|vs|approx|etc|Inc|Ltd|Co|e\\.g|i\\.e|a\\.m|p\\.m)\\.|\\d\\.\\d");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][\"'”’)]*(?=\\s+[\"'“‘(]*\\p{Lu})");
    private static final Logger LOG = Logger.getLogger(AnswerReading.class);
    private static final Violation TRUNCATED = new Violation(Violation.Cause.TRUNCATED, "Your answer was cut off"
            + " before the end. Answer again with the complete JSON object, and keep any bullet points short.");

    private final LanguageGate languages;
    private final MeterRegistry metrics;

    protected AnswerReading(LanguageGate languages, MeterRegistry metrics) {
        this.languages = languages;
        this.metrics = metrics;
    }

    /** Reads the answer's JSON and checks it: the accepted value, or the correction for the model. */
    protected <T> AnswerCheck.Checked<T> read(String answer, boolean truncated,
            Function<AnswerJson, Verdict<T>> check) {
        Verdict<T> verdict = truncated ? Verdict.rejected(TRUNCATED)
                : AnswerJson.parse(answer).map(json -> checked(json, check))
                        .orElseGet(() -> Verdict.rejected(AnswerJson.NOT_JSON));
        if (verdict.violation().isPresent()) {
            Violation violation = verdict.violation().get();
            metrics.counter("summarizer.guardrail.violations", "cause", violation.cause().tag()).increment();
            LOG.infof("LLM answer rejected by the checks: %s; asking again if attempts remain",
                    violation.cause().tag());
            return AnswerCheck.Checked.rejected(violation.instruction());
        }
        return AnswerCheck.Checked.accepted(verdict.value());
    }

    private <T> Verdict<T> checked(AnswerJson json, Function<AnswerJson, Verdict<T>> check) {
        Verdict<T> verdict = check.apply(json);
        if (verdict.violation().isEmpty()) {
            json.repairs().forEach(repair -> metrics.counter("summarizer.guardrail.repairs", "kind", repair.tag())
                    .increment());
            if (!json.repairs().isEmpty()) {
                LOG.debugf("LLM answer accepted with repairs: %s", json.repairs());
            }
        }
        return verdict;
    }

    Optional<Violation> completeEnglish(String source, String translation) {
        return language(translation).or(() -> length(source, translation));
    }

    /** Refused only when the language check is sure: a text too short to tell (names set aside) passes. */
    Optional<Violation> language(String translation) {
        if (!languages.isEnglish(translation).orElse(true)) {
            return Optional.of(new Violation(Violation.Cause.NOT_ENGLISH, "The \"translation\" was not in English."
                    + " Translate the whole article into English."));
        }
        return Optional.empty();
    }

    Optional<Violation> length(String source, String translation) {
        if (source.length() >= MIN_SOURCE_CHARS_FOR_RATIO
                && translation.length() < MIN_LENGTH_RATIO * source.length()) {
            return Optional.of(new Violation(Violation.Cause.TRANSLATION_TOO_SHORT, "The \"translation\" was much"
                    + " shorter than the article: translate every paragraph completely; do not summarize."));
        }
        return Optional.empty();
    }

    /**
     * Bullets as the contract promises them, as far as form goes: markers and markup stripped, empty ones
     * dropped, each sentence a bullet of its own, at most {@link #MAX_BULLETS} (the first ones).
     */
    static List<String> tidyBullets(List<String> raw, Set<Repair> repairs) {
        List<String> bullets = new ArrayList<>();
        for (String item : raw) {
            String plain = MARKUP.matcher(LIST_MARKER.matcher(item).replaceFirst("")).replaceAll("").strip();
            if (!plain.equals(item.strip()) && !plain.isEmpty()) {
                repairs.add(Repair.LIST_MARKERS);
            }
            List<String> sentences = splitSentences(plain);
            if (sentences.size() > 1) {
                repairs.add(Repair.BULLET_SPLIT);
            }
            bullets.addAll(sentences);
        }
        if (bullets.size() > MAX_BULLETS) {
            repairs.add(Repair.BULLETS_TRIMMED);
            return List.copyOf(bullets.subList(0, MAX_BULLETS));
        }
        return bullets;
    }

    /**
     * The bullets' form, then the numbers of headline and bullets against {@code numbersKnown} and the bullets'
     * names against {@code namesKnown}.
     */
    static Optional<Violation> summary(String title, List<String> bullets, String numbersKnown, String namesKnown) {
        List<String> claims = new ArrayList<>(bullets);
        claims.add(title);
        return bullets(bullets).or(() -> numbers(numbersKnown, claims)).or(() -> names(namesKnown, bullets));
    }

    /** Fewer bullets than promised, or one too long to be a bullet: only the model can fix those. */
    static Optional<Violation> bullets(List<String> bullets) {
        if (bullets.size() < MIN_BULLETS) {
            return Optional.of(new Violation(Violation.Cause.BULLET_COUNT, "The \"summary\" had " + bullets.size()
                    + " bullet points; give between " + MIN_BULLETS + " and " + MAX_BULLETS + "."));
        }
        for (String bullet : bullets) {
            if (bullet.length() > MAX_BULLET_CHARS) {
                return Optional.of(new Violation(Violation.Cause.BULLET_FORM, "Every \"summary\" bullet must be"
                        + " one sentence of at most " + MAX_BULLET_CHARS + " characters."));
            }
        }
        return Optional.empty();
    }

    /** The given headline, or one made from the first bullet when the model gave none. */
    static String titleOrDerived(String title, List<String> bullets, Set<Repair> repairs) {
        if (!title.isBlank() || bullets.isEmpty()) {
            return title;
        }
        repairs.add(Repair.TITLE_DERIVED);
        String first = bullets.get(0).replaceAll("[.!]+$", "");
        if (first.length() <= MAX_DERIVED_TITLE_CHARS) {
            return first;
        }
        int cut = first.lastIndexOf(' ', MAX_DERIVED_TITLE_CHARS - 1);
        return first.substring(0, cut > 0 ? cut : MAX_DERIVED_TITLE_CHARS - 1) + "…";
    }

    static List<String> splitSentences(String text) {
        String masked = NON_TERMINAL_PERIOD.matcher(text).replaceAll(match -> match.group().replace('.', '_'));
        List<String> sentences = new ArrayList<>();
        Matcher end = SENTENCE_END.matcher(masked);
        int from = 0;
        while (end.find()) {
            sentences.add(text.substring(from, end.end()).strip());
            from = end.end();
        }
        sentences.add(text.substring(from).strip());
        sentences.removeIf(String::isEmpty);
        return sentences;
    }

    /**
     * Paragraphs separated by single line breaks where the source has blank lines between them: the model kept
     * the paragraphs and lost only the blank lines.
     */
    static String paragraphBreaks(int expected, String translation, Set<Repair> repairs) {
        int blankLineParagraphs = Chunker.paragraphs(translation).size();
        if (blankLineParagraphs >= expected) {
            return translation;
        }
        List<String> lines = translation.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        if (Math.abs(lines.size() - expected) >= expected - blankLineParagraphs) {
            return translation;
        }
        repairs.add(Repair.PARAGRAPH_BREAKS);
        return String.join("\n\n", lines);
    }

    /**
     * Numbers in the title or bullets that the source does not state. The source's spelled-out numbers are read
     * only when its digits leave a claimed number unsupported, which is rare.
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

    /** Names in the bullets that neither the source nor the translation supports (see {@link NameFacts}). */
    static Optional<Violation> names(String known, List<String> bullets) {
        List<String> unknown = NameFacts.unsupported(known, bullets);
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Violation(Violation.Cause.INVENTED_NAME, "The summary named people or places that"
                + " the article does not mention: " + String.join(", ", unknown) + ". Use only names from the"
                + " article."));
    }

    /** The answer's bullets, tidied, without placeholders. */
    static List<String> bulletsOf(AnswerJson json) {
        return tidyBullets(json.strings(AnswerJson.Field.SUMMARY), json.repairs()).stream()
                .map(bullet -> MarkupCheck.withoutPlaceholders(bullet, json.repairs())).toList();
    }

    /** The answer's headline without placeholders; "" when it gave none. */
    static String titleOf(AnswerJson json) {
        return MarkupCheck.withoutPlaceholders(json.text(AnswerJson.Field.TITLE, false), json.repairs());
    }

    /** The outcome of the checks: the value to accept, unless there is a violation. */
    protected record Verdict<T>(Optional<Violation> violation, T value) {

        static <T> Verdict<T> rejected(Violation violation) {
            return new Verdict<>(Optional.of(violation), null);
        }
    }
}

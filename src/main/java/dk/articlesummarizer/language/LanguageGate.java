package dk.articlesummarizer.language;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.pemistahl.lingua.api.Language;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;

/**
 * Refuses, before any LLM call, an article that is not in an accepted language (SUMMARIZER_LANGUAGE_ACCEPTED), and
 * tells which accepted language it is. The article is weighed against Danish, Norwegian (Bokmål and Nynorsk) and
 * Swedish, always, and the refused languages. It passes when its most likely language is accepted. When the most
 * likely is not Scandinavian, it also passes if an accepted language comes close behind: Danish prose quoting
 * English or naming German places can read a little more like those. Between the Scandinavian languages, which
 * always score close to one another, the most likely one decides.
 */
@ApplicationScoped
public class LanguageGate {

    /** About fifty words: on our sample articles the verdict is the same as on 1,000 characters. */
    static final int SAMPLE_CHARS = 300;
    /** Below this many letters the detector is guessing, so nothing is refused. */
    static final int MIN_LETTERS = 40;
    /** Capitalised words: names and places read the same in any language, so they are set aside. */
    private static final Pattern NAMES = Pattern.compile("\\b\\p{Lu}[\\p{L}'’-]*");
    /**
     * An accepted language this close to a most likely non-Scandinavian one passes. Measured: English prose scores
     * Danish at about 0.72 of English; Danish prose the detector hesitates over scores above 0.9.
     */
    static final double RELATIVE_CONFIDENCE_TO_ACCEPT = 0.8;

    private final LanguageDetection detection;

    public LanguageGate(LanguageDetection detection) {
        this.detection = detection;
    }

    /** The ISO 639-1 code of the article's accepted language; a 422 problem for any other language. */
    public String admit(String text) {
        String sample = sample(text);
        if (letters(sample) < MIN_LETTERS) {
            return LanguageDetection.isoCode(detection.accepted().get(0));
        }
        Map<Language, Double> confidence = detection.weigh(sample);
        Language mostLikely = confidence.keySet().stream().findFirst().orElse(detection.accepted().get(0));
        Optional<Language> passes = detection.accepted().contains(mostLikely) ? Optional.of(mostLikely)
                : LanguageDetection.SCANDINAVIAN.contains(mostLikely) ? Optional.empty()
                : detection.accepted().stream()
                        .filter(language -> confidence.getOrDefault(language, 0.0) >= RELATIVE_CONFIDENCE_TO_ACCEPT)
                        .max(Comparator.comparing(confidence::get));
        return passes.map(LanguageDetection::isoCode).orElseThrow(() -> new ProblemException(
                ProblemType.UNSUPPORTED_LANGUAGE, "The article looks like " + name(mostLikely) + " ("
                        + LanguageDetection.isoCode(mostLikely) + "). This service translates Danish articles;"
                        + " accepted languages: " + String.join(", ", detection.accepted().stream()
                                .map(LanguageDetection::isoCode).toList()) + "."));
    }

    /** Whether an answer is in English rather than left in an accepted language; empty when too short to tell. */
    public Optional<Boolean> isEnglish(String text) {
        String sample = sample(NAMES.matcher(text).replaceAll(""));
        return letters(sample) < MIN_LETTERS ? Optional.empty() : Optional.of(detection.isEnglish(sample));
    }

    private static String sample(String text) {
        return text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    }

    private static int letters(String text) {
        int count = 0;
        for (int i = 0; i < text.length() && count < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static String name(Language language) {
        String name = language.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

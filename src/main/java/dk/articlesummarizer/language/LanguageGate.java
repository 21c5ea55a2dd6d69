package dk.articlesummarizer.language;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Refuses, before any LLM call, an article that is not in an accepted language (SUMMARIZER_LANGUAGE_ACCEPTED), and
 * tells which accepted language it is. The article is weighed against Danish, Norwegian (Bokmål and Nynorsk) and
 * Swedish, always, and the refused languages. It passes when its most likely language is accepted. When the most
 * likely is not Scandinavian, it also passes if an accepted language comes close behind: Danish prose quoting
 * English or naming German places can read a little more like those. Between the Scandinavian languages, which
 * always score close to one another, the most likely one decides.
 * <p>
 * The Lingua detectors run in low-accuracy mode (trigram models only: a few MB instead of ~100 MB; articles are long
 * enough). Their models load on a worker at start ({@code @Startup}), so the HTTP server does not wait for them; the
 * first check that needs them does.
 */
@ApplicationScoped
@Startup
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
    /** Always weighed, accepted or not: they are the languages a Danish article is mistaken for. */
    private static final Set<Language> SCANDINAVIAN = EnumSet.of(Language.DANISH, Language.BOKMAL,
            Language.NYNORSK, Language.SWEDISH);

    /** In the configured order. */
    private final List<Language> accepted;
    private final CompletableFuture<LanguageDetector> articles;
    private final CompletableFuture<LanguageDetector> answers;

    public LanguageGate(LanguageConfig config) {
        this.accepted = config.accepted().stream().map(LanguageGate::byIsoCode).distinct().toList();
        Set<Language> weighed = EnumSet.copyOf(SCANDINAVIAN);
        weighed.addAll(accepted);
        config.refused().stream().map(LanguageGate::byIsoCode).forEach(weighed::add);
        Set<Language> answerLanguages = EnumSet.copyOf(accepted);
        answerLanguages.add(Language.ENGLISH);
        this.articles = load(weighed);
        this.answers = load(answerLanguages);
    }

    /** The ISO 639-1 code of the article's accepted language; a 422 problem for any other language. */
    public String admit(String text) {
        String sample = sample(text);
        if (letters(sample) < MIN_LETTERS) {
            return isoCode(accepted.get(0));
        }
        // Each weighed language's likelihood relative to the most likely one (1.0), most likely first.
        Map<Language, Double> confidence = articles.join().computeLanguageConfidenceValues(sample);
        Language mostLikely = confidence.keySet().stream().findFirst().orElse(accepted.get(0));
        Optional<Language> passes = accepted.contains(mostLikely) ? Optional.of(mostLikely)
                : SCANDINAVIAN.contains(mostLikely) ? Optional.empty()
                : accepted.stream()
                        .filter(language -> confidence.getOrDefault(language, 0.0) >= RELATIVE_CONFIDENCE_TO_ACCEPT)
                        .max(Comparator.comparing(confidence::get));
        return passes.map(LanguageGate::isoCode).orElseThrow(() -> new ProblemException(
                ProblemType.UNSUPPORTED_LANGUAGE, "The article looks like " + name(mostLikely) + " ("
                        + isoCode(mostLikely) + "). This service translates Danish articles; accepted languages: "
                        + String.join(", ", accepted.stream().map(LanguageGate::isoCode).toList()) + "."));
    }

    /**
     * Whether an answer is in English (likelier than any accepted language) rather than left in an accepted one;
     * empty when too short to tell.
     */
    public Optional<Boolean> isEnglish(String text) {
        String sample = sample(NAMES.matcher(text).replaceAll(""));
        return letters(sample) < MIN_LETTERS ? Optional.empty()
                : Optional.of(answers.join().detectLanguageOf(sample) == Language.ENGLISH);
    }

    private static String sample(String text) {
        return text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    }

    /** Counted up to {@link #MIN_LETTERS}, which is all the callers need to know. */
    private static long letters(String text) {
        return text.chars().filter(Character::isLetter).limit(MIN_LETTERS).count();
    }

    private static CompletableFuture<LanguageDetector> load(Set<Language> languages) {
        return CompletableFuture.supplyAsync(() -> LanguageDetectorBuilder.fromLanguages(
                languages.toArray(Language[]::new)).withLowAccuracyMode().withPreloadedLanguageModels().build(),
                Infrastructure.getDefaultWorkerPool());
    }

    private static Language byIsoCode(String code) {
        try {
            return Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown ISO 639-1 language code in summarizer.language: " + code, e);
        }
    }

    private static String isoCode(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }

    private static String name(Language language) {
        String name = language.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

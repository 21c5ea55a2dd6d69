package dk.articlesummarizer.language;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The Lingua detectors, in low-accuracy mode (trigram models only: a few MB instead of ~100 MB; articles are long
 * enough). Their models load on a worker at start, so the HTTP server does not wait for them; the first check
 * that needs them does.
 */
@ApplicationScoped
@Startup
public class LanguageDetection {

    /** Always weighed, accepted or not: they are the languages a Danish article is mistaken for. */
    static final Set<Language> SCANDINAVIAN = EnumSet.of(Language.DANISH, Language.BOKMAL, Language.NYNORSK,
            Language.SWEDISH);

    private final List<Language> accepted;
    private final CompletableFuture<LanguageDetector> articles;
    private final CompletableFuture<LanguageDetector> answers;

    public LanguageDetection(LanguageConfig config) {
        this.accepted = config.accepted().stream().map(LanguageDetection::byIsoCode).distinct().toList();
        Set<Language> weighed = EnumSet.copyOf(SCANDINAVIAN);
        weighed.addAll(accepted);
        config.refused().stream().map(LanguageDetection::byIsoCode).forEach(weighed::add);
        Set<Language> answerLanguages = EnumSet.copyOf(accepted);
        answerLanguages.add(Language.ENGLISH);
        this.articles = load(weighed);
        this.answers = load(answerLanguages);
    }

    /** The accepted languages, in the configured order. */
    List<Language> accepted() {
        return accepted;
    }

    /** Each weighed language's likelihood relative to the most likely one (1.0), most likely first. */
    Map<Language, Double> weigh(String text) {
        return articles.join().computeLanguageConfidenceValues(text);
    }

    /** Whether English is likelier than any accepted language. */
    public boolean isEnglish(String text) {
        return answers.join().detectLanguageOf(text) == Language.ENGLISH;
    }

    private static CompletableFuture<LanguageDetector> load(Set<Language> languages) {
        return CompletableFuture.supplyAsync(() -> LanguageDetectorBuilder.fromLanguages(
                languages.toArray(Language[]::new)).withLowAccuracyMode().withPreloadedLanguageModels().build(),
                Infrastructure.getDefaultWorkerPool());
    }

    static Language byIsoCode(String code) {
        try {
            return Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown ISO 639-1 language code in summarizer.language: " + code, e);
        }
    }

    static String isoCode(Language language) {
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}

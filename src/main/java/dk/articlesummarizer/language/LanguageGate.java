package dk.articlesummarizer.language;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import io.quarkus.runtime.Startup;

/**
 * Refuses, before any LLM call, text that is confidently not in an accepted language. Norwegian and Swedish
 * are accepted by default: a Danish reader reads them, and the detector confuses them with Danish anyway.
 */
@ApplicationScoped
@Startup
public class LanguageGate {

    /**
     * About fifty words: enough to be sure (on our sample articles the verdict is the same as on 1000 characters),
     * and detection costs time in proportion to the sample: ~0.2 ms here against ~0.6 ms for 1000 characters, on
     * every miss, twice (the article and the answer).
     */
    static final int SAMPLE_CHARS = 300;
    /**
     * How long the weighing of an admitted text waits before it starts on its own: by then the LLM request is on
     * its way, so the weighing (~0.2-0.5 ms of CPU) does not compete with sending it on a two-core machine. At 500
     * ms per provider call this took ~0.4 ms off a miss's median (docs/benchmarks.md). A caller that needs the
     * answer sooner weighs on its own thread.
     */
    static final Duration WEIGHING_DELAY = Duration.ofMillis(20);
    /** Below this many letters the detector is guessing, so nothing is refused. */
    static final int MIN_LETTERS = 40;
    /**
     * When another language is the most likely one, the text is still accepted if an accepted language comes
     * this close to it. Measured: English prose scores Danish at about 0.72 of English; Danish prose that the
     * detector hesitates over scores above 0.9.
     */
    static final double RELATIVE_CONFIDENCE_TO_ACCEPT = 0.8;

    /**
     * Frequent English words that are not words in Danish, Norwegian or Swedish (so not "and", a duck, nor
     * "have", a garden).
     */
    private static final Set<String> ENGLISH_ONLY_WORDS = Set.of("the", "of", "was", "were", "with", "that", "which",
            "this", "has", "said", "would", "will", "their", "they", "been", "are", "it", "his");
    /** Found in the first 300 characters of every English sample answer; Danish text has none. */
    static final int PLAINLY_ENGLISH_WORDS = 5;

    /**
     * Frequent words of Danish, Norwegian and Swedish that are not words in any of {@link #SHORTCUT_SAFE_REFUSED}
     * (so not "af", Dutch, nor "der", German).
     */
    private static final Set<String> SCANDINAVIAN_ONLY_WORDS = Set.of("og", "och", "ikke", "ikkje", "inte", "det",
            "på", "med", "har", "som", "til", "jeg", "eg", "jag", "også", "òg", "också", "efter", "etter", "blev",
            "vart", "havde", "hadde", "hade", "hvor", "kvar", "hvilket", "eller", "ved", "meget", "mycket", "nogle",
            "noen", "några", "mellem", "mellom", "mellan", "bliver", "blir", "siger", "sier", "säger", "sagde", "når",
            "när", "får", "skal", "ska", "sig", "seg", "deres", "siden");
    /** Frequent German words that are not words in Danish, Norwegian or Swedish (so not "dem", them). */
    private static final Set<String> GERMAN_ONLY_WORDS = Set.of("und", "ist", "nicht", "das", "ein", "eine", "sich",
            "auf", "zu", "von", "wird", "wurde", "nach", "bei", "aus", "über", "dass", "sie", "wir", "auch");
    /**
     * Scandinavian words, or lower-case words written with æ, ø or å (names are capitalized, and so do not count),
     * found in the first 300 characters of every Danish and Norwegian sample article.
     */
    static final int PLAINLY_SCANDINAVIAN_WORDS = 3;
    /**
     * Refused languages that never write æ, ø or å nor the words above: while every refused language is one of
     * these, a plainly Scandinavian text cannot be one of them, and only the Scandinavian languages need weighing.
     */
    private static final Set<Language> SHORTCUT_SAFE_REFUSED = EnumSet.of(Language.ENGLISH, Language.GERMAN,
            Language.FRENCH, Language.SPANISH, Language.DUTCH, Language.ITALIAN, Language.POLISH, Language.FINNISH);
    private static final Set<Language> SCANDINAVIAN = EnumSet.of(Language.DANISH, Language.BOKMAL, Language.NYNORSK,
            Language.SWEDISH);

    private final Set<Language> accepted;
    private final Language fallback;
    /** Loaded in the background at start (it takes a while), so the HTTP server does not wait for it. */
    private final CompletableFuture<LanguageDetector> detector;
    /**
     * The configured Scandinavian languages only, for text that is plainly Scandinavian: a third of the work of the
     * full detector, which is the largest cost of a miss after the LLM call (bench/run.sh, JFR). Empty when the
     * configuration makes the shortcut unsafe.
     */
    private final Optional<LanguageDetector> scandinavianDetector;
    /** English against the accepted languages only: checking an answer needs no more, and is faster for it. */
    private final LanguageDetector answerDetector;

    public LanguageGate(LanguageConfig config) {
        List<Language> acceptedInOrder = config.accepted().stream().map(LanguageGate::byIsoCode).toList();
        this.accepted = EnumSet.copyOf(acceptedInOrder);
        this.fallback = acceptedInOrder.get(0);
        Set<Language> all = EnumSet.copyOf(accepted);
        config.refused().stream().map(LanguageGate::byIsoCode).forEach(all::add);
        // Low accuracy mode loads only the trigram models: a few MB instead of ~100 MB, and articles are long.
        Language[] languages = all.toArray(Language[]::new);
        this.detector = CompletableFuture.supplyAsync(() -> LanguageDetectorBuilder.fromLanguages(languages)
                .withLowAccuracyMode()
                .withPreloadedLanguageModels()
                .build(), task -> {
                    Thread loader = new Thread(task, "language-models");
                    loader.setDaemon(true);
                    loader.start();
                });
        Set<Language> scandinavian = EnumSet.copyOf(all);
        scandinavian.retainAll(SCANDINAVIAN);
        boolean shortcutSafe = SHORTCUT_SAFE_REFUSED.containsAll(refusedOnly(all))
                && scandinavian.stream().anyMatch(accepted::contains);
        this.scandinavianDetector = shortcutSafe
                ? Optional.of(LanguageDetectorBuilder.fromLanguages(scandinavian.toArray(Language[]::new))
                        .withLowAccuracyMode().build())
                : Optional.empty();
        Set<Language> answerLanguages = EnumSet.copyOf(accepted);
        answerLanguages.add(Language.ENGLISH);
        this.answerDetector = LanguageDetectorBuilder.fromLanguages(answerLanguages.toArray(Language[]::new))
                .withLowAccuracyMode()
                .build();
    }

    /**
     * Refuses a text in a language that is not accepted, at once. The ISO 639-1 code of an accepted text may still be
     * being weighed when this returns: the Scandinavian shortcut exists only while no Scandinavian language is
     * refused, so a text it takes cannot be refused, and only which of them it is remains to be found. That runs on
     * the common fork-join pool (where Lingua fans its work out anyway) while the caller goes on to the LLM call,
     * which does not need it: {@link #WEIGHING_DELAY} after this returns, or on the thread that joins the result
     * first if that comes sooner.
     */
    public CompletableFuture<String> admit(String text) {
        return admit(text, true);
    }

    /** The same decision without the Scandinavian shortcut, to check the shortcut against. */
    String requireAcceptedByFullDetector(String text) {
        return admit(text, false).join();
    }

    /** Whether the text is weighed against the Scandinavian languages only. */
    boolean takesScandinavianShortcut(String text) {
        return scandinavianDetector.isPresent() && plainlyScandinavian(sample(text));
    }

    private CompletableFuture<String> admit(String text, boolean shortcutAllowed) {
        String sample = sample(text);
        if (letters(sample) < MIN_LETTERS) {
            return CompletableFuture.completedFuture(isoCode(fallback));
        }
        // Joined first even for the shortcut: Lingua keeps models in shared static maps, which the background
        // loader fills, so the shortcut never loads a model of its own while the loader is still at work.
        LanguageDetector full = detector.join();
        Optional<LanguageDetector> shortcut = scandinavianDetector
                .filter(scandinavian -> shortcutAllowed && plainlyScandinavian(sample));
        if (shortcut.isPresent()) {
            return DeferredWork.start(() -> decide(shortcut.get().computeLanguageConfidenceValues(sample)),
                    WEIGHING_DELAY, ForkJoinPool.commonPool());
        }
        return CompletableFuture.completedFuture(decide(full.computeLanguageConfidenceValues(sample)));
    }

    private String decide(Map<Language, Double> confidence) {
        // Lingua's values are relative: the most likely language gets 1.0 and the others a fraction of that.
        Language mostLikely = confidence.keySet().stream().findFirst().orElse(fallback);
        if (accepted.contains(mostLikely)) {
            return isoCode(mostLikely);
        }
        double bestAccepted = confidence.entrySet().stream()
                .filter(entry -> accepted.contains(entry.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .max().orElse(0);
        if (bestAccepted < RELATIVE_CONFIDENCE_TO_ACCEPT) {
            throw new ProblemException(ProblemType.UNSUPPORTED_LANGUAGE, "The article looks like "
                    + name(mostLikely) + " (" + isoCode(mostLikely) + "). This service translates Danish articles;"
                    + " accepted languages: " + String.join(", ", accepted.stream().map(LanguageGate::isoCode).toList())
                    + ".");
        }
        return isoCode(fallback);
    }

    /**
     * Whether an answer is in English rather than left in (or drifted back into) an accepted language. Empty when
     * the text is too short to tell.
     */
    public Optional<Boolean> isEnglish(String text) {
        String sample = sample(text);
        if (letters(sample) < MIN_LETTERS) {
            return Optional.empty();
        }
        if (plainlyEnglish(sample)) {
            return Optional.of(true);
        }
        return Optional.of(answerDetector.detectLanguageOf(sample) == Language.ENGLISH);
    }

    /**
     * Most answers are plainly English: several of the commonest English words, none of which Danish, Norwegian or
     * Swedish uses, and no æ, ø or å. Those skip the detector, which costs ~0.3 MB of garbage and a hand-off to the
     * fork-join pool on every miss (bench/run.sh); anything less clear is still the detector's call.
     */
    static boolean plainlyEnglish(String sample) {
        int englishWords = 0;
        for (String word : words(sample)) {
            String lowerCase = word.toLowerCase(Locale.ROOT);
            if (hasScandinavianLetter(lowerCase)) {
                return false;
            }
            englishWords += ENGLISH_ONLY_WORDS.contains(lowerCase) ? 1 : 0;
        }
        return englishWords >= PLAINLY_ENGLISH_WORDS;
    }

    /**
     * Several words that only Danish, Norwegian and Swedish write, and none that only English or German write (an
     * English text about Denmark may well name "smørrebrød" and "rødgrød med fløde"): no refused language reads like
     * that, so only the Scandinavian languages are left to tell apart. A text that is not plainly Scandinavian just
     * goes to the full detector.
     */
    static boolean plainlyScandinavian(String sample) {
        int scandinavianWords = 0;
        for (String word : words(sample)) {
            String lowerCase = word.toLowerCase(Locale.ROOT);
            if (ENGLISH_ONLY_WORDS.contains(lowerCase) || GERMAN_ONLY_WORDS.contains(lowerCase)) {
                return false;
            }
            boolean lowerCaseWithScandinavianLetter = Character.isLowerCase(word.charAt(0)) && hasScandinavianLetter(word);
            scandinavianWords += SCANDINAVIAN_ONLY_WORDS.contains(lowerCase) || lowerCaseWithScandinavianLetter ? 1 : 0;
        }
        return scandinavianWords >= PLAINLY_SCANDINAVIAN_WORDS;
    }

    /** The runs of letters in the text, as written. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && Character.isLetter(text.charAt(i))) {
                start = start < 0 ? i : start;
            } else if (start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** Whether the word holds a lower-case æ, ø or å. */
    private static boolean hasScandinavianLetter(String word) {
        return word.indexOf('æ') >= 0 || word.indexOf('ø') >= 0 || word.indexOf('å') >= 0;
    }

    private static String sample(String text) {
        return text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
    }

    private Set<Language> refusedOnly(Set<Language> all) {
        Set<Language> refused = EnumSet.copyOf(all);
        refused.removeAll(accepted);
        return refused;
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

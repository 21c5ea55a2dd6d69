package dk.articlesummarizer.checks;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For the quality report: how much of a source's numbers and names a translation carries, read with the same
 * conventions as the answer checks (any reading of a number; folded letters and transliteration skeletons for names).
 */
public final class SourceCoverage {

    private static final Pattern NAME = Pattern.compile("(?<=[^.!?\"\\s]\\s)\\p{Lu}[\\p{L}'’-]{2,}");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]+");

    private SourceCoverage() {
    }

    /** Share of the source's numbers (written in digits) that the translation states in some reading; 1 if none. */
    public static double numbers(String source, String translation) {
        Set<String> written = NumberFacts.numbersIn(source);
        if (written.isEmpty()) {
            return 1;
        }
        Set<BigDecimal> stated = NumberFacts.readingsOfDigits(translation);
        // The 12-hour clock the other way round: "3 pm" states the source's "klokken 15".
        Set.copyOf(stated).stream().filter(v -> v.signum() > 0 && v.compareTo(BigDecimal.valueOf(12)) <= 0)
                .forEach(v -> stated.add(v.add(BigDecimal.valueOf(12))));
        long found = written.stream().filter(number -> NumberFacts.supported(number, stated)).count();
        return (double) found / written.size();
    }

    /** Limfjorden is the Limfjord, Nationalbanken the Nationalbank, Vejles Vejle's. */
    private static String withoutDanishEnding(String folded) {
        return folded.length() > 5 ? folded.replaceFirst("(ens|en|et|s)$", "") : folded;
    }

    /**
     * Share of the source's names (capitalized inside a sentence) that the translation has; 1 if none. Names that
     * English translates (Den Europæiske Centralbank, Radikale Venstre) count as missing, so read it as a trend.
     */
    public static double names(String source, String translation) {
        Set<String> names = new HashSet<>();
        Matcher name = NAME.matcher(source);
        while (name.find()) {
            names.add(name.group());
        }
        if (names.isEmpty()) {
            return 1;
        }
        String folded = NameFacts.fold(translation);
        Set<String> skeletons = new HashSet<>();
        Matcher word = WORD.matcher(folded);
        while (word.find()) {
            skeletons.add(NameFacts.skeleton(word.group()));
        }
        List<String> found = names.stream().map(NameFacts::fold).map(SourceCoverage::withoutDanishEnding)
                .filter(candidate -> folded.contains(candidate) || skeletons.contains(NameFacts.skeleton(candidate)))
                .toList();
        return (double) found.size() / names.size();
    }
}

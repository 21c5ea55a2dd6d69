package dk.articlesummarizer.llm.guardrail;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers a text states, in every reading a number format allows: Danish writes {@code 1.000} and {@code 3,5}
 * where English writes {@code 1,000} and {@code 3.5}. A number in an English bullet is supported by the source
 * when any of its readings is one of the source's readings.
 */
final class NumberFacts {

    private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\d.,]*\\d)?");
    private static final Pattern SCALE = Pattern.compile("\\s*(mio|millioner|millions|million|mia|milliarder|milliard|billions|billion|tusind|thousand)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Small numbers a Danish text spells out and an English summary may write as digits. */
    private static final Map<String, Integer> DANISH_NUMBER_WORDS = Map.ofEntries(
            Map.entry("nul", 0), Map.entry("en", 1), Map.entry("et", 1), Map.entry("én", 1), Map.entry("ét", 1),
            Map.entry("to", 2), Map.entry("tre", 3), Map.entry("fire", 4), Map.entry("fem", 5),
            Map.entry("seks", 6), Map.entry("syv", 7), Map.entry("otte", 8), Map.entry("ni", 9), Map.entry("ti", 10),
            Map.entry("elleve", 11), Map.entry("tolv", 12), Map.entry("halvdelen", 50), Map.entry("hundrede", 100));
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private NumberFacts() {
    }

    /**
     * The values of the numbers the source writes in digits, in every reading (see the class comment), generously: a
     * false "supported" is cheaper than a false alarm.
     */
    static Set<BigDecimal> readingsOfDigits(String source) {
        Set<BigDecimal> readings = new HashSet<>();
        Matcher number = NUMBER.matcher(source);
        Matcher scale = SCALE.matcher(source);
        while (number.find()) {
            Set<BigDecimal> values = readings(number.group());
            readings.addAll(values);
            for (String part : number.group().split("[.,]")) {
                readings.add(canonical(new BigDecimal(part)));
            }
            // lookingAt, not find: find() would try every later position of the text, for every number in it.
            if (scale.region(number.end(), source.length()).lookingAt()) {
                BigDecimal factor = factor(scale.group(1));
                values.forEach(value -> readings.add(canonical(value.multiply(factor))));
            }
            // 24-hour times ("klokken 20") may become "8 pm".
            values.stream().filter(v -> v.compareTo(BigDecimal.valueOf(12)) > 0 && v.compareTo(BigDecimal.valueOf(24)) <= 0)
                    .forEach(v -> readings.add(canonical(v.subtract(BigDecimal.valueOf(12)))));
        }
        return readings;
    }

    /** The small numbers the source spells out ("tre", "halvdelen"). */
    static Set<BigDecimal> readingsOfWords(String source) {
        Set<BigDecimal> readings = new HashSet<>();
        Matcher word = WORD.matcher(source.toLowerCase(Locale.ROOT));
        while (word.find()) {
            Integer value = DANISH_NUMBER_WORDS.get(word.group());
            if (value != null) {
                readings.add(BigDecimal.valueOf(value));
            }
        }
        return readings;
    }

    /** The numbers an English text states, as written. */
    static Set<String> numbersIn(String english) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher number = NUMBER.matcher(english);
        while (number.find()) {
            numbers.add(number.group());
        }
        return numbers;
    }

    static boolean supported(String written, Set<BigDecimal> sourceReadings) {
        return readings(written).stream().anyMatch(sourceReadings::contains);
    }

    /** The readings of one written number: as English, as Danish, and with all separators ignored. */
    static Set<BigDecimal> readings(String written) {
        Set<BigDecimal> values = new HashSet<>();
        values.add(canonical(new BigDecimal(written.replace(".", "").replace(",", ""))));
        parse(written.replace(",", "")).ifPresent(values::add); // English: 1,000.5
        parse(written.replace(".", "").replace(',', '.')).ifPresent(values::add); // Danish: 1.000,5
        return values;
    }

    private static java.util.Optional<BigDecimal> parse(String candidate) {
        try {
            return java.util.Optional.of(canonical(new BigDecimal(candidate)));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static BigDecimal factor(String scale) {
        String s = scale.toLowerCase(Locale.ROOT);
        if (s.startsWith("mia") || s.startsWith("milliard") || s.startsWith("billion")) {
            return BigDecimal.valueOf(1_000_000_000L);
        }
        return s.startsWith("tusind") || s.startsWith("thousand") ? BigDecimal.valueOf(1_000)
                : BigDecimal.valueOf(1_000_000);
    }

    private static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

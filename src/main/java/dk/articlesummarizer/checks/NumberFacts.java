package dk.articlesummarizer.checks;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The numbers a text states, in every reading a number format allows: Danish writes {@code 1.000} and {@code 3,5}
 * where English writes {@code 1,000} and {@code 3.5}. A number in an English bullet is supported by the source
 * when any of its readings is one of the source's readings.
 */
final class NumberFacts {

    private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\d.,]*\\d)?");
    /** A scale word right after a number, Danish or English, as translators write them. */
    private static final Pattern SCALE = Pattern.compile("\\s*(mio|millioner|millions|million|mn|m|mia|milliarder"
            + "|milliard|billions|billion|bn|tusinde|tusind|thousands|thousand|k)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Small numbers a Danish text spells out and an English summary may write as digits. */
    private static final Map<String, Integer> DANISH_NUMBER_WORDS = Map.ofEntries(
            Map.entry("nul", 0), Map.entry("en", 1), Map.entry("et", 1), Map.entry("én", 1), Map.entry("ét", 1),
            Map.entry("to", 2), Map.entry("tre", 3), Map.entry("fire", 4), Map.entry("fem", 5),
            Map.entry("seks", 6), Map.entry("syv", 7), Map.entry("otte", 8), Map.entry("ni", 9), Map.entry("ti", 10),
            Map.entry("elleve", 11), Map.entry("tolv", 12), Map.entry("tretten", 13), Map.entry("fjorten", 14),
            Map.entry("femten", 15), Map.entry("seksten", 16), Map.entry("sytten", 17), Map.entry("atten", 18),
            Map.entry("nitten", 19), Map.entry("tyve", 20), Map.entry("tredive", 30), Map.entry("fyrre", 40),
            Map.entry("halvtreds", 50), Map.entry("tres", 60), Map.entry("halvfjerds", 70), Map.entry("firs", 80),
            Map.entry("halvfems", 90), Map.entry("hundrede", 100), Map.entry("hundred", 100),
            Map.entry("tusind", 1000), Map.entry("tusinde", 1000), Map.entry("halvdelen", 50),
            Map.entry("dobbelt", 2), Map.entry("første", 1), Map.entry("anden", 2), Map.entry("andet", 2),
            Map.entry("tredje", 3), Map.entry("fjerde", 4), Map.entry("femte", 5), Map.entry("sjette", 6),
            Map.entry("syvende", 7), Map.entry("ottende", 8), Map.entry("niende", 9), Map.entry("tiende", 10));
    /** Halves that Danish spells out; English writes them as 1.5 or 0.5. */
    private static final Map<String, BigDecimal> DANISH_FRACTION_WORDS = Map.of("halvanden", new BigDecimal("1.5"),
            "halv", new BigDecimal("0.5"), "halvt", new BigDecimal("0.5"), "kvart", new BigDecimal("0.25"));
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
        while (number.find()) {
            Set<BigDecimal> values = readings(number.group());
            factorAt(source, number.end()).ifPresent(factor -> readings.addAll(scaled(values, factor)));
            // Parts on their own: a date "1.10" is "1 October", a time "19.30" is "19:30".
            for (String part : number.group().split("[.,]")) {
                values.add(canonical(new BigDecimal(part)));
            }
            readings.addAll(values);
            // 24-hour times ("klokken 20", "kl. 19.30") may become "8 pm" and "7.30 pm" or "7:30 pm".
            values.stream()
                    .filter(v -> v.compareTo(BigDecimal.valueOf(12)) > 0 && v.compareTo(BigDecimal.valueOf(24)) <= 0)
                    .forEach(v -> readings.add(canonical(v.subtract(BigDecimal.valueOf(12)))));
        }
        return readings;
    }

    /** The numbers the source spells out ("tre", "halvdelen", "halvanden million"). */
    static Set<BigDecimal> readingsOfWords(String source) {
        Set<BigDecimal> readings = new HashSet<>();
        String lower = source.toLowerCase(Locale.ROOT);
        Matcher word = WORD.matcher(lower);
        while (word.find()) {
            Integer whole = DANISH_NUMBER_WORDS.get(word.group());
            BigDecimal value = DANISH_FRACTION_WORDS.getOrDefault(word.group(),
                    whole == null ? null : BigDecimal.valueOf(whole));
            if (value != null) {
                readings.add(canonical(value));
                factorAt(lower, word.end()).ifPresent(factor -> readings.add(canonical(value.multiply(factor))));
            }
        }
        return readings;
    }

    /** The numbers an English text states, as written, each with the scale word after it ("18.5 million"). */
    static Set<String> numbersIn(String english) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher number = NUMBER.matcher(english);
        Matcher scale = SCALE.matcher(english);
        while (number.find()) {
            boolean scaled = scale.region(number.end(), english.length()).lookingAt();
            numbers.add(scaled ? english.substring(number.start(), scale.end()) : number.group());
        }
        return numbers;
    }

    /** A written number (with its scale word, if any) is supported when one of its readings is the source's. */
    static boolean supported(String written, Set<BigDecimal> sourceReadings) {
        return scaledReadings(written).stream().anyMatch(sourceReadings::contains);
    }

    /** The readings of a written number with its scale word, if any: "21,4 mia." is 21.4 and 21,400,000,000 too. */
    static Set<BigDecimal> scaledReadings(String written) {
        Matcher number = NUMBER.matcher(written);
        if (!number.find()) {
            return Set.of();
        }
        Set<BigDecimal> readings = readings(number.group());
        factorAt(written, number.end()).ifPresent(factor -> readings.addAll(scaled(readings, factor)));
        return readings;
    }

    /** The readings of one written number: as English, as Danish, and with all separators ignored. */
    static Set<BigDecimal> readings(String written) {
        Set<BigDecimal> values = new HashSet<>();
        values.add(canonical(new BigDecimal(written.replace(".", "").replace(",", ""))));
        parse(written.replace(",", "")).ifPresent(values::add); // English: 1,000.5
        parse(written.replace(".", "").replace(',', '.')).ifPresent(values::add); // Danish: 1.000,5
        return values;
    }

    private static Optional<BigDecimal> parse(String candidate) {
        try {
            return Optional.of(canonical(new BigDecimal(candidate)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The factor of a scale word right at {@code at}; lookingAt, as find() would search all the rest of the text. */
    private static Optional<BigDecimal> factorAt(String text, int at) {
        Matcher scale = SCALE.matcher(text).region(at, text.length());
        return scale.lookingAt() ? Optional.of(factor(scale.group(1))) : Optional.empty();
    }

    private static Set<BigDecimal> scaled(Set<BigDecimal> values, BigDecimal factor) {
        return values.stream().map(value -> canonical(value.multiply(factor))).collect(Collectors.toSet());
    }

    private static BigDecimal factor(String scale) {
        String s = scale.toLowerCase(Locale.ROOT);
        if (s.startsWith("mia") || s.startsWith("milliard") || s.startsWith("billion") || s.equals("bn")) {
            return BigDecimal.valueOf(1_000_000_000L);
        }
        return s.startsWith("tusind") || s.startsWith("thousand") || s.equals("k") ? BigDecimal.valueOf(1_000)
                : BigDecimal.valueOf(1_000_000);
    }

    private static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

package dk.articlesummarizer.checks;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names in English bullets, checked against what the article and its translation say. A name is a capitalized word
 * that does not begin the bullet. It is supported when the source or the translation has it, with Danish letters
 * folded (Søgaard, Soegaard, Sogaard), or has a word of the same consonant skeleton: that is how Danish and English
 * transliterate the same Russian, Ukrainian or Arabic name differently (Prigosjin and Prigozhin, Zelenskyj and
 * Zelensky, Jevgenij and Yevgeny, Mohammad and Muhammad). Headlines are not checked: they capitalize every word.
 */
final class NameFacts {

    private static final Pattern CAPITALIZED = Pattern.compile("(?<=\\s)\\p{Lu}[\\p{L}'’-]{2,}");
    /** A capitalized word inside a sentence: at a sentence's start capitals say nothing about names. */
    private static final Pattern NAME_IN_SENTENCE = Pattern.compile("(?<=[^.!?\\s]\\s)\\p{Lu}[\\p{L}'’-]{2,}");
    private static final Pattern DIGITS = Pattern.compile("\\d(?:[\\d.,]*\\d)?");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z]");
    private static final Pattern VOWEL = Pattern.compile("[aeiou]");
    private static final Pattern REPEATED = Pattern.compile("(.)\\1+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s?$");
    /**
     * Capitalized English words that a faithful bullet may use although the translation words it otherwise
     * ("Danish" for "in Denmark", "Monday" for "on 3 March"): no invented person hides behind them.
     */
    private static final Set<String> ORDINARY = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "danish", "denmark", "danes", "dane", "copenhagen",
            "english", "europe", "european", "nordic", "scandinavian", "scandinavia", "the", "and", "but", "for",
            "dkk", "eur", "usd", "gdp", "ceo", "mps", "parliament", "government", "minister", "prime", "mayor",
            "council", "municipality", "region", "police", "court", "king", "queen", "crown", "prince", "princess",
            "christmas", "easter", "new", "year");

    private NameFacts() {
    }

    /** The bullets' names that {@code known} (source and translation) does not support, in order. */
    static List<String> unsupported(String known, List<String> bullets) {
        String folded = fold(known);
        Set<String> skeletons = null;
        List<String> unknown = new ArrayList<>();
        for (String bullet : bullets) {
            for (String name : CAPITALIZED.matcher(bullet).results().map(MatchResult::group).toList()) {
                String candidate = fold(POSSESSIVE.matcher(name).replaceAll(""));
                if (ORDINARY.contains(candidate) || folded.contains(candidate) || unknown.contains(name)) {
                    continue;
                }
                // Only a name not found as written needs the skeletons of every word of the text.
                skeletons = skeletons == null ? skeletons(folded) : skeletons;
                if (!skeletons.contains(skeleton(candidate))) {
                    unknown.add(name);
                }
            }
        }
        return unknown;
    }

    private static Set<String> skeletons(String folded) {
        return WORD.matcher(folded).results().map(word -> skeleton(word.group())).collect(Collectors.toSet());
    }

    /**
     * What survives translation of a text: its numbers (digits only) and the skeletons of the capitalized words
     * inside its sentences. Two texts sharing many are likely translations of one another.
     */
    static Set<String> anchors(String text) {
        Set<String> anchors = new HashSet<>();
        DIGITS.matcher(text).results().forEach(number -> anchors.add(number.group().replaceAll("[.,]", "")));
        NAME_IN_SENTENCE.matcher(text).results().forEach(name -> anchors.add(skeleton(name.group())));
        return anchors;
    }

    /** Lower case, Danish letters as ASCII, accents dropped. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT)
                .replace("ø", "o").replace("æ", "ae").replace("å", "aa"), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("");
    }

    /**
     * The word's first letter and its consonants, folded, with the spellings that transliterations swap for one
     * another made one (zh, sj, sch and ch; kh and h; j, y and i; c, k and q; w and v) and doubled letters single.
     */
    static String skeleton(String word) {
        String s = NOT_A_LETTER.matcher(fold(word)).replaceAll("")
                .replace("dzh", "j").replace("dsj", "j").replace("shch", "sh").replace("sjtj", "sh")
                .replace("zh", "sh").replace("sch", "sh").replace("sj", "sh").replace("tj", "sh").replace("ch", "sh")
                .replace("kh", "h").replace("ck", "k").replace('c', 'k').replace('q', 'k').replace('w', 'v')
                .replace('j', 'i').replace('y', 'i');
        if (s.isEmpty()) {
            return s;
        }
        String consonants = s.charAt(0) + VOWEL.matcher(s.substring(1)).replaceAll("");
        return REPEATED.matcher(consonants).replaceAll("$1");
    }
}

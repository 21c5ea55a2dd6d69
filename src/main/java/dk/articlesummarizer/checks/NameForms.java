package dk.articlesummarizer.checks;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dk.articlesummarizer.glossary.Glossary;

/**
 * One spelling per name in an answer. A model translating from Danish often keeps the Danish transliteration of a
 * name in one place and writes the English one in another (Prigosjin and Prigozhin, Zelenskyj and Zelensky,
 * Søgaard and Soegaard). Such forms become the one the translation uses most, in the translation, headline and
 * bullets alike. Two forms are taken for one name only when they are equal once Danish letters, accents and the
 * spellings transliterations swap for one another are made one ({@link #key}); vowels and doubled consonants still
 * count, so Hansen, Hanson, Hanssen and Jensen stay four names. A name a glossary entry rules is left to
 * {@link GlossaryCheck}.
 */
public final class NameForms {

    /** A capitalised word with lower-case letters in it: all-capital abbreviations are not names of this kind. */
    static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}\\p{L}*\\p{Ll}\\p{L}*"
            + "(?![\\p{L}\\p{N}])");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z]");
    /** Below this many letters in its key, two words alike are too likely to be different words. */
    private static final int MIN_KEY = 4;
    /** What may stand between a sentence's end and its first word. */
    private static final String OPENING = " \t\"'“‘„»«(–—-";

    private NameForms() {
    }

    public record Outcome(String translation, String title, List<String> bullets, Set<Repair> repairs) {
    }

    /**
     * The texts with each name in one form: of the forms of one name, the one the translation uses most (on a tie,
     * the one it uses first; a name the translation lacks takes its first form in the headline and bullets).
     */
    public static Outcome unify(Glossary glossary, String translation, String title, List<String> bullets) {
        List<String> texts = Stream.concat(Stream.of(translation, title == null ? "" : title), bullets.stream())
                .toList();
        Set<String> lowerCase = lowerCaseWords(texts);
        Set<String> ruled = ruledSkeletons(glossary);

        Map<String, Integer> inTranslation = new HashMap<>();
        Map<String, Integer> first = new HashMap<>();
        Map<String, Set<String>> formsByKey = new LinkedHashMap<>();
        int order = 0;
        for (int t = 0; t < texts.size(); t++) {
            for (MatchResult name : names(texts.get(t), lowerCase)) {
                String key = key(name.group());
                if (key.length() < MIN_KEY) {
                    continue;
                }
                if (t == 0) {
                    inTranslation.merge(name.group(), 1, Integer::sum);
                }
                first.putIfAbsent(name.group(), order++);
                formsByKey.computeIfAbsent(key, k -> new HashSet<>()).add(name.group());
            }
        }

        Map<String, String> replacement = new HashMap<>();
        for (Set<String> forms : formsByKey.values()) {
            if (forms.size() < 2 || forms.stream().anyMatch(form -> ruled.contains(NameFacts.skeleton(form)))) {
                continue;
            }
            String chosen = forms.stream()
                    .min(Comparator.<String>comparingInt(form -> -inTranslation.getOrDefault(form, 0))
                            .thenComparingInt(first::get))
                    .orElseThrow();
            forms.stream().filter(form -> !form.equals(chosen)).forEach(form -> replacement.put(form, chosen));
        }
        if (replacement.isEmpty()) {
            return new Outcome(translation, title, bullets, EnumSet.noneOf(Repair.class));
        }
        List<String> fixed = texts.stream().map(text -> replaced(text, lowerCase, replacement)).toList();
        Set<Repair> repairs = fixed.equals(texts) ? EnumSet.noneOf(Repair.class) : EnumSet.of(Repair.NAME_FORM);
        return new Outcome(fixed.get(0), title == null ? null : fixed.get(1), fixed.subList(2, fixed.size()),
                repairs);
    }

    /**
     * What two spellings of one name have in common: lower case, Danish letters and accents folded (ø and oe as
     * o, å and aa as a, æ as ae), the digraphs Danish and English transliterations use for one sound made one
     * (sj, zj, zh, sch, tj, tsj, ch and sh; kh and h; x and ks), and j, y and i one letter inside the word (so
     * Zelenskyj, Zelensky and Zelenskyy meet), j and y one at its start (Jevgenij, Yevgeny).
     */
    static String key(String word) {
        String s = NOT_A_LETTER.matcher(NameFacts.fold(word)).replaceAll("").replace("oe", "o").replace("aa", "a")
                .replace("shch", "sh").replace("sjtj", "sh").replace("tsj", "sh").replace("tch", "sh")
                .replace("sch", "sh").replace("zh", "sh").replace("zj", "sh").replace("sj", "sh").replace("tj", "sh")
                .replace("ch", "sh").replace("kh", "h").replace("x", "ks");
        if (s.isEmpty()) {
            return s;
        }
        String start = s.substring(0, 1).replace('j', 'y');
        return start + s.substring(1).replace('j', 'i').replace('y', 'i').replaceAll("i+", "i");
    }

    /**
     * The capitalised words of the text that may be names: a sentence's first word is one only when the texts
     * never have it in lower case (so "Yoke patterns" is a common word when "the yoke" appears too).
     */
    private static List<MatchResult> names(String text, Set<String> lowerCase) {
        return NAME.matcher(text).results().filter(name -> !sentenceStart(text, name.start())
                || !lowerCase.contains(name.group().toLowerCase(Locale.ROOT))).toList();
    }

    static boolean sentenceStart(String text, int at) {
        int before = at - 1;
        while (before >= 0 && OPENING.indexOf(text.charAt(before)) >= 0) {
            before--;
        }
        return before < 0 || ".!?:\n".indexOf(text.charAt(before)) >= 0;
    }

    private static String replaced(String text, Set<String> lowerCase, Map<String, String> replacement) {
        StringBuilder result = new StringBuilder();
        int copied = 0;
        for (MatchResult name : names(text, lowerCase)) {
            String chosen = replacement.get(name.group());
            if (chosen != null) {
                result.append(text, copied, name.start()).append(chosen);
                copied = name.end();
            }
        }
        return result.append(text.substring(copied)).toString();
    }

    private static Set<String> lowerCaseWords(List<String> texts) {
        return texts.stream().flatMap(text -> WORD.matcher(text).results()).map(MatchResult::group)
                .filter(word -> Character.isLowerCase(word.charAt(0))).collect(Collectors.toSet());
    }

    /** The skeletons of the glossary's words long enough to be names: their forms are the glossary's to rule. */
    private static Set<String> ruledSkeletons(Glossary glossary) {
        return glossary.terms().stream().flatMap(term -> Stream.of(term.danish(), term.english()))
                .flatMap(form -> WORD.matcher(form).results()).map(MatchResult::group)
                .filter(word -> key(word).length() >= MIN_KEY).map(NameFacts::skeleton).collect(Collectors.toSet());
    }
}

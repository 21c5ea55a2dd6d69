package dk.articlesummarizer.checks;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dk.articlesummarizer.llm.Bullet;

/**
 * Ties each bullet to the paragraphs it rests on: the fewest paragraphs that state all of its numbers and names
 * (in the Danish source or its English translation), or, for a bullet with neither, the paragraph whose English
 * shares most of its words. Located here rather than asked of the model: a model counts paragraphs badly, and
 * every number and name of a bullet must occur in the paragraphs it cites, which is exactly what is searched for.
 */
public final class Citations {

    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");

    private Citations() {
    }

    /**
     * @param source the article's paragraphs, in order
     * @param english the translation's paragraphs; used only where they pair one to one with the source's
     */
    public static List<Bullet> locate(List<String> source, List<String> english, List<String> bullets) {
        List<String> known = IntStream.range(0, source.size())
                .mapToObj(i -> source.get(i) + "\n" + (english.size() == source.size() ? english.get(i) : "")).toList();
        return bullets.stream().map(bullet -> new Bullet(bullet, cite(bullet, known))).toList();
    }

    private static List<Integer> cite(String bullet, List<String> paragraphs) {
        Set<String> anchors = anchors(bullet);
        if (anchors.isEmpty()) {
            return closestInWords(bullet, paragraphs);
        }
        List<Set<String>> stated = paragraphs.stream().map(paragraph -> stated(anchors, bullet, paragraph, false))
                .toList();
        Set<String> nowhere = new HashSet<>(anchors);
        stated.forEach(nowhere::removeAll);
        if (!nowhere.isEmpty()) {
            // Only numbers no paragraph writes as the bullet does are read generously: in words, as a clock time.
            List<Set<String>> generous = paragraphs.stream()
                    .map(paragraph -> stated(nowhere, bullet, paragraph, true)).toList();
            for (int i = 0; i < stated.size(); i++) {
                generous.get(i).addAll(stated.get(i));
            }
            stated = generous;
        }
        Set<String> uncovered = new HashSet<>(anchors);
        Set<Integer> cited = new TreeSet<>();
        // Anchors stated nowhere stay uncovered: the answer's own checks decide about invented numbers and names.
        for (int best = mostShared(stated, uncovered); best >= 0; best = mostShared(stated, uncovered)) {
            cited.add(best + 1);
            uncovered.removeAll(stated.get(best));
        }
        return cited.isEmpty() ? closestInWords(bullet, paragraphs) : List.copyOf(cited);
    }

    /** The bullet's numbers, as written, and its names (capitalized words inside its sentence). */
    private static Set<String> anchors(String bullet) {
        Set<String> anchors = new LinkedHashSet<>(NumberFacts.numbersIn(bullet));
        anchors.addAll(NameFacts.unsupported("", List.of(bullet)));
        return anchors;
    }

    /** @param generously whether numbers count in every reading the answer's checks allow, not only as written */
    private static Set<String> stated(Set<String> anchors, String bullet, String paragraph, boolean generously) {
        Set<BigDecimal> numbers = new HashSet<>();
        if (generously) {
            numbers.addAll(NumberFacts.readingsOfDigits(paragraph));
            numbers.addAll(NumberFacts.readingsOfWords(paragraph));
        } else {
            NumberFacts.numbersIn(paragraph).forEach(written -> numbers.addAll(NumberFacts.scaledReadings(written)));
        }
        List<String> unstatedNames = NameFacts.unsupported(paragraph, List.of(bullet));
        Set<String> stated = new HashSet<>();
        for (String anchor : anchors) {
            boolean number = Character.isDigit(anchor.charAt(0));
            if (number ? NumberFacts.supported(anchor, numbers) : !unstatedNames.contains(anchor)) {
                stated.add(anchor);
            }
        }
        return stated;
    }

    private static List<Integer> closestInWords(String bullet, List<String> paragraphs) {
        int best = mostShared(paragraphs.stream().map(Citations::words).toList(), words(bullet));
        return best < 0 ? List.of() : List.of(best + 1);
    }

    /** The index of the first set that shares most with {@code wanted}; -1 when none shares anything. */
    private static int mostShared(List<Set<String>> sets, Set<String> wanted) {
        int best = -1;
        long most = 0;
        for (int i = 0; i < sets.size(); i++) {
            long shared = sets.get(i).stream().filter(wanted::contains).count();
            if (shared > most) {
                most = shared;
                best = i;
            }
        }
        return best;
    }

    private static Set<String> words(String text) {
        return WORD.matcher(text.toLowerCase(Locale.ROOT)).results().map(MatchResult::group)
                .collect(Collectors.toSet());
    }
}

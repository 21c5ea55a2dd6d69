package dk.articlesummarizer.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.articlesummarizer.text.Placeholders;

/**
 * Quotes stay quotes. What someone said in the article is said in the translation too, as a quotation, in its
 * paragraph and by the same person; the headline and bullets put quotation marks only around words the
 * translation quotes.
 *
 * <p>A quotation is a span in „…“, »…«, “…”, ”…”, "…" or (English) ‘…’, or a paragraph opened by a dialogue dash
 * ("– Vi er klar, siger hun."), whose speech runs to a dash set off by spaces, to a comma before a speech verb or to
 * the paragraph's end. Apostrophes (it's, don’t, the Hansens’ farm) are never taken for quotation marks. Quotes
 * a short attribution apart („Ja,“ siger hun, „vi er klar.“) make one quotation, since a translation may join or
 * split them; a quoted word or two without punctuation inside is a term or a title, not counted, since a
 * translation may set those off by other means.
 *
 * <p>Not caught: a quotation dropped where its neighbour in the same paragraph got split in two; a quotation the
 * model wrote as prose where, in the same paragraph, it also quoted something the article does not (the counts then
 * agree; an extra quotation is not held against a translation, since it may quote a title the article leaves bare);
 * a quote running over a paragraph break; a speaker named only by a pronoun or a title; dialogue-dash speech
 * without a speech verb or a sentence's end (taken for a list item).
 */
final class QuoteCheck {

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n\\s*\n");
    private static final String SPEECH_VERBS = "siger|sagde|fortæller|fortalte|forklarer|forklarede|tilføjer"
            + "|tilføjede|skriver|skrev|udtaler|udtalte|lyder|says|said|tells|told|explains|explained|adds|added"
            + "|writes|wrote|continues|continued";
    private static final Pattern SPEECH_VERB = Pattern.compile("(?<!\\p{L})(?:" + SPEECH_VERBS + ")(?!\\p{L})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Where a dialogue dash's speech ends: a dash set off by spaces, or a speech verb after a comma or a mark. */
    private static final Pattern SPEECH_END = Pattern.compile("\\s[–—-]\\s|(?:[,!?][\"”’«»]?|[\"”’«»])\\s+(?:"
            + SPEECH_VERBS + ")(?!\\p{L})", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final String DASHES = "–—-";
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"”’«»]?$");
    private static final char SPOKEN = '–';
    private static final Pattern ELLIPSIS = Pattern.compile("\\s*(?:…|\\.\\.\\.|\\[…]|\\(…\\)|\\[\\.\\.\\.])\\s*");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Words of attribution that may stand between two quotes of one quotation ("siger borgmester Hansen"). */
    private static final int MAX_TAG_WORDS = 6;
    /** Fewer words than this, without punctuation inside, make a term or title in quotes rather than speech. */
    private static final int MIN_SPEECH_WORDS = 3;

    private QuoteCheck() {
    }

    /**
     * The texts repaired (the translation's Danish marks made English, quotation marks dropped around a bullet's or
     * headline's paraphrase) either way, and the violation when quotations went missing, changed speaker or were
     * made up.
     */
    record Outcome(Optional<Violation> violation, String translation, String title, List<String> bullets) {
    }

    /**
     * A quoted span: its words, its paragraph (counted as {@code Chunker.paragraphs} does) and where it stands,
     * marks included; {@code mark} is the opening mark, or {@code –} for dialogue-dash speech.
     */
    record Quote(String words, int paragraph, int start, int end, char mark) {
    }

    /** Quotes a short attribution apart, as one quotation. */
    record Quotation(List<Quote> parts) {

        int paragraph() {
            return parts.get(0).paragraph();
        }

        int start() {
            return parts.get(0).start();
        }

        int end() {
            return parts.get(parts.size() - 1).end();
        }

        String words() {
            return String.join(" … ", parts.stream().map(Quote::words).toList());
        }
    }

    /**
     * @param source the article's text (without its headline), placeholders stripped
     * @param givenTitle the article's Danish headline, may be empty or null: when it quotes someone, the English
     *     headline translates that quote, so its quotes are not held against the body's translation, and bullets may
     *     quote them too
     * @param title the English headline, or null when there is none to check
     */
    static Outcome check(String source, String givenTitle, String translation, String title, List<String> bullets,
            Set<Repair> repairs) {
        boolean straight = straightStyle(translation);
        String english = withEnglishMarks(translation, straight, repairs);
        String headline = title == null ? null : withEnglishMarks(title, straight, repairs);
        List<String> points = new ArrayList<>(bullets);
        points.replaceAll(bullet -> withEnglishMarks(bullet, straight, repairs));

        List<Violation> violations = new ArrayList<>();
        List<Quotation> asked = quotations(source);
        List<Quotation> given = quotations(english);
        Set<String> articleNames = articleNames(source);
        missingOrMoved(source, asked, english, given, articleNames).ifPresent(violations::add);

        boolean quotedTitle = givenTitle != null && !quotes(givenTitle, false).isEmpty();
        List<Quote> quoted = new ArrayList<>(quotes(english, true));
        if (quotedTitle && headline != null) {
            quoted.addAll(quotes(headline, false));
        }
        Set<String> speakers = given.stream().flatMap(quotation -> speakers(english, quotation, articleNames).stream())
                .collect(Collectors.toSet());
        List<String> invented = new ArrayList<>();
        List<String> misattributed = new ArrayList<>();
        String fixedHeadline = headline == null || quotedTitle ? headline
                : unquotedParaphrases(headline, english, given, quoted, articleNames, speakers, invented,
                        misattributed, repairs);
        points.replaceAll(bullet -> unquotedParaphrases(bullet, english, given, quoted, articleNames, speakers,
                invented, misattributed, repairs));
        if (!invented.isEmpty()) {
            violations.add(new Violation(Violation.Cause.INVENTED_QUOTE, "The summary put quotation marks around"
                    + " words nobody in the article said: " + String.join(", ", invented) + ". Quote only words"
                    + " the translation quotes, word for word, or leave out the quotation marks."));
        }
        if (!misattributed.isEmpty()) {
            violations.add(new Violation(Violation.Cause.INVENTED_QUOTE, "The summary gives quoted words to"
                    + " someone who did not say them: " + String.join("; ", misattributed) + "."));
        }
        return new Outcome(merged(violations), english, fixedHeadline, points);
    }

    /** The quotations of a text, in order (see the class comment for what counts as one). */
    static List<Quotation> quotations(String text) {
        List<Quotation> quotations = new ArrayList<>();
        List<Quote> parts = new ArrayList<>();
        for (Quote quote : quotes(text, true)) {
            Quote last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
            if (last != null && (quote.paragraph() != last.paragraph()
                    || wordCount(text.substring(last.end(), quote.start())) > MAX_TAG_WORDS)) {
                addIfSpeech(parts, quotations);
                parts = new ArrayList<>();
            }
            parts.add(quote);
        }
        addIfSpeech(parts, quotations);
        return quotations;
    }

    private static void addIfSpeech(List<Quote> parts, List<Quotation> quotations) {
        if (parts.stream().anyMatch(QuoteCheck::speech)) {
            quotations.add(new Quotation(List.copyOf(parts)));
        }
    }

    private static boolean speech(Quote quote) {
        String words = quote.words();
        return quote.mark() == SPOKEN || wordCount(words) >= MIN_SPEECH_WORDS
                || !words.isEmpty() && ".,!?…:;".indexOf(words.charAt(words.length() - 1)) >= 0;
    }

    /**
     * Every quoted span of the text, in order, nested ones inside the outer one.
     *
     * @param dialogue whether a paragraph opened by a dash is speech (not in a bullet: there a dash is a marker)
     */
    static List<Quote> quotes(String text, boolean dialogue) {
        List<Quote> quotes = new ArrayList<>();
        int paragraph = 0;
        for (Range range : paragraphs(text)) {
            int at = range.start();
            int to = range.end();
            if (dialogue && spoken(text, at, to)) {
                Matcher end = SPEECH_END.matcher(text).region(at + 2, to);
                int speechEnd = end.find() ? end.start() : to;
                quotes.add(new Quote(words(text, at + 2, speechEnd), paragraph, at, speechEnd, SPOKEN));
                at = speechEnd;
            }
            for (int i = at; i < to; i++) {
                int close = closer(text, i, to);
                if (close > i) {
                    quotes.add(new Quote(words(text, i + 1, close), paragraph, i, close + 1, text.charAt(i)));
                    i = close;
                }
            }
            paragraph++;
        }
        return quotes;
    }

    /**
     * Whether the paragraph is dialogue-dash speech: a list item opens with a dash too, but is no sentence and says
     * nobody spoke. Speech opening with a quotation mark is read as a quote.
     */
    private static boolean spoken(String text, int at, int to) {
        if (at + 2 >= to || DASHES.indexOf(text.charAt(at)) < 0 || text.charAt(at + 1) != ' '
                || closer(text, at + 2, to) > 0) {
            return false;
        }
        String paragraph = text.substring(at, to);
        return SENTENCE_END.matcher(paragraph).find() || SPEECH_VERB.matcher(paragraph).find();
    }

    /** A quote's words, without the placeholders of an HTML or Markdown article's markup. */
    private static String words(String text, int start, int end) {
        return Placeholders.strip(text.substring(start, end)).strip();
    }

    /** Where a paragraph starts and ends in its text, without leading and trailing blanks. */
    private record Range(int start, int end) {
    }

    /**
     * The paragraphs between blank lines, each without its leading and trailing blanks. Found from the breaks: a
     * pattern for the paragraphs themselves would look ahead for a break at every character.
     */
    private static List<Range> paragraphs(String text) {
        List<Range> paragraphs = new ArrayList<>();
        Matcher breaks = PARAGRAPH_BREAK.matcher(text);
        int from = 0;
        while (from < text.length()) {
            int to = breaks.find() ? breaks.start() : text.length();
            int start = from;
            int end = to;
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (start < end) {
                paragraphs.add(new Range(start, end));
            }
            from = to == text.length() ? to : breaks.end();
        }
        return paragraphs;
    }

    /** Where the quote opened at {@code at} closes, or -1 when no quote opens there. */
    private static int closer(String text, int at, int to) {
        return switch (text.charAt(at)) {
            case '„' -> first(text, at + 1, to, "“”");
            case '“' -> first(text, at + 1, to, "”“");
            case '»' -> first(text, at + 1, to, "«");
            case '«' -> first(text, at + 1, to, "»");
            case '"' -> first(text, at + 1, to, "\"");
            // Danish print often opens with the closing mark as well: ”Ja”.
            case '”' -> opens(text, at, to) ? first(text, at + 1, to, "”") : -1;
            // ‘90s is an elision, not a quote.
            case '‘' -> opens(text, at, to) && !Character.isDigit(text.charAt(at + 1)) ? singleCloser(text, at + 1, to)
                    : -1;
            default -> -1;
        };
    }

    private static boolean opens(String text, int at, int to) {
        return (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1))) && at + 1 < to
                && !Character.isWhitespace(text.charAt(at + 1));
    }

    private static int first(String text, int from, int to, String closers) {
        for (int i = from; i < to; i++) {
            if (closers.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The ’ that closes a ‘: one that ends a word (not don’t), preferably not a plural's apostrophe before a
     * lower-case word (the Hansens’ farm), and before any other ‘.
     */
    private static int singleCloser(String text, int from, int to) {
        int plural = -1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '‘') {
                break;
            }
            if (c != '’' || Character.isWhitespace(text.charAt(i - 1))
                    || i + 1 < to && Character.isLetterOrDigit(text.charAt(i + 1))) {
                continue;
            }
            boolean possessive = text.charAt(i - 1) == 's' && i + 2 < to && text.charAt(i + 1) == ' '
                    && Character.isLowerCase(text.charAt(i + 2));
            if (!possessive) {
                return i;
            }
            plural = plural < 0 ? i : plural;
        }
        return plural;
    }

    /** Whether the translation's own quotations use straight marks more than curly ones. */
    private static boolean straightStyle(String translation) {
        List<Quote> quotes = quotes(translation, false);
        long straight = quotes.stream().filter(quote -> quote.mark() == '"').count();
        long curly = quotes.stream()
                .filter(quote -> quote.mark() == '“' && translation.charAt(quote.end() - 1) == '”').count();
        return straight > curly;
    }

    /** The text with Danish quotation marks (»…«, „…“, ”…”, “…“) made the translation's English ones. */
    private static String withEnglishMarks(String text, boolean straight, Set<Repair> repairs) {
        StringBuilder result = new StringBuilder(text);
        for (Quote quote : quotes(text, false)) {
            char open = quote.mark();
            char close = text.charAt(quote.end() - 1);
            if ("»«„”".indexOf(open) >= 0 || open == '“' && close == '“') {
                result.setCharAt(quote.start(), straight ? '"' : '“');
                result.setCharAt(quote.end() - 1, straight ? '"' : '”');
            }
        }
        if (!result.toString().equals(text)) {
            repairs.add(Repair.QUOTE_MARKS);
        }
        return result.toString();
    }

    /**
     * Fewer quotations in the translation than in the article, in all or in one paragraph; or one given to another
     * person. Paragraphs are compared only when the translation has as many as the article.
     */
    private static Optional<Violation> missingOrMoved(String source, List<Quotation> asked, String english,
            List<Quotation> given, Set<String> articleNames) {
        if (given.size() < asked.size()) {
            return Optional.of(new Violation(Violation.Cause.QUOTATION, "Keep every direct quotation of the article"
                    + " as a quotation, in quotation marks: the article has " + asked.size() + ", the translation has "
                    + given.size() + "."));
        }
        int paragraphs = paragraphs(source).size();
        if (paragraphs != paragraphs(english).size()) {
            return Optional.empty();
        }
        for (int p = 0; p < paragraphs; p++) {
            List<Quotation> inSource = inParagraph(asked, p);
            List<Quotation> inEnglish = inParagraph(given, p);
            if (inEnglish.size() < inSource.size()) {
                return Optional.of(new Violation(Violation.Cause.QUOTATION, "Keep every direct quotation of the"
                        + " article as a quotation, in quotation marks, in its paragraph: paragraph " + (p + 1)
                        + " of the article has " + inSource.size() + ", its translation " + inEnglish.size() + "."));
            }
            if (inEnglish.size() != inSource.size()) {
                continue;
            }
            for (int q = 0; q < inSource.size(); q++) {
                Set<String> said = speakers(source, inSource.get(q), articleNames);
                Set<String> credited = speakers(english, inEnglish.get(q), articleNames);
                if (!said.isEmpty() && !credited.isEmpty() && Collections.disjoint(said, credited)) {
                    return Optional.of(new Violation(Violation.Cause.QUOTATION, "Keep every quotation with the"
                            + " person who said it: in paragraph " + (p + 1) + " the article quotes "
                            + String.join(" ", names(attribution(source, inSource.get(q)))) + ", the translation"
                            + " gives the words to " + String.join(" ", names(attribution(english, inEnglish.get(q))))
                            + "."));
                }
            }
        }
        return Optional.empty();
    }

    private static List<Quotation> inParagraph(List<Quotation> quotations, int paragraph) {
        return quotations.stream().filter(quotation -> quotation.paragraph() == paragraph).toList();
    }

    /**
     * The headline's or bullet's quoted spans checked against the translation: words the translation quotes stay
     * quoted (unless the bullet names another of the article's speakers instead of theirs); words it has only
     * unquoted lose their quotation marks; anything else is invented.
     */
    private static String unquotedParaphrases(String text, String english, List<Quotation> given,
            List<Quote> quoted, Set<String> articleNames, Set<String> speakers, List<String> invented,
            List<String> misattributed, Set<Repair> repairs) {
        StringBuilder result = new StringBuilder(text);
        List<Quote> spans = quotes(text, false);
        for (int i = spans.size() - 1; i >= 0; i--) {
            Quote span = spans.get(i);
            List<String> parts = ELLIPSIS.splitAsStream(span.words()).map(QuoteCheck::normalized)
                    .filter(part -> !part.isBlank()).toList();
            if (parts.isEmpty()) {
                continue;
            }
            Optional<Quote> source = quoted.stream()
                    .filter(quote -> parts.stream().allMatch(normalized(quote.words())::contains)).findFirst();
            if (source.isPresent()) {
                Set<String> credited = speakersOf(english, source.get(), given, articleNames);
                String outside = text.substring(0, span.start()) + " " + text.substring(span.end());
                // Names outside the quote, so that names inside it are not taken for its speaker.
                Set<String> named = skeletons(outside, speakers);
                if (!credited.isEmpty() && !named.isEmpty() && Collections.disjoint(named, credited)) {
                    List<String> misnamed = names(outside).stream()
                            .filter(name -> named.contains(NameFacts.skeleton(name))).distinct().toList();
                    misattributed.add('"' + span.words() + "\" was not said by " + String.join(" ", misnamed));
                }
            } else if (parts.stream().allMatch(normalized(english)::contains)) {
                result.deleteCharAt(span.end() - 1).deleteCharAt(span.start());
                repairs.add(Repair.QUOTE_MARKS_DROPPED);
            } else {
                invented.add(0, '"' + span.words() + '"');
            }
        }
        return result.toString();
    }

    private static Set<String> speakersOf(String english, Quote quote, List<Quotation> given,
            Set<String> articleNames) {
        return given.stream().filter(quotation -> quotation.parts().contains(quote)).findFirst()
                .map(quotation -> speakers(english, quotation, articleNames)).orElse(Set.of());
    }

    /**
     * The skeletons of the article's names in a quotation's attribution: between its parts, after it to its
     * sentence's end, or before it when a colon leads in ("Hansen siger:"). Empty when a pronoun or title is all.
     */
    private static Set<String> speakers(String text, Quotation quotation, Set<String> articleNames) {
        return skeletons(attribution(text, quotation), articleNames);
    }

    private static List<String> names(String text) {
        return NameForms.NAME.matcher(text).results().map(MatchResult::group).toList();
    }

    private static String attribution(String text, Quotation quotation) {
        StringBuilder tags = new StringBuilder();
        List<Quote> parts = quotation.parts();
        for (int i = 1; i < parts.size(); i++) {
            tags.append(text, parts.get(i - 1).end(), parts.get(i).start()).append(' ');
        }
        int end = quotation.end();
        // To its sentence's end, or to the next quote's mark.
        while (end < text.length() && ".!?\n„“»«\"‘".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        tags.append(text, quotation.end(), end).append(' ');
        int start = quotation.start();
        while (start > 0 && ".!?\n".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        String before = text.substring(start, quotation.start()).strip();
        if (before.endsWith(":")) {
            tags.append(before);
        }
        String attribution = tags.toString();
        return SPEECH_VERB.matcher(attribution).find() ? attribution : "";
    }

    /** The skeletons of the text's capitalised words that are among {@code known}. */
    private static Set<String> skeletons(String text, Set<String> known) {
        return names(text).stream().map(NameFacts::skeleton).filter(known::contains).collect(Collectors.toSet());
    }

    /** The skeletons of the article's capitalised words inside sentences: names, not sentence openers. */
    private static Set<String> articleNames(String source) {
        return NameForms.NAME.matcher(source).results()
                .filter(name -> !NameForms.sentenceStart(source, name.start()))
                .map(name -> NameFacts.skeleton(name.group())).collect(Collectors.toSet());
    }

    /** Lower-case words between single spaces, without punctuation and placeholders; padded to match whole words. */
    static String normalized(String text) {
        return " " + NOT_A_WORD.matcher(Placeholders.strip(text).toLowerCase(Locale.ROOT)).replaceAll(" ").strip()
                + " ";
    }

    private static int wordCount(String text) {
        String stripped = NOT_A_WORD.matcher(text).replaceAll(" ").strip();
        return stripped.isEmpty() ? 0 : stripped.split(" ").length;
    }

    private static Optional<Violation> merged(List<Violation> violations) {
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Violation(violations.get(0).cause(),
                String.join(" ", violations.stream().map(Violation::instruction).toList())));
    }
}

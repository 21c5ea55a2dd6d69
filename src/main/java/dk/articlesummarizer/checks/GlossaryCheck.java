package dk.articlesummarizer.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.glossary.Term;

/**
 * The glossary's renderings in an answer. Each entry whose Danish term the source has must appear in the
 * translation in its English form, and in that form only: every wrong form that can be located (the Danish term
 * left as it was, or a transliteration of the English one, Prigosjin for Prigozhin) is put right without another
 * call, in the headline and bullets too, also where the right form appears beside it. What cannot be located is a
 * violation: the model is told the renderings once more.
 */
final class GlossaryCheck {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
    /** Below this many letters a skeleton says too little to call a word a variant of a term. */
    private static final int MIN_SKELETON = 3;

    private GlossaryCheck() {
    }

    /** The answer's texts with the glossary's forms put in, or the violation when a term is missing. */
    record Outcome(Optional<Violation> violation, String translation, String title, List<String> bullets) {
    }

    static Outcome enforce(Glossary glossary, String source, String translation, String title, List<String> bullets,
            Set<Repair> repairs) {
        Glossary asked = glossary.foundIn(source);
        if (asked.isEmpty()) {
            return new Outcome(Optional.empty(), translation, title, bullets);
        }
        String text = translation;
        List<Term> missing = new ArrayList<>();
        for (Term term : asked.terms()) {
            // Wrong forms are put right even where the right one appears too: the reader gets one form per term.
            String repaired = putRight(term, text);
            if (!rendered(term, repaired)) {
                missing.add(term);
            } else if (!repaired.equals(text)) {
                repairs.add(Repair.GLOSSARY_FORM);
                text = repaired;
            }
        }
        if (missing.isEmpty()) {
            Outcome named = formsPutRight(asked, title, bullets, repairs);
            return new Outcome(Optional.empty(), text, named.title(), named.bullets());
        }
        String renderings = missing.stream().map(term -> '"' + term.danish() + "\" (in any form) "
                + (term.keepsAsWritten() ? "as written, untranslated" : "as \"" + term.english() + "\""))
                .collect(Collectors.joining("; "));
        return new Outcome(Optional.of(new Violation(Violation.Cause.GLOSSARY_TERM, "The glossary was not followed."
                + " In the translation, headline and bullets, render " + renderings + ". Answer again with the"
                + " complete JSON object.")), translation, title, bullets);
    }

    /** The headline and bullets with every entry's locatable wrong forms put right (their facts were checked). */
    static Outcome formsPutRight(Glossary glossary, String title, List<String> bullets, Set<Repair> repairs) {
        return new Outcome(Optional.empty(), "", putRight(glossary, title == null ? "" : title, repairs),
                bullets.stream().map(bullet -> putRight(glossary, bullet, repairs)).toList());
    }

    private static String putRight(Glossary glossary, String text, Set<Repair> repairs) {
        String fixed = text;
        for (Term term : glossary.terms()) {
            fixed = putRight(term, fixed);
        }
        if (!fixed.equals(text)) {
            repairs.add(Repair.GLOSSARY_FORM);
        }
        return fixed;
    }

    /** Whether the text has the term's English form (any Danish form, for a term kept as written). */
    static boolean rendered(Term term, String text) {
        if (term.keepsAsWritten()) {
            return term.occursIn(text);
        }
        return englishForm(term).matcher(text).find();
    }

    private static Pattern englishForm(Term term) {
        String english = term.english();
        boolean exactCase = !english.substring(1).equals(english.substring(1).toLowerCase(Locale.ROOT));
        // The first letter's case follows the sentence ("The Royal Danish Defence College opens").
        String first = Character.isLetter(english.charAt(0)) ? "[" + Character.toLowerCase(english.charAt(0))
                + Character.toUpperCase(english.charAt(0)) + "]" : Pattern.quote(english.substring(0, 1));
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + first + Pattern.quote(english.substring(1))
                + "(?![\\p{L}\\p{N}])", exactCase ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The text with the term's locatable wrong forms replaced by its English form. */
    static String putRight(Term term, String text) {
        String result = term.keepsAsWritten() ? text : danishFormsReplaced(term, text);
        return variantsReplaced(term, result);
    }

    /** A Danish form left untranslated; its genitive {@code -s} becomes the English {@code 's}. */
    private static String danishFormsReplaced(Term term, String text) {
        List<MatchResult> right = englishForm(term).matcher(text).results().toList();
        Matcher form = term.danishForms(text);
        StringBuilder result = new StringBuilder();
        while (form.find()) {
            if (inside(right, form.start(), form.end())) {
                // The Danish term within its own English form ("the Liberal Party (Venstre)") is right as it is.
                continue;
            }
            String found = form.group();
            boolean genitive = found.length() > term.danish().length() && found.endsWith("s")
                    && !term.english().endsWith("s");
            String english = term.english();
            if (sentenceStart(text, form.start()) && Character.isLowerCase(english.charAt(0))) {
                english = Character.toUpperCase(english.charAt(0)) + english.substring(1);
            }
            form.appendReplacement(result, Matcher.quoteReplacement(english + (genitive ? "'s" : "")));
        }
        form.appendTail(result);
        return result.toString();
    }

    private static boolean inside(List<MatchResult> spans, int start, int end) {
        return spans.stream().anyMatch(span -> span.start() < end && start < span.end());
    }

    private static boolean sentenceStart(String text, int at) {
        int before = at - 1;
        while (before >= 0 && text.charAt(before) == ' ') {
            before--;
        }
        return before < 0 || ".!?\n\"“".indexOf(text.charAt(before)) >= 0;
    }

    /** Word sequences as long as the term's form whose consonant skeleton is the form's, but spelled otherwise. */
    private static String variantsReplaced(Term term, String text) {
        String wanted = term.english();
        String[] wantedWords = wanted.split("\\s+");
        String wantedSkeleton = skeleton(wanted);
        if (wantedSkeleton.length() < MIN_SKELETON) {
            return text;
        }
        List<MatchResult> right = englishForm(term).matcher(text).results().toList();
        List<MatchResult> words = WORD.matcher(text).results().toList();
        StringBuilder result = new StringBuilder();
        int copied = 0;
        for (int i = 0; i + wantedWords.length <= words.size(); i++) {
            int start = words.get(i).start();
            int end = words.get(i + wantedWords.length - 1).end();
            if (start < copied || inside(right, start, end)) {
                continue;
            }
            String candidate = text.substring(start, end);
            String bare = candidate.replaceAll("['’]s$", "");
            if (!bare.equals(wanted) && skeleton(bare).equals(wantedSkeleton)
                    && Character.isUpperCase(candidate.charAt(0)) == Character.isUpperCase(wanted.charAt(0))) {
                result.append(text, copied, start).append(wanted).append(candidate.substring(bare.length()));
                copied = end;
            }
        }
        return copied == 0 ? text : result.append(text.substring(copied)).toString();
    }

    private static String skeleton(String words) {
        return Arrays.stream(words.split("\\s+")).map(NameFacts::skeleton).collect(Collectors.joining(" ")).strip();
    }
}

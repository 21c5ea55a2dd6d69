package dk.articlesummarizer.checks;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.language.LanguageGate;
import dk.articlesummarizer.llm.AnswerCheck;
import dk.articlesummarizer.llm.ChunkTranslation;
import dk.articlesummarizer.text.Chunker;
import dk.articlesummarizer.text.Placeholders;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Checks the translation of one passage: English and complete, with the key facts the passage supports. Its
 * paragraphs may differ from the source's by a merged or split one (a heading run into the next paragraph), since
 * the passage is joined to the others as it is; a translated copy of the read-only context in front is dropped.
 */
@Singleton
public class PassageCheck extends AnswerReading {

    /** Share of names and numbers the extra first paragraph must have in common with the context. */
    static final double MIN_CONTEXT_OVERLAP = 0.5;

    /** Paragraphs a translation may gain or lose against its passage: one, or one in five of a long passage. */
    static int tolerance(int expected) {
        return Math.max(1, expected / 5);
    }

    public PassageCheck(LanguageGate languages, MeterRegistry metrics) {
        super(languages, metrics);
    }

    /**
     * @param context the text before the passage, sent for names only
     * @param expected the passage's paragraphs
     * @param markup whether the paragraphs are an HTML or Markdown article's, with placeholders for its markup
     */
    public AnswerCheck.Checked<ChunkTranslation> check(String answer, boolean truncated, String context,
            String passage, int expected, Glossary glossary, boolean markup) {
        return read(answer, truncated, json -> check(json, context, passage, expected, glossary, markup));
    }

    private Verdict<ChunkTranslation> check(AnswerJson json, String context, String passage, int expected,
            Glossary glossary, boolean markup) {
        Set<Repair> repairs = json.repairs();
        String given = withoutContext(context, passage, paragraphBreaks(expected,
                json.text(AnswerJson.Field.TRANSLATION, true), repairs), repairs);
        MarkupCheck.Outcome marked = markup ? MarkupCheck.check(passage, given, repairs)
                : new MarkupCheck.Outcome(Optional.empty(), given);
        String words = Placeholders.strip(passage);
        GlossaryCheck.Outcome ruled = GlossaryCheck.enforce(glossary, words, marked.translation(), "", List.of(),
                repairs);
        // Names and quotes of one passage: the digest's bullets are checked against the facts, not quotes.
        NameForms.Outcome named = NameForms.unify(glossary, ruled.translation(), "", List.of());
        repairs.addAll(named.repairs());
        QuoteCheck.Outcome quoted = QuoteCheck.check(words, null, named.translation(), null, List.of(), repairs);
        String translation = quoted.translation();
        List<String> facts = supportedFacts(words + "\n" + Placeholders.strip(translation),
                json.strings(AnswerJson.Field.FACTS, false).stream()
                        .map(fact -> MarkupCheck.withoutPlaceholders(fact, repairs)).toList(), repairs);
        Optional<Violation> violation = json.missingFields()
                .or(marked::violation)
                .or(ruled::violation)
                .or(() -> completeEnglish(words, Placeholders.strip(translation)))
                .or(quoted::violation)
                .or(() -> paragraphs(expected, translation, repairs));
        return new Verdict<>(violation, new ChunkTranslation(translation, facts));
    }

    /**
     * The passage's key facts that its text supports: they only feed the digest, so a fact with a number or name
     * the passage does not have is left out rather than asked for again.
     */
    static List<String> supportedFacts(String known, List<String> raw, Set<Repair> repairs) {
        List<String> tidy = tidyBullets(raw, EnumSet.noneOf(Repair.class));
        List<String> facts = tidy.stream()
                .filter(fact -> numbers(known, List.of(fact)).isEmpty())
                .filter(fact -> names(known, List.of(fact)).isEmpty())
                .toList();
        if (facts.isEmpty() || facts.size() < tidy.size()) {
            repairs.add(Repair.FACTS_DROPPED);
        }
        return facts;
    }

    /**
     * One paragraph more than the passage, whose first paragraph shares the context's names and numbers more than
     * the passage's first paragraph's: the model translated the context too. Without such evidence nothing is
     * dropped (the extra paragraph counts as a split one).
     */
    static String withoutContext(String context, String passage, String translation, Set<Repair> repairs) {
        List<String> english = Chunker.paragraphs(translation);
        List<String> source = Chunker.paragraphs(passage);
        if (context.isBlank() || english.size() != source.size() + 1) {
            return translation;
        }
        Set<String> first = NameFacts.anchors(english.get(0));
        double likeContext = overlap(first, NameFacts.anchors(context));
        double likePassage = overlap(first, NameFacts.anchors(source.get(0)));
        if (likeContext < MIN_CONTEXT_OVERLAP || likeContext <= likePassage) {
            return translation;
        }
        repairs.add(Repair.CONTEXT_DROPPED);
        return String.join("\n\n", english.subList(1, english.size()));
    }

    private static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / Math.min(a.size(), b.size());
    }

    private static Optional<Violation> paragraphs(int expected, String translation, Set<Repair> repairs) {
        int actual = Chunker.paragraphs(translation).size();
        if (actual == expected) {
            return Optional.empty();
        }
        if (Math.abs(actual - expected) <= tolerance(expected)) {
            repairs.add(Repair.PARAGRAPHS_REGROUPED);
            return Optional.empty();
        }
        return Optional.of(new Violation(Violation.Cause.PARAGRAPH_COUNT, "Your translation had " + actual
                + " paragraph(s); the passage has " + expected + ". Give exactly one English paragraph for each"
                + " source paragraph, separated by one blank line."));
    }
}

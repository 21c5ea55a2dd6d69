package dk.articlesummarizer.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dk.articlesummarizer.text.Chunker;
import dk.articlesummarizer.text.Placeholders;

/**
 * The placeholders of an HTML or Markdown article's paragraphs: each paragraph's translation must carry its
 * source's, exactly once and properly nested, so that the markup can go back around the same words; and there must
 * be one translated paragraph per source paragraph, since each is a block of the document. A placeholder given twice
 * or a lone one left out is put right; anything else is asked for again.
 */
final class MarkupCheck {

    private MarkupCheck() {
    }

    record Outcome(Optional<Violation> violation, String translation) {
    }

    static Outcome check(String source, String translation, Set<Repair> repairs) {
        List<String> sources = Chunker.paragraphs(source);
        List<String> english = Chunker.paragraphs(translation);
        if (sources.size() != english.size()) {
            return new Outcome(Optional.of(new Violation(Violation.Cause.PARAGRAPH_COUNT, "Your translation had "
                    + english.size() + " paragraph(s); the article has " + sources.size() + ", each a block of the"
                    + " page. Give exactly one English paragraph for each, separated by one blank line.")),
                    translation);
        }
        List<String> fixed = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String repaired = Placeholders.repaired(sources.get(i), english.get(i));
            if (!repaired.equals(english.get(i))) {
                repairs.add(Repair.MARKUP_PLACEHOLDERS);
            }
            Optional<String> problem = Placeholders.problem(sources.get(i), repaired);
            if (problem.isPresent()) {
                return new Outcome(Optional.of(new Violation(Violation.Cause.MARKUP, "In paragraph " + (i + 1)
                        + " the tags were not kept: " + problem.get() + ". Keep every tag such as <g1>, </g1> or"
                        + " <g2/> of a paragraph exactly once, around the words it marks.")), translation);
            }
            fixed.add(repaired);
        }
        return new Outcome(Optional.empty(), String.join("\n\n", fixed));
    }

    /** Placeholders have no place in a headline or bullet: taken out. */
    static String withoutPlaceholders(String text, Set<Repair> repairs) {
        String plain = Placeholders.strip(text);
        if (!plain.equals(text)) {
            repairs.add(Repair.MARKUP_PLACEHOLDERS);
        }
        return plain;
    }
}

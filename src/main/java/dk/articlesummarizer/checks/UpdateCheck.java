package dk.articlesummarizer.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import dk.articlesummarizer.glossary.Glossary;
import dk.articlesummarizer.language.LanguageGate;
import dk.articlesummarizer.llm.AnswerCheck;
import dk.articlesummarizer.llm.ArticleUpdate;
import dk.articlesummarizer.llm.UpdatePrompt;
import dk.articlesummarizer.text.Placeholders;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Checks an updated article's answer: one English paragraph per changed paragraph, each checked like a translation
 * (and against the glossary), and a headline and bullets whose numbers and names the prompt supports: the changed
 * paragraphs, the previous headline and bullets, and the English context.
 */
@Singleton
public class UpdateCheck extends AnswerReading {

    public UpdateCheck(LanguageGate languages, MeterRegistry metrics) {
        super(languages, metrics);
    }

    /**
     * @param before the previous English headline and bullets
     * @param changes the changed paragraphs, with the English text around each
     */
    public AnswerCheck.Checked<ArticleUpdate> check(String answer, boolean truncated, String givenTitle,
            String before, List<UpdatePrompt.Change> changes, Glossary glossary) {
        return read(answer, truncated, json -> check(json, givenTitle, before, changes, glossary));
    }

    private Verdict<ArticleUpdate> check(AnswerJson json, String givenTitle, String before,
            List<UpdatePrompt.Change> changes, Glossary glossary) {
        Set<Repair> repairs = json.repairs();
        List<String> sources = changes.stream().map(UpdatePrompt.Change::danish).toList();
        String near = changes.stream().map(change -> change.before() + "\n" + change.after())
                .collect(Collectors.joining("\n"));
        List<String> answered = json.strings(AnswerJson.Field.PARAGRAPHS).stream().map(String::strip)
                .filter(paragraph -> !paragraph.isEmpty()).toList();
        GlossaryCheck.Outcome named = GlossaryCheck.formsPutRight(glossary, titleOf(json), bulletsOf(json), repairs);
        List<String> bullets = named.bullets();
        String title = titleOrDerived(named.title(), bullets, repairs);
        Optional<Violation> violation = json.missingFields().or(() -> count(answered.size(), sources.size()));
        List<String> english = new ArrayList<>();
        for (int i = 0; violation.isEmpty() && i < sources.size(); i++) {
            // One paragraph at a time: a count of one, and its placeholders (an HTML or Markdown article's).
            MarkupCheck.Outcome marked = MarkupCheck.check(sources.get(i), answered.get(i), repairs);
            String words = Placeholders.strip(sources.get(i));
            GlossaryCheck.Outcome ruled = GlossaryCheck.enforce(glossary, words, marked.translation(), "",
                    List.of(), repairs);
            // The bullets' quotes are not checked: they may quote remembered paragraphs this call was not shown.
            QuoteCheck.Outcome quoted = QuoteCheck.check(words, null, ruled.translation(), null, List.of(), repairs);
            english.add(quoted.translation());
            violation = marked.violation().or(ruled::violation).or(quoted::violation)
                    .or(() -> length(words, Placeholders.strip(quoted.translation())));
        }
        if (violation.isEmpty()) {
            // The language is judged on all the English there is: one short changed sentence full of names cannot
            // tell Danish from English on its own.
            violation = language(Placeholders.strip(String.join("\n", english) + "\n" + near));
        }
        String known = Placeholders.strip(String.join("\n", sources) + "\n" + givenTitle + "\n" + before + "\n"
                + near + "\n" + String.join("\n", english));
        return new Verdict<>(violation.or(() -> summary(title, bullets, known, known)),
                new ArticleUpdate(english, title, bullets));
    }

    private static Optional<Violation> count(int actual, int expected) {
        return actual == expected ? Optional.empty() : Optional.of(new Violation(Violation.Cause.PARAGRAPH_COUNT,
                "Your \"paragraphs\" had " + actual + " item(s); give exactly " + expected + ", one English paragraph"
                        + " for each CHANGED paragraph, in order."));
    }
}

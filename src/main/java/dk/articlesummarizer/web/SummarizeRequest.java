package dk.articlesummarizer.web;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dk.articlesummarizer.pipeline.ArticleInput;
import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;
import dk.articlesummarizer.text.ArticleFormat;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * JSON request body. Unknown fields are ignored; {@code text} and {@code title} must be strings, {@code glossary} an
 * object of strings.
 */
@RegisterForReflection
public record SummarizeRequest(
        @NotBlank(message = "Field 'text' is required and must hold the article") String text,
        String title,
        @Schema(description = "Names and terms to render one way, Danish to English (an empty English keeps the term"
                + " as written); added to the house glossary (SUMMARIZER_GLOSSARY_FILE), overriding its entries."
                + " Matched in any Danish word form.", examples = "{\"Forsvarsakademiet\": \"the Royal Danish"
                + " Defence College\", \"Folketinget\": \"\"}")
        Map<String, String> glossary,
        @Schema(description = "How text is written; the translation comes back the same way, markup kept."
                + " Default text.", enumeration = { "text", "html", "markdown" })
        String format) {

    public ArticleInput input() {
        ArticleFormat parsed = format == null ? ArticleFormat.TEXT : ArticleFormat.of(format).orElseThrow(
                () -> new ProblemException(ProblemType.INVALID_REQUEST, "Field 'format' must be text, html or"
                        + " markdown."));
        return new ArticleInput(text, title, glossary, parsed);
    }
}

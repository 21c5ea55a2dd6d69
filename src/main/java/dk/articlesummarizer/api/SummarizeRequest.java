package dk.articlesummarizer.api;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dk.articlesummarizer.summary.ArticleInput;
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
        Map<String, String> glossary) {

    public ArticleInput input() {
        return new ArticleInput(text, title, glossary);
    }
}

package dk.articlesummarizer.llm;

import dk.articlesummarizer.summary.Usage;

/** What one LLM call produced: the parsed article and the tokens it cost. */
public record LlmAnswer(TranslatedArticle article, Usage usage) {
}

package dk.articlesummarizer.llm;


/** What one LLM call produced: the parsed article and the tokens it cost. */
public record LlmAnswer(TranslatedArticle article, Usage usage) {
}

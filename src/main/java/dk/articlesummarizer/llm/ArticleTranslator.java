package dk.articlesummarizer.llm;

import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import dk.articlesummarizer.llm.guardrail.TranslationGuardrail;
import io.quarkiverse.langchain4j.RegisterAiService;

/** One stateless LLM call: translation, headline and bullets of one article together. */
@RegisterAiService(chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
public interface ArticleTranslator {

    @SystemMessage(Prompts.SYSTEM)
    @UserMessage(Prompts.USER)
    @OutputGuardrails(value = TranslationGuardrail.class, maxRetries = 1)
    Result<TranslatedArticle> translate(String title, String article);
}

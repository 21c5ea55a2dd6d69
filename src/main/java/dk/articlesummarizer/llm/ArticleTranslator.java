package dk.articlesummarizer.llm;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import dk.articlesummarizer.llm.guardrail.TranslationGuardrail;
import io.quarkiverse.langchain4j.RegisterAiService;

/**
 * One LLM call: translation, headline and bullets of one article together. Each call has a memory of its own
 * ({@code callId}), which lives only as long as the call: it holds the conversation a guardrail reprompt continues
 * (LangChain4j sends a reprompt without the rejected answer and the correction when there is no memory), and the
 * caller removes it afterwards, so no call ever sees another's messages.
 */
@RegisterAiService
public interface ArticleTranslator {

    @SystemMessage(Prompts.SYSTEM)
    @UserMessage(Prompts.USER)
    // LangChain4j counts the first answer as one of the "retries": 2 means one reprompt.
    @OutputGuardrails(value = TranslationGuardrail.class, maxRetries = 2)
    Result<TranslatedArticle> translate(@MemoryId String callId, String title, String article);
}

package dk.articlesummarizer.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.quarkiverse.langchain4j.runtime.aiservice.ChatEvent;
import io.smallrye.mutiny.Multi;

/**
 * The one-call prompt, streamed as the model writes it. The prompt form (the JSON shape asked in the prompt, no
 * response_format) works with every OpenAI-compatible server that streams; no memory, so no call sees another's
 * text. The caller checks the whole answer at the end with {@link dk.articlesummarizer.llm.guardrail.TranslationGuardrail}.
 */
@RegisterAiService(modelName = "prompt-form",
        chatMemoryProviderSupplier = RegisterAiService.NoChatMemoryProviderSupplier.class)
@ApplicationScoped
public interface StreamingTranslator {

    @SystemMessage(Prompts.SYSTEM)
    @UserMessage(Prompts.USER)
    Multi<ChatEvent> translate(String title, String article);
}

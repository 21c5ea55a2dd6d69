package dk.articlesummarizer.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.guardrail.OutputGuardrails;
import dk.articlesummarizer.llm.guardrail.ChunkGuardrail;
import dk.articlesummarizer.llm.guardrail.DigestGuardrail;
import dk.articlesummarizer.llm.guardrail.TranslationGuardrail;
import dk.articlesummarizer.llm.guardrail.UpdateGuardrail;
import io.quarkiverse.langchain4j.RegisterAiService;

/**
 * The LLM calls. {@code glossary} is the prompt's glossary block ({@code Glossary.block()}), empty when no entry
 * applies; {@code format} is the markup block ({@code Prompts.FORMAT}) for an HTML or Markdown article, else empty.
 * <p>
 * Each call has a memory of its own ({@code callId}) that lives only as long as the call: it holds
 * the conversation a guardrail reprompt continues (without memory LangChain4j re-sends the first request without
 * the rejected answer and the correction), and the caller removes it afterwards, so no call sees another's text.
 * <p>
 * LangChain4j counts the first answer as one of the guardrail "retries": 2 means one reprompt.
 * <p>
 * The methods return the answer records themselves, not {@code Result<T>}: quarkus-langchain4j 1.10 derives the
 * {@code response_format} schema from {@code Result} instead of its type argument (quarkiverse/quarkus-langchain4j
 * issue 2734), so the tokens are counted by {@link StructuredOutputModel} instead.
 * <p>
 * Application-scoped (an AI service with memory would otherwise be request-scoped): passages of long articles are
 * translated on threads of our own, outside any request.
 */
@RegisterAiService(chatLanguageModelSupplier = ModelChain.ForAiService.class)
@ApplicationScoped
public interface ArticleTranslator {

    /** An ordinary article: translation, headline and bullets in one call. */
    @SystemMessage(Prompts.SYSTEM)
    @UserMessage(Prompts.USER)
    @OutputGuardrails(value = TranslationGuardrail.class, maxRetries = 2)
    TranslatedArticle translate(@MemoryId String callId, String title, String article, String glossary,
            String format);

    /** One passage of a long article, with the text before it as context. */
    @SystemMessage(Prompts.CHUNK_SYSTEM)
    @UserMessage(Prompts.CHUNK_USER)
    @OutputGuardrails(value = ChunkGuardrail.class, maxRetries = 2)
    ChunkTranslation translateChunk(@MemoryId String callId, String context, String passage,
            int paragraphs, String glossary, String format);

    /** Headline and bullets of a long article, from the key facts of its passages. */
    @SystemMessage(Prompts.DIGEST_SYSTEM)
    @UserMessage(Prompts.DIGEST_USER)
    @OutputGuardrails(value = DigestGuardrail.class, maxRetries = 2)
    ArticleDigest digest(@MemoryId String callId, String title, String facts, String glossary);

    /**
     * The changed paragraphs of an updated article, with a fresh headline and bullets: {@code before} holds the
     * previous English headline and bullets, {@code changes} each changed paragraph with its English neighbours.
     */
    @SystemMessage(Prompts.UPDATE_SYSTEM)
    @UserMessage(Prompts.UPDATE_USER)
    @OutputGuardrails(value = UpdateGuardrail.class, maxRetries = 2)
    ArticleUpdate update(@MemoryId String callId, String title, String before, String changes, int count,
            String glossary, String format);
}

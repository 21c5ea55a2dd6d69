package dk.articlesummarizer.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.model.openai.OpenAiChatModel;
import io.quarkiverse.langchain4j.ModelBuilderCustomizer;

/**
 * Makes every LLM call a single HTTP attempt. The client's built-in retry (configurable only down to one retry,
 * despite its documentation) would double every timeout and hide provider failures from our own policy.
 */
@ApplicationScoped
public class SingleAttemptCustomizer implements ModelBuilderCustomizer<OpenAiChatModel.OpenAiChatModelBuilder> {

    @Override
    public void customize(OpenAiChatModel.OpenAiChatModelBuilder builder) {
        builder.maxRetries(0);
    }
}

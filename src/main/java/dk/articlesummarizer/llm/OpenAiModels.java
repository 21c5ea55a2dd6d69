package dk.articlesummarizer.llm;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel.OpenAiChatModelBuilder;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder;
import dev.langchain4j.model.openai.internal.DefaultOpenAiClient;
import dev.langchain4j.model.openai.internal.OpenAiClient;
import dev.langchain4j.model.openai.internal.spi.OpenAiClientBuilderFactory;

/**
 * One model of the chain as LangChain4j's OpenAI models, both on one {@link ProviderHttpClient}: the answer in one
 * piece, and streamed. Temperature 0.2, one HTTP attempt (our retries, breaker and chain decide what happens next),
 * {@code LLM_MAX_OUTPUT_TOKENS} as {@code max_tokens} (which local servers understand), never a prompt or completion
 * in the log.
 * <p>
 * LangChain4j picks an OpenAI model's client through a ServiceLoader, in which quarkus-langchain4j registers its own
 * (a REST client whose calls cannot be aborted, and which ignores the HTTP client it is given). While a model is
 * built, the thread's context class loader offers LangChain4j's default client instead, which uses ours.
 */
record OpenAiModels(ChatModel chat, CancellableStreamingModel streaming) {

    private static final Logger LOG = Logger.getLogger(OpenAiModels.class);
    private static final double TEMPERATURE = 0.2;

    static {
        keepNoBuffersInThreads();
    }

    /** @param apiKey the bearer key; any placeholder for a provider that wants none */
    static OpenAiModels of(String baseUrl, String model, String apiKey, Duration timeout, int maxOutputTokens,
            List<ChatModelListener> listeners) {
        ProviderHttpClient.Builder http = ProviderHttpClient.builder(timeout);
        ChatModel chat = onOwnClient(http, model, new OpenAiChatModelBuilder()
                .httpClientBuilder(http).baseUrl(baseUrl).apiKey(apiKey).modelName(model).timeout(timeout)
                .temperature(TEMPERATURE).maxTokens(maxOutputTokens).maxRetries(0).logRequests(false)
                .logResponses(false).listeners(listeners)::build);
        StreamingChatModel streaming = onOwnClient(http, model, new OpenAiStreamingChatModelBuilder()
                .httpClientBuilder(http).baseUrl(baseUrl).apiKey(apiKey).modelName(model).timeout(timeout)
                .temperature(TEMPERATURE).maxTokens(maxOutputTokens).logRequests(false).logResponses(false)
                .listeners(listeners)::build);
        return new OpenAiModels(chat, new CancellableStreamingModel(streaming));
    }

    private static <T> T onOwnClient(ProviderHttpClient.Builder http, String model, Supplier<T> build) {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(new OffersDefaultClient(context == null
                ? OpenAiModels.class.getClassLoader() : context));
        try {
            T built = build.get();
            if (!http.used()) {
                // A native image: quarkus-langchain4j substitutes OpenAiClient.builder() with its own client there.
                LOG.warnf("The LLM client of %s is quarkus-langchain4j's: its calls cannot be aborted in this build",
                        model);
            }
            return built;
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    /**
     * LangChain4j's OpenAI client writes each request and reads each answer with an ObjectMapper of its own, whose
     * Jackson keeps every thread's last text buffers in a ThreadLocal: a no-store article's text would stay there
     * until that thread's next call. Like our own mappers (StrictJsonCustomizer, AnswerJson), it recycles none.
     * The mapper is package-private ({@code dev.langchain4j.model.openai.internal.Json.OBJECT_MAPPER}).
     */
    private static void keepNoBuffersInThreads() {
        try {
            Field mapper = Class.forName("dev.langchain4j.model.openai.internal.Json", true,
                    DefaultOpenAiClient.class.getClassLoader()).getDeclaredField("OBJECT_MAPPER");
            mapper.setAccessible(true);
            ((ObjectMapper) mapper.get(null)).getFactory().setRecyclerPool(JsonRecyclerPools.nonRecyclingPool());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("LangChain4j's OpenAI client keeps its last JSON buffers per thread: %s", e);
        }
    }

    /** What the ServiceLoader finds while a model is built: LangChain4j's own client. */
    public static final class DefaultClient implements OpenAiClientBuilderFactory {

        @Override
        public OpenAiClient.Builder get() {
            return DefaultOpenAiClient.builder();
        }
    }

    private static final class OffersDefaultClient extends ClassLoader {

        private static final String SERVICE = "META-INF/services/" + OpenAiClientBuilderFactory.class.getName();
        private static final URL OFFER = OpenAiModels.class.getResource("default-openai-client");

        OffersDefaultClient(ClassLoader parent) {
            super(parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return SERVICE.equals(name) ? Collections.enumeration(List.of(OFFER)) : super.getResources(name);
        }
    }
}

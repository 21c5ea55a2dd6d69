package dk.articlesummarizer.llm;

import java.util.Set;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;

/**
 * A model's streamed answer that can be aborted at any time: {@link #start} returns the handle at once (LangChain4j
 * hands one out only with the first piece), and the handle in each piece's context is the same one. Cancelling it
 * closes the provider's connection, and the handler hears nothing more. A stream whose handler throws, or that
 * fails half-way, is aborted too (LangChain4j would read it to its end).
 */
public final class CancellableStreamingModel implements StreamingChatModel {

    private final StreamingChatModel model;

    CancellableStreamingModel(StreamingChatModel model) {
        this.model = model;
    }

    /** Starts the stream; the handle's {@code cancel()} aborts it, before its first piece too. */
    public StreamingHandle start(ChatRequest request, StreamingChatResponseHandler handler) {
        return start(request, ChatRequestOptions.EMPTY, handler);
    }

    private StreamingHandle start(ChatRequest request, ChatRequestOptions options,
            StreamingChatResponseHandler handler) {
        ProviderHttpClient.Exchange exchange = new ProviderHttpClient.Exchange();
        ProviderHttpClient.streaming(exchange, () -> model.chat(request, options,
                new AbortingOnFailure(handler, exchange)));
        return exchange;
    }

    @Override
    public void chat(ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
        start(request, options, handler);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return model.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return model.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return model.supportedCapabilities();
    }

    /** Hands each piece the stream's own handle, and aborts the stream when the handler throws or it fails. */
    private record AbortingOnFailure(StreamingChatResponseHandler handler, StreamingHandle exchange)
            implements StreamingChatResponseHandler {

        @Override
        public void onPartialResponse(String piece) {
            onPartialResponse(new PartialResponse(piece), null);
        }

        @Override
        public void onPartialResponse(PartialResponse piece, PartialResponseContext context) {
            try {
                handler.onPartialResponse(piece, new PartialResponseContext(exchange));
            } catch (RuntimeException e) {
                exchange.cancel();
                throw e; // LangChain4j hands it to onError
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            handler.onCompleteResponse(response);
        }

        @Override
        public void onError(Throwable error) {
            exchange.cancel();
            handler.onError(error);
        }
    }
}

package dk.articlesummarizer.llm;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
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
public final class CancellableStreamingModel {

    private final StreamingChatModel model;

    CancellableStreamingModel(StreamingChatModel model) {
        this.model = model;
    }

    /** Starts the stream; the handle's {@code cancel()} aborts it, before its first piece too. */
    public StreamingHandle start(ChatRequest request, StreamingChatResponseHandler handler) {
        ProviderHttpClient.Exchange exchange = new ProviderHttpClient.Exchange();
        ProviderHttpClient.streaming(exchange, () -> model.chat(request, new AbortingOnFailure(handler, exchange)));
        return exchange;
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

package dk.articlesummarizer.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;

/**
 * Refuses a JSON body that is not well-formed UTF-8 before Jackson reads it. Jackson lets some ill-formed sequences
 * through (an overlong {@code C0 AF} or {@code E0 80 AF} just before a string's closing quote decodes to {@code /};
 * {@code F4 90 80 80}, beyond U+10FFFF, becomes {@code ??}), so a caller's bytes could reach the model, and the
 * cache key, as something they did not say. The JDK's decoder refuses every ill-formed sequence. Text, HTML and
 * Markdown bodies are decoded just as strictly by {@link PlainTextBody}.
 */
@Provider
public class StrictJsonEncoding implements ReaderInterceptor {

    /** Checked in slices, so that a batch of several megabytes needs no copy of itself as characters. */
    private static final int SLICE_CHARS = 8192;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        // The body was read whole already (BodyLimitFilter, or Quarkus REST's input buffer): this copies memory.
        byte[] body = context.getInputStream().readAllBytes();
        if (!isUtf8(body)) {
            throw new ProblemException(ProblemType.INVALID_ENCODING, "The request body is not valid UTF-8"
                    + " (JSON must be UTF-8; overlong forms, surrogates and code points beyond U+10FFFF are not).");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static boolean isUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(1, Math.min(SLICE_CHARS, bytes.length)));
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return !decoder.flush(out).isError();
            }
            out.clear();
        }
    }
}

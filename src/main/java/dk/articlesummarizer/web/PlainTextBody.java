package dk.articlesummarizer.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import jakarta.ws.rs.core.MediaType;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;

/**
 * Decodes a text/plain body strictly by its {@code charset} parameter (UTF-8 when absent): bytes that are not
 * valid in that charset are refused instead of silently becoming U+FFFD and reaching the LLM.
 */
final class PlainTextBody {

    private PlainTextBody() {
    }

    static String decode(byte[] body, MediaType mediaType) {
        Charset charset = charsetOf(mediaType);
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(ProblemType.INVALID_ENCODING, "The request body is not valid "
                    + charset.name() + ". Declare the right charset in Content-Type, e.g. text/plain; charset=UTF-8.");
        }
    }

    private static Charset charsetOf(MediaType mediaType) {
        String name = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Unsupported charset '"
                    + name.replaceAll("[^\\w.:-]", "?") + "'. Use UTF-8, ISO-8859-1 or windows-1252.");
        }
    }
}

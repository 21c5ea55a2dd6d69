package dk.articlesummarizer.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Our own sample articles under src/test/resources/articles. */
public final class Articles {

    public static final String SHORT_DANISH = "kort-havnebad.txt";
    public static final String MEDIUM_DANISH = "mellem-vindmoelle.txt";
    public static final String NORWEGIAN = "norsk-skole.txt";
    public static final String ENGLISH = "english-article.txt";

    private Articles() {
    }

    public static String load(String name) {
        try (InputStream in = Articles.class.getResourceAsStream("/articles/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample article " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A distinct Danish article per call, so tests never see each other's cache entries. */
    public static String uniqueDanish(String name, String marker) {
        return load(name) + "\n\nSagen er registreret under journalnummer " + marker + ".";
    }
}

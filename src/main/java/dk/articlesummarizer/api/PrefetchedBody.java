package dk.articlesummarizer.api;

import java.io.ByteArrayInputStream;

/** A request body read whole by {@link BodyPrefetchFilter}; the body reader takes its array as it is. */
final class PrefetchedBody extends ByteArrayInputStream {

    PrefetchedBody(byte[] body) {
        super(body);
    }

    byte[] bytes() {
        return buf;
    }
}

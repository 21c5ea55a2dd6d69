package dk.articlesummarizer.api;

/** A request's declared Content-Length. */
final class ContentLength {

    private ContentLength() {
    }

    /** The length, or -1 when the header is missing or not a number. */
    static long parse(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

package dk.articlesummarizer.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CachePolicyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|NORMAL",
            "max-age=60|NORMAL",
            "no-cache|REFRESH",
            "No-Cache|REFRESH",
            "max-age=0, no-cache|REFRESH",
            "no-cache=\"Set-Cookie\"|REFRESH",
            "no-store|BYPASS",
            "no-cache, no-store|BYPASS",
            " no-store , max-age=5|BYPASS" })
    void readsTheDirectives(String header, CachePolicy expected) {
        assertEquals(expected, CachePolicy.fromCacheControl(header));
    }
}

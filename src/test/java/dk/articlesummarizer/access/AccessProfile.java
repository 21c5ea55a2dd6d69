package dk.articlesummarizer.access;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Four API keys (each test that counts has its own) and a small rate limit. */
public class AccessProfile implements QuarkusTestProfile {

    static final String KEY_A = "alpha-3f8e1c9d";
    static final String KEY_B = "beta-77a1e0b2";
    static final String KEY_C = "gamma-0c4d9e21";
    static final String KEY_D = "delta-5b7f2a90";
    static final int PER_MINUTE = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("summarizer.api-keys", KEY_A + "," + KEY_B + "," + KEY_C + "," + KEY_D,
                "summarizer.rate-limit.per-minute", String.valueOf(PER_MINUTE));
    }
}

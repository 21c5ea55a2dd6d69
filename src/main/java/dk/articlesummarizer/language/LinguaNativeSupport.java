package dk.articlesummarizer.language;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Lingua reads its JSON language models with Moshi's reflective Kotlin adapter; a native image must keep these
 * classes' members. (The model files themselves are included by quarkus.native.resources.includes.)
 */
@RegisterForReflection(classNames = {
        "com.github.pemistahl.lingua.internal.JsonLanguageModel",
        "com.github.pemistahl.lingua.internal.FractionAdapter",
        "com.github.pemistahl.lingua.api.Language",
        "com.github.pemistahl.lingua.api.IsoCode639_1",
        "com.github.pemistahl.lingua.api.IsoCode639_3" })
final class LinguaNativeSupport {

    private LinguaNativeSupport() {
    }
}

package dk.articlesummarizer.llm;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The structured answer with headline and bullets of an already translated long article. */
@RegisterForReflection
public record ArticleDigest(
        String title,
        List<String> summary) {
}

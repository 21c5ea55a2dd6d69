package dk.articlesummarizer.llm;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A bullet of the summary and the article paragraphs it rests on, numbered from 1 as the article's paragraphs (an
 * HTML or Markdown article's blocks of text).
 */
@RegisterForReflection
public record Bullet(String text, List<Integer> paragraphs) {

    public Bullet {
        paragraphs = List.copyOf(paragraphs);
    }
}
